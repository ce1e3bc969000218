import * as fs from 'node:fs';
import { childPath } from '../fs/entry-kind';

/**
 * The synchronous directory reading shared by the copy engine's walking workers (delta discovery and
 * the destination index). Synchronous on purpose: it runs inside worker threads, where blocking is
 * free and one lstat call costs less than a promise round trip. Symlinks are never followed.
 */

/** Kind codes, small integers so that batches of entries travel between threads as typed arrays. */
export const KIND_FILE = 0;
export const KIND_DIR = 1;
export const KIND_SYMLINK = 2;
export const KIND_OTHER = 3;
export type KindCode = typeof KIND_FILE | typeof KIND_DIR | typeof KIND_SYMLINK | typeof KIND_OTHER;

export interface DiskEntry {
  name: string;
  kind: KindCode;
  /** Bytes for files and symlinks (the link's own length), 0 for directories and specials. */
  size: number;
  mtimeMs: number;
}

export interface ReadFailure {
  path: string;
  error: NodeJS.ErrnoException;
}

export function kindCodeOf(st: fs.Stats): KindCode {
  if (st.isSymbolicLink()) return KIND_SYMLINK;
  if (st.isDirectory()) return KIND_DIR;
  if (st.isFile()) return KIND_FILE;
  return KIND_OTHER;
}

export function statEntry(name: string, st: fs.Stats): DiskEntry {
  const kind = kindCodeOf(st);
  return { name, kind, size: kind === KIND_FILE || kind === KIND_SYMLINK ? st.size : 0, mtimeMs: st.mtimeMs };
}

/**
 * Lists one directory with lstat data for every entry. Throws when the directory itself cannot be
 * read (the caller reports it and walks on). An entry that vanishes between readdir and lstat is
 * simply not listed; any other lstat failure is returned in `failures`, the rest are listed.
 */
export function readDirectory(dir: string): { entries: DiskEntry[]; failures: ReadFailure[] } {
  const names = fs.readdirSync(dir);
  const entries: DiskEntry[] = [];
  const failures: ReadFailure[] = [];
  for (const name of names) {
    const full = childPath(dir, name);
    try {
      // No exception for a vanished entry: throwing costs more than the lstat itself.
      const st = fs.lstatSync(full, { throwIfNoEntry: false });
      if (st) entries.push(statEntry(name, st));
    } catch (err) {
      failures.push({ path: full, error: err as NodeJS.ErrnoException });
    }
  }
  return { entries, failures };
}


