import type { FerryApi } from '../../shared/api';
import { displayName } from '../../shared/display-name';
import { errorMessage } from '../api/client';
import { plural } from '../lib/format';
import { baseName } from '../lib/paths';
import type { FerryStore } from './store';

/**
 * Move to Trash, the flow shared by the Delete key, the context menu and a drop on the sidebar's Trash:
 * the engine moves the items, the folder on screen is re-read, the Trash view too when it is open.
 */
export function createTrashActions(store: FerryStore, api: FerryApi, refresh: () => Promise<void>) {
  const get = store.getState;
  return {
    async moveToTrash(paths: readonly string[]): Promise<void> {
      if (paths.length === 0) return;
      try {
        const { items, failed } = await api.trashItems({ paths: [...paths] });
        if (items.length > 0) {
          get().showNotice(items.length === 1 ? `Moved “${displayName(baseName(items[0]!.originalPath))}” to the Trash` : `Moved ${plural(items.length, 'item')} to the Trash`);
        }
        for (const f of failed) get().showNotice(f.message, 'error');
      } catch (err) {
        get().showNotice(errorMessage(err), 'error');
      }
      await refresh();
      if (get().trashOpen) await get().loadTrash();
    },
  };
}
export type TrashActions = ReturnType<typeof createTrashActions>;
