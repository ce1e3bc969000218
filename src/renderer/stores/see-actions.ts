import type { FerryApi } from '../../shared/api';
import type { FolderEntry } from '../../shared/types';
import { selectedInOrder } from './selection';
import type { FerryState, FerryStore } from './store';

/** Free space is read again this long after the folder's listing last changed (a copy landing, a refresh). */
const FREE_SPACE_SETTLE_MS = 500;

export type SeeActions = ReturnType<typeof createSeeActions>;

/**
 * The "see files" flows: Quick Look over the selection, Get Info, Copy Path's text, and the status bar's
 * free space kept for the shown folder. DOM-free like the rest of the store (the clipboard write is in
 * src/renderer/dom/copy-paths.ts).
 */
export function createSeeActions(store: FerryStore, api: FerryApi) {
  const get = store.getState;

  /** The item a command about "this item" means: the focused row when it is selected, else the first selected. */
  function currentPath(s: FerryState): string | null {
    const focused = s.focus !== null ? s.visiblePaths[s.focus] : undefined;
    if (focused !== undefined && s.selected.has(focused)) return focused;
    return selectedInOrder(s)[0] ?? null;
  }

  function toggleQuickLook(): void {
    const s = get();
    if (s.quickLook) return s.closeQuickLook();
    const selected = selectedInOrder(s);
    const at = currentPath(s);
    if (at === null) return;
    if (selected.length > 1) s.openQuickLook({ paths: selected, index: Math.max(0, selected.indexOf(at)), followsFocus: false });
    else s.openQuickLook({ paths: s.visiblePaths, index: s.visiblePaths.indexOf(at), followsFocus: true });
  }

  /** Arrows in Quick Look: the next or previous item (one selected: the list's selection moves along). */
  function stepQuickLook(delta: number): void {
    const s = get();
    const look = s.quickLook;
    if (!look || look.paths.length === 0) return;
    if (look.followsFocus) {
      const order = s.visiblePaths;
      const from = order.indexOf(look.paths[look.index] ?? '');
      const index = Math.max(0, Math.min(order.length - 1, from + delta));
      s.click(order, index, 'replace');
      s.openQuickLook({ paths: order, index, followsFocus: true });
    } else {
      const n = look.paths.length;
      s.openQuickLook({ ...look, index: (look.index + delta + n) % n });
    }
  }

  /** Get Info on the selected item, or on the shown folder when nothing is selected. */
  function showInfo(path?: string): void {
    const s = get();
    const target = path ?? currentPath(s) ?? s.path;
    if (target) s.openInfo(target);
  }

  /** Copy Path's text: the selected paths in list order, one a line; the shown folder when nothing is selected. */
  function pathsToCopy(): string[] {
    const s = get();
    const selected = selectedInOrder(s);
    return selected.length > 0 ? selected : s.path ? [s.path] : [];
  }

  /** The entry shown at a path in this folder (Quick Look's item), if listed. */
  function entryAt(path: string): FolderEntry | undefined {
    return get().visible.find((e) => e.path === path);
  }

  async function refreshFreeSpace(): Promise<void> {
    const folder = get().path;
    if (!folder) return;
    try {
      const space = await api.diskSpace({ path: folder });
      if (get().path === folder) get().setFreeSpace({ ...space, folder });
    } catch {
      if (get().path === folder) get().setFreeSpace(null); // e.g. an unreadable folder: say nothing rather than a stale number
    }
  }

  /**
   * Keeps the free space current: read when a folder opens, and again once its listing settles after a change
   * (what lands in it, or leaves it, changes the free space). Quick Look closes when the folder changes.
   */
  function watch(): () => void {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.path !== prev.path) {
        if (s.quickLook) s.closeQuickLook();
        if (timer) clearTimeout(timer);
        timer = null;
        void refreshFreeSpace();
      } else if (s.listing !== prev.listing && s.listing?.complete) {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => { timer = null; void refreshFreeSpace(); }, FREE_SPACE_SETTLE_MS);
      }
    });
    void refreshFreeSpace();
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }

  return { toggleQuickLook, stepQuickLook, showInfo, pathsToCopy, entryAt, refreshFreeSpace, watch };
}

/** Bytes of the selected files (folders' contents are not counted here: Get Info does that). */
export function selectedFileBytes(visible: readonly FolderEntry[], selected: ReadonlySet<string>): number {
  let bytes = 0;
  for (const e of visible) if (e.kind === 'file' && selected.has(e.path)) bytes += e.size;
  return bytes;
}
