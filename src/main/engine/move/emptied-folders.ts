import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeName, fsPath } from '../fs/byte-names';

/**
 * The end of a move: the SOURCE folders it emptied are removed, deepest first. Only folders, and only
 * empty ones (rmdir(2) refuses the others): whatever was skipped, failed or could not be removed stays
 * where it was, with the folders that lead to it. Their times do not matter (the destination's were restored).
 * Returns how many folders were removed.
 */
export function removeEmptiedFolders(sources: readonly string[]): number {
  let removed = 0;
  for (const source of sources) removed += removeIfEmptied(source);
  return removed;
}

function removeIfEmptied(dir: string): number {
  let st: fs.Stats | undefined;
  try {
    st = fs.lstatSync(fsPath(dir), { throwIfNoEntry: false });
  } catch {
    return 0;
  }
  if (!st?.isDirectory()) return 0;
  let removed = 0;
  let entries: fs.Dirent<Buffer>[];
  try {
    entries = fs.readdirSync(fsPath(dir), { withFileTypes: true, encoding: 'buffer' });
  } catch {
    return 0; // unreadable: what is in it stays, so does it
  }
  for (const e of entries) {
    if (e.isDirectory()) removed += removeIfEmptied(path.join(dir, decodeName(e.name)));
  }
  try {
    fs.rmdirSync(fsPath(dir));
    removed++;
  } catch {
    // ENOTEMPTY: something stays in it (skipped, failed, a FIFO); EACCES: its parent cannot be written.
  }
  return removed;
}
