import type { EventOf } from '../../shared/events';
import { baseName, joinPath } from '../lib/paths';
import type { FerryStore } from './store';

/** How long a clean copy's finished dialog stays before it closes by itself (Finder's closes at once). */
export const DIALOG_CLOSE_MS = 3_000;

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
    if (copy && get().path === copy.destination) get().selectPaths(get().visiblePaths, copy.paths);
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
