import type { FerryApi } from '../../shared/api';
import type { FolderChangedEvent } from '../../shared/events';
import { applyFolderChange, pairRenames } from '../lib/folder-changes';
import type { FerryStore } from './store';

/**
 * Live folders, the window's side: it watches the folder it shows (the engine watches each folder once
 * for every window on it), and applies each change to the rows, the selection and keyboard focus kept on
 * their paths. A "read it again" change (bulk copies) re-reads the folder, at most one re-read at a time:
 * changes that come during one are covered by one more afterwards.
 */
export function createLiveFolder(store: FerryStore, api: FerryApi, refresh: () => Promise<void>) {
  const get = store.getState;
  let watched: string | null = null;
  let watchId: string | null = null;
  let rereading: Promise<void> | null = null;
  let again = false;

  function reread(): void {
    if (rereading) { again = true; return; }
    rereading = refresh().finally(() => {
      rereading = null;
      if (again) { again = false; reread(); }
    });
  }

  // Watch the folder shown (a new listing, or an unreadable folder: nothing to watch there).
  store.subscribe((s, prev) => {
    if (s.listing === prev.listing) return;
    const folder = s.listing && !s.listing.denied ? s.listing.path : null;
    if (folder === watched) return;
    watched = folder;
    watchId = null;
    get().setWatching(null);
    if (!folder) { api.unwatchFolder({}).catch(() => undefined); return; }
    api.watchFolder({ path: folder }).then(
      (r) => {
        if (watched !== folder) return;
        watchId = r.watchId;
        get().setWatching(folder);
      },
      () => undefined, // not watchable (no inotify left, gone meanwhile): the folder is read when asked
    );
  });

  /** What points at an item renamed by another program follows it: the selection, Quick Look, Get Info, the rename field. */
  function followRenames(renamed: ReadonlyMap<string, string>): void {
    const s = get();
    s.followRenames(renamed);
    const look = s.quickLook;
    if (look && look.paths.some((p) => renamed.has(p))) {
      s.openQuickLook({ ...look, paths: look.paths.map((p) => renamed.get(p) ?? p) });
    }
    const info = s.infoPath !== null ? renamed.get(s.infoPath) : undefined;
    if (info !== undefined) s.openInfo(info);
    const field = s.renaming ? renamed.get(s.renaming.path) : undefined;
    if (field !== undefined) s.renameTargetMoved(field);
  }

  return {
    handleFolderChange(event: FolderChangedEvent): void {
      const { listing } = get();
      // Only this window's current watch: a change of the folder it just left is stale.
      if (!listing || event.path !== listing.path || (watchId !== null && event.watchId !== watchId)) return;
      // While pages still arrive a row could come twice: the whole folder is read once they are in.
      if (event.reread || !listing.complete) { reread(); return; }
      const renamed = pairRenames(listing.entries, listing.path, event.entries, event.removed);
      const entries = applyFolderChange(listing.entries, listing.path, event.entries, event.removed);
      if (entries === listing.entries) return;
      const before = get().visiblePaths;
      get().replaceEntries(entries);
      get().followRows(before, get().visiblePaths, renamed);
      if (renamed.size > 0) followRenames(renamed);
      if (event.removed.length > 0) get().retainSelection(new Set(get().visiblePaths));
    },
  };
}
