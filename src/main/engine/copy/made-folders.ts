import * as fs from 'node:fs';
import * as path from 'node:path';
import { fsPath } from '../fs/byte-names';

/**
 * mkdir -p of `dir`; returns how many folders it made: `dir` and the ancestors above it up to the first that
 * was there (0: it was there). The job checkpoints these folders as its own (`made`, checkpoints.ts), so that
 * an undo sends a folder it made to the Trash whole, and never one that was there before. Counted from what
 * mkdir itself made, not from what the job expected to find: a folder made meanwhile by another of its
 * workers (a file can arrive before its folder's own item) is that worker's to count.
 */
export function makeFolders(dir: string): number {
  const first = fs.mkdirSync(fsPath(dir), { recursive: true });
  if (first === undefined) return 0;
  // mkdir answers with the first folder it made, as text (a name that is not UTF-8 comes back altered):
  // only its depth is read, and separators survive that.
  return depth(dir) - depth(first) + 1;
}

function depth(p: string): number {
  let n = 0;
  for (let i = p.indexOf(path.sep); i !== -1; i = p.indexOf(path.sep, i + 1)) n++;
  return n;
}
