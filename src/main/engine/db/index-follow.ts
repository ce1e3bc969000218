import * as path from 'node:path';
import { realpathExact } from '../fs/byte-names';
import { indexRulesFrom } from '../../../shared/index-rules';
import { findLocationFor } from './entries';
import type { Db } from './library';
import { SUBTREE_WHERE, splitRel, subtreeBounds } from './subtree';
import { searchRowsMoved, searchRowsOfLocationRemoved, searchRowsRemoved } from '../search/search-follow';

/**
 * The library index follows file operations (docs/file-operations.md, "The index follows"): a move, rename,
 * trash or delete under a location updates its rows at once, so the next copy from the new place still
 * starts from the index instead of walking the disk. Called after the operation succeeded on disk.
 *
 * The index is a cache that the copy checks against the disk (size and mtime of every file), so when
 * the rows cannot follow (the new place is outside every location, or in a folder the index does not
 * know) they are dropped: a later index or copy finds the files again; a row must never say a file is
 * somewhere it is not. Folder aggregates (bytes and files below) and the location's totals stay exact.
 * The library search's rows follow in the same transaction (search/search-follow.ts).
 */

export interface FollowResult {
  /** Rows (the item and everything indexed below it) now keyed at the new place. */
  carried: number;
  /** Rows removed: the item's when they could not follow, and those of whatever the item replaced. */
  dropped: number;
  /** Location roots that were the item or inside it, now recorded at their new path. */
  locationsMoved: number;
}

export interface Place { locationId: number; rel: string; rules: string }
export interface ItemRow { kind: string; size: number; aggregate_size: number | null; file_count: number | null }

/** The item at `fromAbsPath` (and its subtree) is now at `toAbsPath`, replacing whatever was there. */
export function entriesMoved(db: Db, fromAbsPath: string, toAbsPath: string): FollowResult {
  const from = path.resolve(fromAbsPath);
  const to = path.resolve(toAbsPath);
  return db.transaction((): FollowResult => {
    const result: FollowResult = { carried: 0, dropped: 0, locationsMoved: relocateLocations(db, from, to) };
    if (result.locationsMoved > 0) return result;
    const src = locate(db, from);
    const dst = locate(db, to);
    // What the item replaces at its new place goes first (its rows and its share of the aggregates).
    if (dst && dst.rel !== '') result.dropped += removeSubtree(db, dst.locationId, dst.rel);
    if (!src || src.rel === '') return result;
    const row = itemRow(db, src.locationId, src.rel);
    if (!row) return result;
    const share = shareOf(row);
    addToAncestors(db, src.locationId, src.rel, -share.bytes, -share.files);
    if (!dst || dst.rel === '' || !mayHold(db, dst, row.kind === 'dir')) {
      result.dropped += deleteRows(db, src.locationId, src.rel);
      return result;
    }
    result.carried = rekey(db, src, dst);
    addToAncestors(db, dst.locationId, dst.rel, share.bytes, share.files);
    return result;
  })();
}

/** The item at `absPath` and its subtree are gone from the disk. */
export function entriesRemoved(db: Db, absPath: string): FollowResult {
  const target = path.resolve(absPath);
  return db.transaction((): FollowResult => {
    const result: FollowResult = { carried: 0, dropped: 0, locationsMoved: 0 };
    // A location root that is gone (or inside what is gone) keeps its settings and loses its rows: the
    // user removes the location, not a delete of its folder; the next index says the folder is missing.
    for (const loc of locationsWithin(db, target)) {
      result.dropped += db.prepare('DELETE FROM entries WHERE location_id = ?').run(loc.id).changes;
      searchRowsOfLocationRemoved(db, loc.id);
      db.prepare('UPDATE locations SET file_count = 0, total_size = 0 WHERE id = ?').run(loc.id);
    }
    const at = locate(db, target);
    if (at && at.rel !== '') result.dropped += removeSubtree(db, at.locationId, at.rel);
    return result;
  })();
}

/** Whether the index holds a row for the item at `absPath`. */
export function isIndexed(db: Db, absPath: string): boolean {
  const at = locate(db, path.resolve(absPath));
  return at !== undefined && at.rel !== '' && itemRow(db, at.locationId, at.rel) !== undefined;
}

/**
 * Where `absPath` is in the library. A path through a symlinked parent (/tmp → /private/tmp) is retried
 * with the parent's realpath, as the copy does (index-preparation.ts): location roots are stored resolved.
 * The item itself may already be gone (the source of a move), so only its parent is resolved.
 */
export function locate(db: Db, absPath: string): Place | undefined {
  const found = findLocationFor(db, absPath) ?? (() => {
    let real: string;
    try {
      real = path.join(realpathExact(path.dirname(absPath)), path.basename(absPath));
    } catch {
      return undefined;
    }
    return real === absPath ? undefined : findLocationFor(db, real);
  })();
  if (!found) return undefined;
  const rules = (db.prepare('SELECT rules FROM locations WHERE id = ?').get(found.location.id) as { rules: string }).rules;
  return { locationId: found.location.id, rel: found.rel, rules };
}

/** Location roots equal to `absPath` or inside it. */
function locationsWithin(db: Db, absPath: string): { id: number; path: string; name: string }[] {
  const prefix = absPath.endsWith(path.sep) ? absPath : absPath + path.sep;
  return (db.prepare('SELECT id, path, name FROM locations').all() as { id: number; path: string; name: string }[])
    .filter((l) => l.path === absPath || l.path.startsWith(prefix));
}

/** Location roots that moved with the item keep their rows (keyed relative to the root) under the new path. */
function relocateLocations(db: Db, from: string, to: string): number {
  const moved = locationsWithin(db, from);
  for (const loc of moved) {
    const newPath = to + loc.path.slice(from.length);
    // The display name follows only when it was the folder's own name (the default), not one the user chose.
    const name = loc.name === path.basename(loc.path) ? path.basename(newPath) || newPath : loc.name;
    db.prepare('UPDATE locations SET path = ?, name = ? WHERE id = ?').run(newPath, name, loc.id);
  }
  return moved.length;
}

export function itemRow(db: Db, locationId: number, rel: string): ItemRow | undefined {
  const { parent, name } = splitRel(rel);
  return db.prepare('SELECT kind, size, aggregate_size, file_count FROM entries WHERE location_id = ? AND relative_path = ? AND name = ?')
    .get(locationId, parent, name) as ItemRow | undefined;
}

/** What an item counts for in its ancestors' aggregates: regular files only, as the indexer counts them. */
export function shareOf(row: ItemRow): { bytes: number; files: number } {
  if (row.kind === 'dir') return { bytes: row.aggregate_size ?? 0, files: row.file_count ?? 0 };
  return row.kind === 'file' ? { bytes: row.size, files: 1 } : { bytes: 0, files: 0 };
}

/** Adds to every folder above `rel` (not the item itself) and to the location's totals. */
function addToAncestors(db: Db, locationId: number, rel: string, bytes: number, files: number): void {
  if (bytes === 0 && files === 0) return;
  const update = db.prepare(`UPDATE entries SET aggregate_size = aggregate_size + ?, file_count = file_count + ?
    WHERE location_id = ? AND relative_path = ? AND name = ? AND kind = 'dir'`);
  for (let dir = splitRel(rel).parent; dir !== ''; dir = splitRel(dir).parent) {
    const { parent, name } = splitRel(dir);
    update.run(bytes, files, locationId, parent, name);
  }
  db.prepare('UPDATE locations SET total_size = total_size + ?, file_count = file_count + ? WHERE id = ?').run(bytes, files, locationId);
}

/** Removes an item's rows and its share of the aggregates above it. */
export function removeSubtree(db: Db, locationId: number, rel: string): number {
  const row = itemRow(db, locationId, rel);
  if (!row) return 0;
  const share = shareOf(row);
  addToAncestors(db, locationId, rel, -share.bytes, -share.files);
  return deleteRows(db, locationId, rel);
}

/** The item's row and every row below it. */
function deleteRows(db: Db, locationId: number, rel: string): number {
  searchRowsRemoved(db, locationId, rel);
  const { parent, name } = splitRel(rel);
  const b = subtreeBounds(rel);
  return db.prepare('DELETE FROM entries WHERE location_id = ? AND relative_path = ? AND name = ?').run(locationId, parent, name).changes
    + db.prepare(`DELETE FROM entries WHERE location_id = :locationId AND ${SUBTREE_WHERE}`)
      .run({ locationId, exact: b.exact, from: b.from, to: b.to }).changes;
}

/**
 * Whether the index may hold the item at `dst`: its parent folder is indexed (or is the root), and the
 * location's name rules do not leave the name out (a `.cache` moved into a location that skips hidden
 * names must not appear there). .gitignore rules are the next index's to apply.
 */
function mayHold(db: Db, dst: Place, isDir: boolean): boolean {
  const { parent, name } = splitRel(dst.rel);
  // The rules (and their .gitignore matcher) are loaded only when rows may follow into a location: a move
  // outside every location, the common case of a `ferry move`, does not pay for them.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { skippedByName } = require('../indexer/rules') as typeof import('../indexer/rules');
  if (skippedByName(name, isDir, indexRulesFrom(JSON.parse(dst.rules)))) return false;
  if (parent === '') return true;
  return itemRow(db, dst.locationId, parent)?.kind === 'dir';
}

/** Re-keys the item's row and its subtree's rows from `src` to `dst` (maybe another location). */
function rekey(db: Db, src: Place, dst: Place): number {
  searchRowsMoved(db, src, dst);
  const s = splitRel(src.rel);
  const d = splitRel(dst.rel);
  const b = subtreeBounds(src.rel);
  const top = db.prepare(`UPDATE entries SET location_id = ?, relative_path = ?, name = ?
    WHERE location_id = ? AND relative_path = ? AND name = ?`).run(dst.locationId, d.parent, d.name, src.locationId, s.parent, s.name).changes;
  // relative_path is `src.rel` or starts with `src.rel/`: the new one keeps the rest after `src.rel`.
  const below = db.prepare(`UPDATE entries SET location_id = :newLocation,
      relative_path = :newRel || substr(relative_path, length(:exact) + 1)
    WHERE location_id = :locationId AND ${SUBTREE_WHERE}`)
    .run({ newLocation: dst.locationId, newRel: dst.rel, locationId: src.locationId, exact: b.exact, from: b.from, to: b.to }).changes;
  return top + below;
}
