import type { EventOf } from '../../shared/events';
import { baseName, joinPath } from '../lib/paths';
import type { FerryStore } from './store';

/** How long a clean copy's finished dialog stays before it closes by itself (Finder's closes at once). */
export const DIALOG_CLOSE_MS = 3_000;
/** How long landed items may take to show in the folder on screen before they are no longer selected. */
const SELECT_WAIT_MS = 5_000;

/** A finish to acknowledge only: everything copied or deliberately skipped, nothing failed or stopped. */
export function closesByItself(completed: EventOf<'completed'>): boolean {
  return completed.status === 'done' && completed.failedFiles === 0 && !completed.message;
}

/**
 * Copies this window started (a paste, a drop), until they land: then the folder on screen (which may be
 * the destination, or hold it) shows what arrived, the items copied are selected and scrolled to, and a
 * clean finish's dialog gets out of the way by itself.
 */
export function createLanding(store: FerryStore, refresh: () => Promise<void>) {
  const get = store.getState;
  const expected = new Map<string, { destination: string; paths: string[] }>();

  async function landed(jobId: string, completed: EventOf<'completed'>): Promise<void> {
    const copy = expected.get(jobId);
    expected.delete(jobId);
    if (copy && closesByItself(completed)) setTimeout(() => get().closeDialog(jobId), DIALOG_CLOSE_MS);
    await refresh();
    if (copy) selectWhenShown(copy.destination, copy.paths);
  }

  /**
   * Selects the landed items once the folder on screen shows them. The listing that shows them may be
   * another than the one this refresh read: a live folder's own re-read can supersede it, so wait (a few
   * seconds at most) for the rows to appear rather than select among the rows of the moment.
   */
  function selectWhenShown(destination: string, paths: string[]): void {
    const trySelect = (): boolean => {
      const s = get();
      if (s.path !== destination) return true; // the user went elsewhere: nothing to select
      const visible = new Set(s.visiblePaths);
      if (!paths.some((p) => visible.has(p))) return false;
      s.selectPaths(s.visiblePaths, paths);
      return true;
    };
    if (trySelect()) return;
    const stop = store.subscribe((s, prev) => {
      if (s.visiblePaths !== prev.visiblePaths || s.path !== prev.path) if (trySelect()) { stop(); clearTimeout(timer); }
    });
    const timer = setTimeout(stop, SELECT_WAIT_MS);
  }

  return {
    /** The engine started this window's copy of `sources` into `destination` as `jobId`. */
    expect(jobId: string, sources: readonly string[], destination: string): void {
      expected.set(jobId, { destination, paths: sources.map((s) => joinPath(destination, baseName(s))) });
      // A small copy can end before its id came back: it landed already.
      const ended = get().byId[jobId]?.completed;
      if (ended) void landed(jobId, ended);
    },
    /** A copy ended (any copy: another window's may land in the folder on screen too). */
    landed,
  };
}
