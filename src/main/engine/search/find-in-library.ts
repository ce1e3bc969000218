import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EntryKind } from '../../../shared/types';
import type { Db } from '../db/library';
import { splitNames } from './folder-names';
import type { LibrarySearchIndex, SearchHit } from './library-search-index';
import { MATCH_TIERS, type MatchTier } from './rank';

export interface LibraryMatch {
  /** The file's absolute path, and the folder that holds it (where "open" goes). */
  path: string;
  folder: string;
  name: string;
  kind: EntryKind;
  size: number;
  mtimeMs: number;
  locationId: number;
  rank: MatchTier;
  /** The folder changed on disk after its location was last indexed: the index may be behind here. */
  folderChanged: boolean;
}

export interface LibraryFindResult {
  matches: LibraryMatch[];
  /** Every name that matched (more than `matches` when the limit cut them). */
  total: number;
  /** Folders of these results (and their locations' roots) whose contents changed after the last index. */
  changedFolders: number;
  /** Locations whose first index has not completed: nothing of them is searched yet. */
  unindexedLocations: number;
  tookMs: number;
}

interface LocationRow { id: number; path: string; lastIndexedAt: number | null }

/**
 * A library search, as the API answers it: the index's best hits (LibrarySearchIndex) with their names
 * as written, what the index knows of each (kind, size, date), and what the index may have missed —
 * each result's folder, and its location's root, checked on disk (one stat each, a screenful at most)
 * against the time of the location's last index.
 */
export async function findInLibrary(db: Db, index: LibrarySearchIndex, text: string, limit: number): Promise<LibraryFindResult> {
  const started = performance.now();
  const { hits, total } = index.search(text, limit);
  const locations = new Map((db.prepare('SELECT id, path, last_indexed_at AS lastIndexedAt FROM locations').all() as LocationRow[])
    .map((l) => [l.id, l]));
  const matches = resolveHits(db, hits, locations);
  const folderTimes = await changedSince(matches, locations);
  for (const m of matches) m.folderChanged = folderTimes.get(m.folder) === true;
  let unindexedLocations = 0;
  for (const l of locations.values()) if (l.lastIndexedAt === null) unindexedLocations++;
  return {
    matches,
    total,
    changedFolders: [...folderTimes.values()].filter(Boolean).length,
    unindexedLocations,
    tookMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

function resolveHits(db: Db, hits: SearchHit[], locations: Map<number, LocationRow>): LibraryMatch[] {
  const namesOf = db.prepare('SELECT names FROM search_folders WHERE id = ?').pluck();
  const entryOf = db.prepare(
    'SELECT kind, size, mtime_ms AS mtimeMs FROM entries WHERE location_id = ? AND relative_path = ? AND name = ?');
  const cache = new Map<number, string[]>();
  const matches: LibraryMatch[] = [];
  for (const hit of hits) {
    const location = locations.get(hit.locationId);
    let names = cache.get(hit.folderId);
    if (!names) {
      const joined = namesOf.get(hit.folderId) as string | undefined;
      names = joined === undefined ? [] : splitNames(joined);
      cache.set(hit.folderId, names);
    }
    const name = names[hit.ordinal];
    // Rewritten by an index run since the search read its rows: the next search reads them again.
    if (!location || name === undefined) continue;
    const entry = entryOf.get(hit.locationId, hit.relativePath, name) as { kind: EntryKind; size: number; mtimeMs: number } | undefined;
    if (!entry) continue;
    const folder = hit.relativePath === '' ? location.path : path.join(location.path, hit.relativePath);
    matches.push({
      path: path.join(folder, name), folder, name, ...entry, locationId: hit.locationId,
      rank: MATCH_TIERS[hit.tier]!, folderChanged: false,
    });
  }
  return matches;
}

/**
 * For each folder of the results and each of their locations' roots: whether it changed (a name added,
 * removed or renamed in it moves its mtime) after the location was last indexed. A folder gone from disk
 * counts as changed.
 */
async function changedSince(matches: LibraryMatch[], locations: Map<number, LocationRow>): Promise<Map<string, boolean>> {
  const indexedAt = new Map<string, number | null>();
  for (const m of matches) {
    const l = locations.get(m.locationId)!;
    indexedAt.set(m.folder, l.lastIndexedAt);
    indexedAt.set(l.path, l.lastIndexedAt);
  }
  const out = new Map<string, boolean>();
  await Promise.all([...indexedAt].map(async ([folder, at]) => {
    try {
      const st = await fs.promises.stat(folder);
      out.set(folder, at === null || st.mtimeMs > at);
    } catch {
      out.set(folder, true);
    }
  }));
  return out;
}
