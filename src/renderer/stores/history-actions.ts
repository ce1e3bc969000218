import type { FerryApi } from '../../shared/api';
import { errorMessage } from '../api/client';
import type { FerryStore } from './store';

/**
 * Undo and redo from this window (Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z, the Edit menu): the engine checks the disk
 * and runs the inverse; a refusal ("Can't undo Rename: the name “a.txt” is taken in “docs”") is shown as a
 * notice and nothing changed. The folder on screen is read again, since the step changed what is in it.
 */
export function createHistoryActions(store: FerryStore, api: FerryApi, refresh: () => Promise<void>) {
  const get = store.getState;
  let running = false;

  async function step(direction: 'undo' | 'redo'): Promise<void> {
    // One at a time from a window: a held Ctrl+Z must not queue steps on a history that each one changes.
    if (running) return;
    running = true;
    try {
      const done = await (direction === 'undo' ? api.undo({}) : api.redo({}));
      get().showNotice(`${direction === 'undo' ? 'Undid' : 'Redid'} ${done.entry.label}`);
      await refresh();
    } catch (err) {
      get().showNotice(errorMessage(err), 'error');
    } finally {
      running = false;
      await get().refreshHistory();
    }
  }

  return {
    undo: () => step('undo'),
    redo: () => step('redo'),
    /** The poll's read: when another window or process changed the history, this folder may have changed too. */
    async followHistory(): Promise<void> {
      if (await get().refreshHistory()) await refresh();
    },
  };
}
