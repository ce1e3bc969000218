import * as path from 'node:path';
import { fsPath } from '../fs/byte-names';
import { setTimesNsAsync } from '../fs/file-times';

/**
 * Folder times to restore once every file is in: writing a file changes its folder's mtime, so a
 * folder's times can only be set at the end. One entry per folder, not per file (folders are a small
 * fraction of a tree).
 */
export class FolderTimes {
  private readonly times = new Map<string, [bigint, bigint]>();

  /** Nanoseconds since the epoch, as the source's BigIntStats has them. */
  note(rel: string, atimeNs: bigint, mtimeNs: bigint): void {
    this.times.set(rel, [atimeNs, mtimeNs]);
  }

  /** Asynchronous (libuv's pool), a few at a time, so the event loop stays free. */
  async restore(dest: string): Promise<void> {
    const entries = [...this.times];
    this.times.clear();
    const PARALLEL = 16;
    for (let i = 0; i < entries.length; i += PARALLEL) {
      await Promise.allSettled(entries.slice(i, i + PARALLEL).map(([rel, [atimeNs, mtimeNs]]) =>
        setTimesNsAsync(fsPath(path.join(dest, rel)), atimeNs, mtimeNs)));
    }
  }
}
