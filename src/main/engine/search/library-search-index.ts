import type { Db } from '../db/library';
import { NAME_SEPARATOR, foldForSearch } from './folder-names';
import { TopRanked, matchTierIn, type RankKey } from './rank';

/** One folder's row of `search_folders`, as held in memory: where its names are in the joined text. */
interface FolderRow {
  id: number;
  locationId: number;
  relativePath: string;
  /** The folder's absolute path (for the ranking's path length). */
  folder: string;
  /** Its `folded` names occupy [from, to) of the joined text. */
  from: number;
  to: number;
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
 * children's names, case-folded, '/'-separated), read once and joined into one text that each keystroke
 * scans in memory: one native `indexOf` pass over the whole library (one string, so V8 prepares its
 * Boyer-Moore tables once, not once per folder), plus work for each match. 200,000 files answer in a few
 * milliseconds (bench/README.md). The rows are read again when they changed (an index run, a file
 * operation the index followed, a location removed: here or in another process).
 */
export class LibrarySearchIndex {
  private rows: FolderRow[] = [];
  private text = '';
  private byId = new Map<number, FolderRow>();
  private stamp: string | null = null;

  constructor(private readonly db: Db) {}

  /**
   * The best `limit` names containing `text` (case-insensitive). A single character finds the names that
   * start with it: anywhere in a name, one letter matches most of a library and ranks nothing useful.
   * An empty text finds nothing but reads the rows, so a search field can warm the index when focused.
   */
  search(text: string, limit: number): SearchOutcome {
    const query = foldForSearch(text.trim());
    this.refresh();
    // A name never holds '/' (nor is empty): such a query matches nothing, and must not match the separators.
    if (query === '' || query.includes(NAME_SEPARATOR)) return { hits: [], total: 0 };
    const startsOnly = [...query].length === 1;
    const needle = startsOnly ? NAME_SEPARATOR + query : query;
    const all = this.text;
    const top = new TopRanked<SearchHit>(limit);
    let total = 0;
    let row: FolderRow | undefined;
    for (let found = all.indexOf(needle); found >= 0;) {
      const at = startsOnly ? found + 1 : found;
      if (row === undefined || at >= row.to) row = this.rowAt(at);
      const start = startsOnly ? at : all.lastIndexOf(NAME_SEPARATOR, at) + 1;
      const end = all.indexOf(NAME_SEPARATOR, at + query.length);
      total++;
      const tier = matchTierIn(all, start, end, at, query);
      const pathLength = row.folder.length + 1 + (end - start);
      if (top.mayEnter(tier, pathLength)) {
        top.offer({
          tier, pathLength, path: `${row.folder}/${all.slice(start, end)}`,
          folderId: row.id, locationId: row.locationId, relativePath: row.relativePath, ordinal: start,
        });
      }
      // The next name: `end` is the separator that also opens it.
      found = all.indexOf(needle, end);
    }
    // Positions become ordinals only for the few hits kept.
    for (const hit of top.items) {
      const r = this.byId.get(hit.folderId)!;
      hit.ordinal = ordinalAt(all.slice(r.from, r.to), hit.ordinal - r.from);
    }
    return { hits: top.items, total };
  }

  /** The row whose names hold position `at` of the joined text (rows are in text order). */
  private rowAt(at: number): FolderRow {
    let lo = 0;
    let hi = this.rows.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.rows[mid]!.from <= at) lo = mid;
      else hi = mid - 1;
    }
    return this.rows[lo]!;
  }

  /** Forgets the rows (they are read again on the next search). */
  invalidate(): void {
    this.stamp = null;
  }


  /**
   * Reads the rows again when they changed since: every change to `search_folders` bumps
   * `search_generation` (triggers), and a location moved with its folder changes its path. Reading the
   * stamp costs one small query a search.
   */
  private refresh(): void {
    const stamp = (this.db.prepare(
      `SELECT (SELECT n FROM search_generation) || '#' || COALESCE((SELECT group_concat(id || ':' || path, '|') FROM locations), '') AS s`,
    ).get() as { s: string }).s;
    if (stamp === this.stamp) return;
    const locations = new Map((this.db.prepare('SELECT id, path FROM locations').all() as { id: number; path: string }[])
      .map((l) => [l.id, l.path]));
    const raw = this.db.prepare('SELECT id, location_id, relative_path, folded FROM search_folders').raw(true).all() as
      [number, number, string, string][];
    const parts: string[] = [];
    let offset = 0;
    this.rows = raw.map(([id, locationId, relativePath, folded]) => {
      parts.push(folded);
      const row = { id, locationId, relativePath, folder: folderPath(locations.get(locationId) ?? '', relativePath), from: offset, to: offset + folded.length };
      offset += folded.length;
      return row;
    });
    // Each row starts and ends with '/': joined, every name still sits between two separators.
    this.text = parts.join('');
    this.byId = new Map(this.rows.map((r) => [r.id, r]));
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
