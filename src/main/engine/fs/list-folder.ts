import * as fs from 'node:fs';
import * as path from 'node:path';
import { FerryError, toErrorValue } from '../../../shared/errors';
import type { EntryKind, FolderEntry, FolderListing } from '../../../shared/types';

/**
 * How many lstat calls are in flight at once. libuv runs them on its small thread pool anyway; a
 * bounded pool keeps 100k pending promises (and their memory) from piling up while staying busy.
 */
const LSTAT_CONCURRENCY = 64;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * Lists one folder for the file browser: every entry (hidden ones flagged, not dropped), kinds from
 * lstat (a symlink is a symlink, never what it points at), folders first, then by name as people
 * sort them ("file 2" before "file 10").
 */
export async function listFolder(folder: string): Promise<FolderListing> {
  if (!path.isAbsolute(folder)) throw new FerryError('INVALID_INPUT', `Not an absolute path: ${folder}`, folder);
  const dir = path.resolve(folder);
  let dirents: fs.Dirent[];
  try {
    dirents = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch (err) {
    const value = toErrorValue(err, dir);
    throw new FerryError(value.code, value.message, dir);
  }
  const stats = await lstatAll(dirents.map((d) => path.join(dir, d.name)), LSTAT_CONCURRENCY);
  const listed: FolderEntry[] = [];
  dirents.forEach((d, i) => {
    const entry = describe(dir, d, stats[i]!);
    if (entry) listed.push(entry);
  });
  listed.sort(compareEntries);
  const parent = path.dirname(dir);
  return { path: dir, parent: parent === dir ? null : parent, entries: listed };
}

function describe(dir: string, dirent: fs.Dirent, st: fs.Stats | NodeJS.ErrnoException): FolderEntry | null {
  const full = path.join(dir, dirent.name);
  const hidden = dirent.name.startsWith('.');
  if (st instanceof fs.Stats) {
    return { name: dirent.name, path: full, kind: kindOfStats(st), size: st.isFile() ? st.size : 0, mtimeMs: st.mtimeMs, hidden };
  }
  // Gone between readdir and lstat: it is no longer in the folder, so it is not listed.
  if (st.code === 'ENOENT') return null;
  // Listed but not stat-able (a folder readable but not searchable): show it with what readdir knew.
  return { name: dirent.name, path: full, kind: kindOfDirent(dirent), size: 0, mtimeMs: 0, hidden };
}

function kindOfStats(st: fs.Stats): EntryKind {
  if (st.isSymbolicLink()) return 'symlink';
  if (st.isDirectory()) return 'dir';
  if (st.isFile()) return 'file';
  return 'other';
}

function kindOfDirent(d: fs.Dirent): EntryKind {
  if (d.isSymbolicLink()) return 'symlink';
  if (d.isDirectory()) return 'dir';
  if (d.isFile()) return 'file';
  return 'other';
}

export function compareEntries(a: FolderEntry, b: FolderEntry): number {
  const folders = Number(b.kind === 'dir') - Number(a.kind === 'dir');
  if (folders !== 0) return folders;
  // Names equal to the collator ("a" and "A") still need a stable, deterministic order.
  return collator.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/**
 * lstat of every path, at most `limit` pending, results in the order of `paths`. Callback style on
 * purpose: for 100k entries a promise per call costs about as much as the system calls themselves.
 */
export function lstatAll(paths: readonly string[], limit: number): Promise<Array<fs.Stats | NodeJS.ErrnoException>> {
  const results = new Array<fs.Stats | NodeJS.ErrnoException>(paths.length);
  if (paths.length === 0) return Promise.resolve(results);
  return new Promise((resolve) => {
    let next = 0;
    let finished = 0;
    const startNext = (): void => {
      const i = next++;
      if (i >= paths.length) return;
      fs.lstat(paths[i]!, (err, st) => {
        results[i] = err ?? st;
        if (++finished === paths.length) resolve(results);
        else startNext();
      });
    };
    for (let k = 0; k < Math.min(limit, paths.length); k++) startNext();
  });
}
