import * as fs from 'node:fs';
import * as path from 'node:path';
import { fsPath } from '../fs/byte-names';

/**
 * Folder times to restore once every file is in: writing a file changes its folder's mtime, so a
 * folder's times can only be set at the end. One entry per folder, not per file (folders are a small
 * fraction of a tree).
 */
export class FolderTimes {
  private readonly times = new Map<string, [number, number]>();

  /** Seconds, as utimes takes them. */
  note(rel: string, atime: number, mtime: number): void {
    this.times.set(rel, [atime, mtime]);
  }

  /** Asynchronous utimes (libuv's pool), a few at a time, so the event loop stays free. */
  async restore(dest: string): Promise<void> {
    const entries = [...this.times];
    this.times.clear();
    const PARALLEL = 16;
    for (let i = 0; i < entries.length; i += PARALLEL) {
      await Promise.allSettled(entries.slice(i, i + PARALLEL).map(([rel, [atime, mtime]]) =>
        fs.promises.utimes(fsPath(path.join(dest, rel)), atime, mtime)));
    }
  }
}
