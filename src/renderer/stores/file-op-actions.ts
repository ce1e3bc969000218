import type { FerryApi } from '../../shared/api';
import { displayName } from '../../shared/display-name';
import type { EventOf } from '../../shared/events';
import { nameRefusal } from '../../shared/item-names';
import type { FolderEntry } from '../../shared/types';
import { errorMessage } from '../api/client';
import { plural } from '../lib/format';
import { baseName } from '../lib/paths';
import { selectedInOrder } from './selection';
import type { FerryStore } from './store';

/** How this window opens a file: the desktop app asks the engine's host, the browser host opens a tab. */
export type FileOpener = (entry: FolderEntry) => Promise<void>;

export interface FileOpDeps {
  /** Re-reads the folder on screen (the actions' navigate of the same path). */
  refresh(): Promise<void>;
  openFile?: FileOpener;
}

/**
 * Rename, New Folder, Delete Permanently and Open, as the menu, the shortcuts and the inline field run them.
 * Every change goes through the engine (the same methods as `ferry rename`, `mkdir`, `rm`); the list is
 * re-read after it, and the item the user acted on stays selected and in view.
 */
export function createFileOpActions(store: FerryStore, api: FerryApi, deps: FileOpDeps) {
  const get = store.getState;

  /** Selects one path of the folder on screen and puts the keyboard focus (and the scroll) on it. */
  function selectOnly(path: string): void {
    const order = get().visiblePaths;
    const index = order.indexOf(path);
    if (index >= 0) get().click(order, index, 'replace');
  }

  return {
    /** F2 / Enter on macOS / a click on a selected name: the one selected item, else the focused one. */
    renameSelection(): void {
      const selected = selectedInOrder(get());
      const focus = get().focus;
      const target = selected.length === 1 ? selected[0] : selected.length === 0 && focus !== null ? get().visiblePaths[focus] : undefined;
      if (target) get().beginRename(target);
    },

    /** Enter in the field. The same name is no change; a refusal keeps the field open with why. */
    async commitRename(newName: string): Promise<void> {
      const renaming = get().renaming;
      if (!renaming) return;
      if (newName === baseName(renaming.path)) { get().endRename(); return; }
      const refusal = nameRefusal(newName);
      if (refusal) { get().renameRefused(refusal); return; }
      try {
        const { path } = await api.renameItem({ path: renaming.path, newName });
        // Still this field (the live folder may have seen the rename already and moved it to the new name).
        const field = get().renaming?.path;
        if (field !== renaming.path && field !== path) return;
        get().endRename();
        await deps.refresh();
        selectOnly(path);
      } catch (err) {
        if (get().renaming?.path === renaming.path) get().renameRefused(errorMessage(err));
      }
    },

    cancelRename(): void {
      get().endRename();
    },

    /** "New Folder" (then "New Folder 2"…) in the folder on screen: selected, in view and in rename. */
    async newFolder(): Promise<void> {
      const parent = get().path;
      if (!parent) return;
      try {
        const { path } = await api.createFolder({ parent });
        await deps.refresh();
        selectOnly(path);
        get().beginRename(path);
      } catch (err) {
        get().showNotice(errorMessage(err), 'error');
      }
    },

    /** Shift+Delete: asks first, naming what goes. */
    askDeleteSelection(): void {
      get().askDelete(selectedInOrder(get()));
    },

    /** The confirmation's Delete: a `delete` job (its progress in the jobs list); the list follows when it ends. */
    async confirmDelete(): Promise<void> {
      const deleting = get().deleting;
      get().closeDelete();
      if (!deleting) return;
      // What could not be deleted is said when the job ends. Its end may come before the reply that names the
      // job: endings are kept until then.
      let jobId: string | null = null;
      const endings: EventOf<'completed'>[] = [];
      const report = (end: EventOf<'completed'>) => {
        off();
        if (end.failedFiles > 0) get().showNotice(`${end.message ?? plural(end.failedFiles, 'item') + ' could not be deleted'}: see the jobs list`, 'error');
      };
      const off = api.onEvent((e) => {
        if (e.type !== 'completed') return;
        if (jobId === null) endings.push(e);
        else if (e.jobId === jobId) report(e);
      });
      try {
        ({ jobId } = await api.deleteItems({ paths: deleting.paths }));
        get().clearSelection();
        const ended = endings.find((e) => e.jobId === jobId);
        if (ended) report(ended);
      } catch (err) {
        off();
        get().showNotice(errorMessage(err), 'error');
      }
    },

    /** Double-click or Enter on a file. */
    async open(entry: FolderEntry): Promise<void> {
      if (!deps.openFile) { get().showNotice(`“${displayName(entry.name)}” cannot be opened here`); return; }
      try {
        await deps.openFile(entry);
      } catch (err) {
        get().showNotice(errorMessage(err), 'error');
      }
    },
  };
}

export type FileOpActions = ReturnType<typeof createFileOpActions>;

/** The confirmation's question: “a.txt”, “a.txt” and “b.txt”, or “a.txt” and 2 other items. */
export function deleteQuestion(paths: readonly string[]): string {
  const first = `\u201c${displayName(baseName(paths[0] ?? ''))}\u201d`;
  if (paths.length <= 1) return `Delete ${first} permanently?`;
  if (paths.length === 2) return `Delete ${first} and \u201c${displayName(baseName(paths[1]!))}\u201d permanently?`;
  return `Delete ${first} and ${plural(paths.length - 1, 'other item')} permanently?`;
}
