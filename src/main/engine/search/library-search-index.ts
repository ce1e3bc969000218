import type { Db } from '../db/library';
import { NAME_SEPARATOR, foldForSearch } from './folder-names';
import { TopRanked, matchTier, type RankKey } from './rank';

/** One folder's row of `search_folders`, as held in memory (its case-folded names only). */
interface FolderRow {
  id: number;
  locationId: number;
  relativePath: string;
  folded: string;
}

/** A name that matched: its folder's row and where the name starts in it; the caller resolves the rest. */
export interface SearchHit extends RankKey {
  folderId: number;
  locationId: number;
  relativePath: string;
  /** The name's position among its folder's names (the same in `names` and `folded`). */
  ordinal: number;
}

export interface SearchOutcome {
  hits: SearchHit[];
  /** Every name that matched, kept or not. */
  total: number;
}

/**
 * The library search's working set: every row of `search_folders` (one per indexed folder: its
 * children's names, case-folded, '/'-separated), read once and then scanned in memory for each
 * keystroke. A search is one native `indexOf` per folder plus work for each match, so 200,000 files in
 * ten thousand folders answer in a few milliseconds (bench/README.md). The rows are read again when
 * the library changed: a location added, removed or re-indexed (here or by another process).
 */
export class LibrarySearchIndex {
  private rows: FolderRow[] = [];
  private locationPaths = new Map<number, string>();
  private byId = new Map<number, FolderRow>();
  private stamp: string | null = null;

  constructor(private readonly db: Db) {}

  search(text: string, limit: number): SearchOutcome {
    const query = foldForSearch(text.trim());
    // A name never holds '/' (nor is empty): such a query matches nothing, and must not match the separators.
    if (query === '' || query.includes(NAME_SEPARATOR)) return { hits: [], total: 0 };
    this.refresh();
    const top = new TopRanked<SearchHit>(limit);
    let total = 0;
    for (const row of this.rows) {
      const folded = row.folded;
      let at = folded.indexOf(query);
      if (at < 0) continue;
      const folder = folderPath(this.locationPaths.get(row.locationId) ?? '', row.relativePath);
      const base = folder.length + 1;
      while (at >= 0) {
        const start = folded.lastIndexOf(NAME_SEPARATOR, at) + 1;
        const end = folded.indexOf(NAME_SEPARATOR, at);
        total++;
        const tier = matchTier(folded.slice(start, end), query);
        const pathLength = base + (end - start);
        if (top.mayEnter(tier, pathLength)) {
          top.offer({
            tier, pathLength, path: `${folder}/${folded.slice(start, end)}`,
            folderId: row.id, locationId: row.locationId, relativePath: row.relativePath, ordinal: start,
          });
        }
        at = folded.indexOf(query, end);
      }
    }
    // Positions become ordinals only for the few hits kept.
    for (const hit of top.items) hit.ordinal = ordinalAt(this.rowById(hit.folderId)!.folded, hit.ordinal);
    return { hits: top.items, total };
  }

  /** Forgets the rows (they are read again on the next search). */
  invalidate(): void {
    this.stamp = null;
  }

  private rowById(id: number): FolderRow | undefined {
    return this.byId.get(id);
  }

  /**
   * Reads the rows again when the library changed since. An index run stamps its location's
   * `last_indexed_at` when it completes; adding or removing a location changes the set of ids; a run
   * that was stopped half-way adds rows (a new highest id). Reading the stamp costs one small query.
   */
  private refresh(): void {
    const stamp = (this.db.prepare(
      `SELECT (SELECT group_concat(id || ':' || COALESCE(last_indexed_at, '-') || ':' || path, '|') FROM locations)
        || '#' || COALESCE((SELECT MAX(id) FROM search_folders), 0) AS s`,
    ).get() as { s: string | null }).s ?? '';
    if (stamp === this.stamp) return;
    const rows = this.db.prepare('SELECT id, location_id, relative_path, folded FROM search_folders').raw(true).all() as
      [number, number, string, string][];
    this.rows = rows.map(([id, locationId, relativePath, folded]) => ({ id, locationId, relativePath, folded }));
    this.byId = new Map(this.rows.map((r) => [r.id, r]));
    const locations = this.db.prepare('SELECT id, path FROM locations').all() as { id: number; path: string }[];
    this.locationPaths = new Map(locations.map((l) => [l.id, l.path]));
    this.stamp = stamp;
  }
}

function folderPath(root: string, relativePath: string): string {
  return relativePath === '' ? root : `${root}/${relativePath}`;
}

/** The position among a row's names of the name starting at `start`: the separators before it, less the first. */
function ordinalAt(folded: string, start: number): number {
  let n = -1;
  for (let i = folded.indexOf(NAME_SEPARATOR); i >= 0 && i < start; i = folded.indexOf(NAME_SEPARATOR, i + 1)) n++;
  return n;
}
