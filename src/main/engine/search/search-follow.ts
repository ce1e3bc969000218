import type { Db } from '../db/library';
import { SUBTREE_WHERE, splitRel, subtreeBounds } from '../db/subtree';
import { NAME_SEPARATOR, folderNamesRow, splitNames } from './folder-names';

/**
 * The library search's rows follow the file operations the index follows (db/index-follow.ts), in the
 * same transaction: a name leaves its folder's row and joins its new folder's, and the rows of the
 * folders below a moved folder are re-keyed with it. (The next index run rewrites every row anyway.)
 */

/** The item at `rel` is gone: its name leaves its folder's row; its own row and those below it go. */
export function searchRowsRemoved(db: Db, locationId: number, rel: string): void {
  const { parent, name } = splitRel(rel);
  editNames(db, locationId, parent, (names) => without(names, name));
  const b = subtreeBounds(rel);
  db.prepare(`DELETE FROM search_folders WHERE location_id = :locationId AND ${SUBTREE_WHERE}`)
    .run({ locationId, exact: b.exact, from: b.from, to: b.to });
}

/** Every row of a location (its root is gone; the location stays, empty until indexed again). */
export function searchRowsOfLocationRemoved(db: Db, locationId: number): void {
  db.prepare('DELETE FROM search_folders WHERE location_id = ?').run(locationId);
}

/** The item at `from.rel` is now at `to.rel` (maybe in another location), its subtree with it. */
export function searchRowsMoved(db: Db, from: { locationId: number; rel: string }, to: { locationId: number; rel: string }): void {
  const s = splitRel(from.rel);
  const d = splitRel(to.rel);
  editNames(db, from.locationId, s.parent, (names) => without(names, s.name));
  const b = subtreeBounds(from.rel);
  // relative_path is `from.rel` or starts with `from.rel/`: the new one keeps the rest after it.
  db.prepare(`UPDATE search_folders SET location_id = :newLocation, relative_path = :newRel || substr(relative_path, length(:exact) + 1)
    WHERE location_id = :locationId AND ${SUBTREE_WHERE}`)
    .run({ newLocation: to.locationId, newRel: to.rel, locationId: from.locationId, exact: b.exact, from: b.from, to: b.to });
  editNames(db, to.locationId, d.parent, (names) => [...without(names, d.name), d.name]);
}

/**
 * Names that left one folder (`left`) and names that joined it (`joined`), in one rewrite of its row: a move
 * file by file (db/index-follow-files.ts) gathers them per folder first.
 */
export function searchNamesChanged(db: Db, locationId: number, folder: string, left: ReadonlySet<string>, joined: ReadonlySet<string>): void {
  editNames(db, locationId, folder, (names) => [...names.filter((n) => !left.has(n) && !joined.has(n)), ...joined]);
}

function without(names: string[], name: string): string[] {
  return names.filter((n) => n !== name);
}

/** Rewrites one folder's row with `edit` applied to its names (none left: the row goes). */
function editNames(db: Db, locationId: number, folder: string, edit: (names: string[]) => string[]): void {
  const row = db.prepare('SELECT id, names FROM search_folders WHERE location_id = ? AND relative_path = ?')
    .get(locationId, folder) as { id: number; names: string } | undefined;
  const before = row ? splitNames(row.names) : [];
  const after = edit(before).filter((n) => n !== '' && !n.includes(NAME_SEPARATOR));
  if (after.length === before.length && after.every((n, i) => n === before[i])) return;
  if (after.length === 0) {
    if (row) db.prepare('DELETE FROM search_folders WHERE id = ?').run(row.id);
    return;
  }
  const next = folderNamesRow(folder, after);
  if (row) {
    db.prepare('UPDATE search_folders SET names = ?, folded = ? WHERE id = ?').run(next.names, next.folded, row.id);
  } else {
    db.prepare('INSERT INTO search_folders (location_id, relative_path, names, folded) VALUES (?, ?, ?, ?)')
      .run(locationId, folder, next.names, next.folded);
  }
}
