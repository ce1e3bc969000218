import * as path from 'node:path';
import { indexRulesFrom, type IndexRules } from '../../../shared/index-rules';
import type { Location } from '../../../shared/types';
import type { Db } from './library';

/** Persistence of the `locations` table (and `index_errors`, which belongs to a location's last index). */

interface LocationRow {
  id: number;
  path: string;
  name: string;
  rules: string;
  last_indexed_at: number | null;
  file_count: number;
  total_size: number;
  unreadable: number;
}

const SELECT_LOCATION = `
  SELECT l.id, l.path, l.name, l.rules, l.last_indexed_at, l.file_count, l.total_size,
         (SELECT COUNT(*) FROM index_errors e WHERE e.location_id = l.id) AS unreadable
  FROM locations l`;

function toLocation(row: LocationRow): Location {
  return {
    id: row.id,
    path: row.path,
    name: row.name,
    // Parsing fills defaults for rules added after the row was written.
    rules: indexRulesFrom(JSON.parse(row.rules)),
    fileCount: row.file_count,
    totalBytes: row.total_size,
    lastIndexedAt: row.last_indexed_at,
    unreadableCount: row.unreadable,
  };
}

export function insertLocation(db: Db, root: string, rules: IndexRules, now = Date.now()): Location {
  const name = path.basename(root) || root;
  const { lastInsertRowid } = db.prepare('INSERT INTO locations (path, name, rules, created_at) VALUES (?, ?, ?, ?)')
    .run(root, name, JSON.stringify(rules), now);
  return readLocation(db, Number(lastInsertRowid))!;
}

export function readLocation(db: Db, id: number): Location | undefined {
  const row = db.prepare(`${SELECT_LOCATION} WHERE l.id = ?`).get(id) as LocationRow | undefined;
  return row && toLocation(row);
}

export function readLocationByPath(db: Db, root: string): Location | undefined {
  const row = db.prepare(`${SELECT_LOCATION} WHERE l.path = ?`).get(root) as LocationRow | undefined;
  return row && toLocation(row);
}

export function readLocations(db: Db): Location[] {
  return (db.prepare(`${SELECT_LOCATION} ORDER BY l.path`).all() as LocationRow[]).map(toLocation);
}

export function writeLocationRules(db: Db, id: number, rules: IndexRules): void {
  db.prepare('UPDATE locations SET rules = ? WHERE id = ?').run(JSON.stringify(rules), id);
}

/** Deletes a location; its entries and index errors go with it (ON DELETE CASCADE). */
export function deleteLocation(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM locations WHERE id = ?').run(id).changes > 0;
}

/** The folders the last index of a location could not read. */
export function readIndexErrors(db: Db, id: number): { relativePath: string; code: string; message: string }[] {
  return db.prepare(
    'SELECT relative_path AS relativePath, code, message FROM index_errors WHERE location_id = ? ORDER BY relative_path',
  ).all(id) as { relativePath: string; code: string; message: string }[];
}
