import * as fs from 'node:fs';
import type { FolderSize } from '../../../shared/file-info';
import { FerryError } from '../../../shared/errors';
import { fsPath } from '../fs/byte-names';
import { childPath } from '../fs/entry-kind';
import { readEntriesAsync } from './read-entries';

/** Folders read at once: enough to keep a disk's queue busy, few enough to leave the event loop free. */
const PARALLEL_FOLDERS = 4;
/** lstat calls in flight per folder. */
const PARALLEL_STATS = 32;

/**
 * Counts a folder's regular files and their bytes on disk, as `du --apparent-size` would but per entry
 * (hard links count each time, as the index counts them). Symlinks are not followed. Runs on the event
 * loop with async calls, a few folders at a time, so the engine keeps answering while a big tree is
 * counted; `signal` stops it between two reads and the counts so far come back with `complete: false`.
 */
export async function measureFolder(root: string, signal?: AbortSignal): Promise<FolderSize> {
  const totals: FolderSize = { files: 0, bytes: 0, folders: 0, unreadable: 0, complete: false };
  const rootStat = await fs.promises.lstat(fsPath(root));
  if (!rootStat.isDirectory()) throw new FerryError('NOT_A_DIRECTORY', `${root} is not a folder`, root);
  const pending: string[] = [root];
  let active = 0;
  await new Promise<void>((resolve, reject) => {
    const pump = () => {
      if (signal?.aborted) {
        if (active === 0) resolve();
        return;
      }
      while (active < PARALLEL_FOLDERS && pending.length > 0) {
        const dir = pending.pop()!;
        active += 1;
        countFolder(dir, totals, pending, signal).then(() => {
          active -= 1;
          pump();
        }, reject);
      }
      if (active === 0 && pending.length === 0) resolve();
    };
    pump();
  });
  totals.complete = !signal?.aborted;
  return totals;
}

async function countFolder(dir: string, totals: FolderSize, pending: string[], signal?: AbortSignal): Promise<void> {
  let entries: fs.Dirent[];
  try {
    entries = await readEntriesAsync(dir);
  } catch {
    totals.unreadable += 1;
    return;
  }
  const files: string[] = [];
  for (const d of entries) {
    const full = childPath(dir, d.name);
    if (d.isDirectory()) {
      totals.folders += 1;
      pending.push(full);
    } else if (d.isFile()) {
      files.push(full);
    } else if (!d.isSymbolicLink() && !d.isFIFO() && !d.isSocket() && !d.isBlockDevice() && !d.isCharacterDevice()) {
      // DT_UNKNOWN (some file systems): only an lstat tells; it is done with the files below.
      files.push(full);
    }
  }
  for (let i = 0; i < files.length && !signal?.aborted; i += PARALLEL_STATS) {
    const batch = files.slice(i, i + PARALLEL_STATS);
    const stats = await Promise.all(batch.map((f) => fs.promises.lstat(fsPath(f)).catch(() => null)));
    stats.forEach((st, at) => {
      if (st?.isFile()) {
        totals.files += 1;
        totals.bytes += st.size;
      } else if (st?.isDirectory()) {
        totals.folders += 1;
        pending.push(batch[at]!);
      }
    });
  }
}

/**
 * The folder counts running for the UI, each under the id its caller chose, so that closing the Info
 * window (or asking again) cancels it. One engine serves several windows; ids are the callers' UUIDs.
 */
export class FolderSizes {
  private readonly running = new Map<string, AbortController>();

  async measure(path: string, requestId: string): Promise<FolderSize> {
    this.cancel(requestId);
    const controller = new AbortController();
    this.running.set(requestId, controller);
    try {
      return await measureFolder(path, controller.signal);
    } finally {
      if (this.running.get(requestId) === controller) this.running.delete(requestId);
    }
  }

  cancel(requestId: string): void {
    this.running.get(requestId)?.abort();
  }

  cancelAll(): void {
    for (const c of this.running.values()) c.abort();
  }
}
