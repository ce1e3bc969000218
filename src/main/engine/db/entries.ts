import * as path from 'node:path';
import type { EntryKind } from '../../../shared/types';
import { hasEscapedBytes } from '../fs/byte-names';
import type { Db } from './library';
import { SUBTREE_WHERE, splitRel, subtreeBounds, type SubtreeBounds } from './subtree';

/**
 * Read helpers over `entries` for the copy engine and the UI: pure SQL over the schema, every subtree
 * query a range on the unique index (location_id, relative_path, name), never a LIKE.
 */

export interface IndexedEntry {
  /** The parent folder relative to the location root ('' at the top). */
  relativePath: string;
  name: string;
  kind: EntryKind;
  size: number;
  mtimeMs: number;
  /** Directories: bytes and count of the indexed regular files below (recursively); null otherwise. */
  aggregateSize: number | null;
  fileCount: number | null;
}

/** Where keyset pagination resumes: the last entry of the previous page. */
export interface EntryKey {
  relativePath: string;
  name: string;
}

const ENTRY_COLUMNS = `relative_path AS relativePath, name, kind, size, mtime_ms AS mtimeMs,
  aggregate_size AS aggregateSize, file_count AS fileCount`;

/**
 * The location covering `absPath` (the location itself or an ancestor of it), with the path relative
 * to its root ('' for the root). `absPath` must be absolute and already resolved the way location roots
 * are (realpath): this helper reads the database only, never the file system.
 */
export function findLocationFor(db: Db, absPath: string): { location: { id: number; path: string }; rel: string } | undefined {
  const target = path.resolve(absPath);
  // The index holds only names that are valid UTF-8 (indexer/walker.ts): a path with an escaped byte
  // (byte-names.ts) has no row, so it is not looked up, whatever the driver makes of a lone surrogate.
  if (hasEscapedBytes(target)) return undefined;
  const candidates: string[] = [];
  for (let p = target; ; p = path.dirname(p)) {
    candidates.push(p);
    if (path.dirname(p) === p) break;
  }
  const placeholders = candidates.map(() => '?').join(', ');
  // Locations never nest (the indexer refuses or absorbs), but the deepest one would be the right one.
  const row = db.prepare(`SELECT id, path FROM locations WHERE path IN (${placeholders}) ORDER BY length(path) DESC LIMIT 1`)
    .get(...candidates) as { id: number; path: string } | undefined;
  if (!row) return undefined;
  const rel = path.relative(row.path, target).split(path.sep).join('/');
  return { location: row, rel };
}

/** One entry by its root-relative path ('a/b/c.txt'); undefined for the root or an unknown path. */
export function getEntry(db: Db, locationId: number, rel: string): IndexedEntry | undefined {
  if (rel === '') return undefined;
  const { parent, name } = splitRel(rel);
  return db.prepare(`SELECT ${ENTRY_COLUMNS} FROM entries WHERE location_id = ? AND relative_path = ? AND name = ?`)
    .get(locationId, parent, name) as IndexedEntry | undefined;
}

/** The direct children of folder `relDir`, by name. */
export function listChildren(db: Db, locationId: number, relDir: string): IndexedEntry[] {
  return db.prepare(`SELECT ${ENTRY_COLUMNS} FROM entries WHERE location_id = ? AND relative_path = ? ORDER BY name`)
    .all(locationId, subtreeBounds(relDir).exact) as IndexedEntry[];
}

/**
 * Files and bytes of the indexed regular files under `relDir`, from the aggregates the indexer stored
 * (one row read, whatever the size of the subtree). The root's totals are on the location row.
 * Undefined when the index does not know `relDir` as a folder.
 */
export function subtreeTotals(db: Db, locationId: number, relDir: string): { files: number; bytes: number } | undefined {
  const dir = subtreeBounds(relDir).exact;
  if (dir === '') {
    const row = db.prepare('SELECT file_count AS files, total_size AS bytes FROM locations WHERE id = ?').get(locationId) as
      { files: number; bytes: number } | undefined;
    return row;
  }
  const entry = getEntry(db, locationId, dir);
  return entry?.kind === 'dir' ? { files: entry.fileCount ?? 0, bytes: entry.aggregateSize ?? 0 } : undefined;
}

/** Files and bytes under `relDir` counted row by row (the check on the aggregates; an index range scan). */
export function countFilesUnder(db: Db, locationId: number, relDir: string): { files: number; bytes: number } {
  const row = db.prepare(
    `SELECT COUNT(*) AS files, COALESCE(SUM(size), 0) AS bytes FROM entries
     WHERE location_id = :locationId AND kind = 'file' AND ${subtreeWhere(relDir)}`,
  ).get({ locationId, ...subtreeParams(relDir) }) as { files: number; bytes: number };
  return row;
}

/**
 * One page of the entries under `relDir` (direct children and deeper), in (relative_path, name)
 * order, after `afterKey` (exclusive). Memory stays bounded whatever the subtree's size: pass the
 * last entry of a page to get the next; an empty page means the end.
 *
 * The subtree is two disjoint key ranges: rows whose relative_path is `relDir` itself, then rows
 * under `relDir/`. All of the first sort before all of the second, so each page is at most two index
 * range scans, each resuming exactly after the key.
 */
export function iterateEntriesUnder(db: Db, locationId: number, relDir: string, afterKey: EntryKey | undefined, limit: number): IndexedEntry[] {
  const b = subtreeBounds(relDir);
  const page: IndexedEntry[] = [];
  if (afterKey === undefined || afterKey.relativePath === b.exact) {
    page.push(...(db.prepare(
      `SELECT ${ENTRY_COLUMNS} FROM entries WHERE location_id = ? AND relative_path = ? AND name > ?
       ORDER BY name LIMIT ?`,
    ).all(locationId, b.exact, afterKey?.name ?? '', limit) as IndexedEntry[]));
    // '' sorts before every name, but a name can never be '' so nothing is lost by `name > ''`.
    if (page.length >= limit) return page;
    afterKey = undefined;
  }
  page.push(...deeperPage(db, locationId, b, afterKey, limit - page.length));
  return page;
}

/** The part of the subtree below `relDir/`, after `afterKey` when it is one of those rows. */
function deeperPage(db: Db, locationId: number, b: SubtreeBounds, afterKey: EntryKey | undefined, limit: number): IndexedEntry[] {
  // Under the root every other relative_path is deeper: no upper bound is needed (and none is safe).
  const upper = b.exact === '' ? '' : 'AND relative_path < @to';
  const lower = afterKey ? '(relative_path, name) > (@afterPath, @afterName)'
    : b.exact === '' ? "relative_path > ''" : 'relative_path >= @from';
  const sql = `SELECT ${ENTRY_COLUMNS} FROM entries WHERE location_id = @locationId AND ${lower} ${upper}
    ORDER BY relative_path, name LIMIT @limit`;
  const params: Record<string, unknown> = { locationId, limit };
  if (afterKey) { params.afterPath = afterKey.relativePath; params.afterName = afterKey.name; }
  if (b.exact !== '') { params.to = b.to; if (!afterKey) params.from = b.from; }
  return db.prepare(sql).all(params) as IndexedEntry[];
}

/**
 * The SQL condition for "under `relDir`" with named parameters (:exact, :from, :to). For the root,
 * every row of the location is under it, so no range is used: the location_id prefix of the index
 * is the whole condition (and no upper bound string is needed for names beyond any code point).
 */
export function subtreeWhere(relDir: string): string {
  return subtreeBounds(relDir).exact === '' ? '1' : SUBTREE_WHERE;
}

export function subtreeParams(relDir: string): Record<string, string> {
  const b = subtreeBounds(relDir);
  return b.exact === '' ? {} : { exact: b.exact, from: b.from, to: b.to };
}
