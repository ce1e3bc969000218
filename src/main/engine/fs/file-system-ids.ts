import * as fs from 'node:fs';
import { fsPath } from './byte-names';

/**
 * The id of the file system each path is on: stat's device number as a string (so a folder reached
 * through a symlink counts where its contents are), a dangling symlink's own device, and null for a path
 * that cannot be examined (gone, or unreadable on the way). Two equal ids mean rename(2) can move between
 * them; the app uses this to choose between move and copy when something is dropped (Finder's rule).
 */
export async function fileSystemIds(paths: readonly string[]): Promise<(string | null)[]> {
  return Promise.all(paths.map(async (p) => {
    const target = fsPath(p);
    try {
      return String((await fs.promises.stat(target)).dev);
    } catch {
      try {
        return String((await fs.promises.lstat(target)).dev);
      } catch {
        return null;
      }
    }
  }));
}
