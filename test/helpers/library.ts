import * as fs from 'node:fs';
import * as path from 'node:path';
import { openLibrary, type Db } from '../../src/main/engine/db/library';
import { LibraryIndexer } from '../../src/main/engine/indexer/library-indexer';
import { tempDir } from './tree';
import type { EntryKind } from '../../src/shared/types';

/** A fresh library file in a temp dir, with an indexer over it. */
export function newLibrary(): { db: Db; dbFile: string; indexer: LibraryIndexer } {
  const dbFile = path.join(tempDir('ferry-lib-'), 'library.db');
  const db = openLibrary(dbFile);
  return { db, dbFile, indexer: new LibraryIndexer(db, dbFile) };
}

export interface Row {
  relative_path: string;
  name: string;
  kind: string;
  size: number;
  mtime_ms: number;
  aggregate_size: number | null;
  file_count: number | null;
}

export function rowsOf(db: Db, locationId: number): Row[] {
  return db.prepare(
    `SELECT relative_path, name, kind, size, mtime_ms, aggregate_size, file_count FROM entries
     WHERE location_id = ? ORDER BY relative_path, name`,
  ).all(locationId) as Row[];
}

/** The root-relative paths the index holds ('a/b.txt'), sorted. */
export function indexedPaths(db: Db, locationId: number): string[] {
  return rowsOf(db, locationId).map((r) => (r.relative_path ? `${r.relative_path}/${r.name}` : r.name)).sort();
}

export interface DiskEntry { rel: string; kind: EntryKind; size: number }

/** Every entry under `root` as the disk has it (lstat, symlinks not followed), root-relative, sorted. */
export function diskEntries(root: string): DiskEntry[] {
  const out: DiskEntry[] = [];
  const visit = (dir: string, rel: string) => {
    for (const name of fs.readdirSync(dir)) {
      const abs = path.join(dir, name);
      const r = rel ? `${rel}/${name}` : name;
      const st = fs.lstatSync(abs);
      const kind = st.isFile() ? 'file' : st.isDirectory() ? 'dir' : st.isSymbolicLink() ? 'symlink' : 'other';
      out.push({ rel: r, kind, size: st.size });
      if (kind === 'dir') visit(abs, r);
    }
  };
  visit(root, '');
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** The library search's rows of a location (search_folders): each folder's names sorted, checked folded. */
export function searchRowsOf(db: Db, locationId: number): { folder: string; names: string[] }[] {
  const rows = db.prepare('SELECT relative_path, names, folded FROM search_folders WHERE location_id = ? ORDER BY relative_path')
    .all(locationId) as { relative_path: string; names: string; folded: string }[];
  return rows.map((r) => {
    if (r.folded !== r.names.toLowerCase()) throw new Error(`search row ${r.relative_path}: folded is not the names folded`);
    return { folder: r.relative_path, names: r.names.slice(1, -1).split('/').sort() };
  });
}
