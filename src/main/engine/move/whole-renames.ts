import * as fs from 'node:fs';
import * as path from 'node:path';
import { fsPath } from '../fs/byte-names';
import type { Db } from '../db/library';

/**
 * The first step of a move (docs/file-operations.md, "Moving"): each SOURCE whose place in DEST is free and
 * on the same file system is renamed there whole, before any job walks it: one rename(2), instant whatever
 * its size, inodes kept, and the library index follows at once. What remains (another file system, or a
 * name already taken at DEST: a merge or a conflict) goes to the move's job, file by file.
 */
export interface WholeRenames {
  /** SOURCEs now at DEST/<name>. */
  renamed: string[];
  /** SOURCEs for the job. */
  remaining: string[];
}

export function renameWhole(db: Db, sources: readonly string[], destination: string): WholeRenames {
  const out: WholeRenames = { renamed: [], remaining: [] };
  // A library without locations has no rows to follow: the index's modules are not even loaded (a
  // same-file-system `ferry move` is one rename, its process little more than Node's start-up).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, as said above
  const follow = hasLocations(db) ? (require('../db/index-follow') as typeof import('../db/index-follow')).entriesMoved : null;
  for (const source of sources) {
    const target = path.join(destination, path.basename(source));
    if (renamedInto(source, target)) {
      out.renamed.push(source);
      follow?.(db, source, target);
    } else {
      out.remaining.push(source);
    }
  }
  return out;
}

/**
 * Whether `source` was renamed to `target`. Only into a free name: rename(2) would silently replace a file
 * or an empty folder there, which is the job's to decide (overwrite modes, questions). Any error (EXDEV
 * across file systems, EACCES…) leaves the item to the job, which copies it or reports it file by file.
 */
function renamedInto(source: string, target: string): boolean {
  try {
    if (fs.lstatSync(fsPath(target), { throwIfNoEntry: false }) !== undefined) return false;
    fs.renameSync(fsPath(source), fsPath(target));
    return true;
  } catch {
    return false;
  }
}

function hasLocations(db: Db): boolean {
  return db.prepare('SELECT 1 FROM locations LIMIT 1').get() !== undefined;
}
