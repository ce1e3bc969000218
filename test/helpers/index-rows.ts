import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Db } from '../../src/main/engine/db/library';
import type { EntryKind } from '../../src/shared/types';

/**
 * Writes library rows with plain SQL, as the indexer would (docs/architecture.md §2), so that the copy phases
 * can be tested without the indexer: a location, entries with relative_path = parent directory
 * relative to the root ('' at the top), and directory aggregates of the indexed files below.
 */

export function insertLocation(db: Db, root: string): number {
  const r = db.prepare(
    "INSERT INTO locations (path, name, rules, created_at, last_indexed_at) VALUES (?, ?, '{}', 0, 0)",
  ).run(root, path.basename(root));
  return Number(r.lastInsertRowid);
}

export interface Row {
  relativePath: string;
  name: string;
  kind: EntryKind;
  size?: number;
  mtimeMs?: number;
  aggregateSize?: number;
  fileCount?: number;
}

export function insertRows(db: Db, locationId: number, rows: Row[]): void {
  const ins = db.prepare(`INSERT INTO entries (location_id, relative_path, name, kind, size, mtime_ms, aggregate_size, file_count)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    for (const r of rows) {
      ins.run(locationId, r.relativePath, r.name, r.kind, r.size ?? 0, r.mtimeMs ?? 0,
        r.kind === 'dir' ? r.aggregateSize ?? 0 : null, r.kind === 'dir' ? r.fileCount ?? 0 : null);
    }
  })();
}

/**
 * Indexes a real tree into rows (lstat, symlinks not followed), skipping what `skip(rel, name)` says
 * (e.g. the default rules' .git, node_modules, dot-names), with correct aggregates. Returns the
 * location id and the rows written.
 */
export function indexTree(db: Db, root: string, skip: (rel: string, name: string) => boolean = () => false): { locationId: number; rows: Row[] } {
  const locationId = insertLocation(db, root);
  const rows: Row[] = [];
  const walk = (dir: string, rel: string): { bytes: number; files: number } => {
    let bytes = 0;
    let files = 0;
    for (const name of fs.readdirSync(dir)) {
      if (skip(rel, name)) continue;
      const st = fs.lstatSync(path.join(dir, name));
      if (st.isDirectory()) {
        const below = walk(path.join(dir, name), rel === '' ? name : `${rel}/${name}`);
        rows.push({ relativePath: rel, name, kind: 'dir', mtimeMs: st.mtimeMs, aggregateSize: below.bytes, fileCount: below.files });
        bytes += below.bytes;
        files += below.files;
      } else {
        const kind = st.isSymbolicLink() ? 'symlink' : st.isFile() ? 'file' : 'other';
        rows.push({ relativePath: rel, name, kind, size: kind === 'other' ? 0 : st.size, mtimeMs: st.mtimeMs });
        if (kind === 'file') { bytes += st.size; files++; }
      }
    }
    return { bytes, files };
  };
  walk(root, '');
  insertRows(db, locationId, rows);
  return { locationId, rows };
}

/** The default rules in miniature: dot-names (so .git too) and node_modules are not indexed. */
export const defaultRulesSkip = (_rel: string, name: string): boolean => name.startsWith('.') || name === 'node_modules';
