import * as path from 'node:path';
import { findLocationFor } from '../db/entries';
import type { Db } from '../db/library';
import { realpathExact } from '../fs/byte-names';
import { joinRel, splitRel, subtreeBounds } from '../db/subtree';
import type { CopyItem, IndexEstimate } from './types';
import type { EntryKind } from '../../../shared/types';

/**
 * Phase 1 of a copy (docs/architecture.md §3): what the library index already knows about the SOURCEs.
 * `estimateFromIndex` answers from directory aggregates in a few point lookups, so the first
 * `initialEstimate` is ready at once; `IndexPreparation` then streams the indexed entries into the
 * copy queue page by page (keyset pagination on the unique index: memory stays flat at any size).
 */

/** Rows per page: big enough to amortise a query, small enough to keep the event loop responsive. */
const PAGE_SIZE = 500;

interface EntryRow {
  relative_path: string;
  name: string;
  kind: EntryKind;
  size: number;
  mtime_ms: number;
}

/** An EntryRow as the array a raw statement returns (columns in that order). */
type RawEntryRow = [relativePath: string, name: string, kind: EntryRow['kind'], size: number, mtimeMs: number];

interface AggregateRow { kind: EntryRow['kind']; size: number; aggregate_size: number | null; file_count: number | null }

/** Where a SOURCE sits in the library, when a location contains it. */
export interface IndexedSource {
  locationId: number;
  locationPath: string;
  /** Path of the source relative to the location root, '/'-separated; '' when it is the root. */
  rel: string;
}

/**
 * The location whose tree contains `absPath`, and the path relative to it (db/entries.ts's
 * `findLocationFor`, which reads only the database). Location roots are stored resolved (realpath),
 * so a path through a symlinked parent (e.g. /tmp → /private/tmp) is retried with its parent's
 * realpath — only the parent: a SOURCE that is itself a symlink is copied as a link, not followed.
 */
export function locateInLibrary(db: Db, absPath: string): IndexedSource | undefined {
  const resolved = path.resolve(absPath);
  const found = findLocationFor(db, resolved);
  if (found) return { locationId: found.location.id, locationPath: found.location.path, rel: found.rel };
  let real: string;
  try {
    real = path.join(realpathExact(path.dirname(resolved)), path.basename(resolved));
  } catch {
    return undefined;
  }
  const again = real === resolved ? undefined : findLocationFor(db, real);
  return again && { locationId: again.location.id, locationPath: again.location.path, rel: again.rel };
}

/** The index row of a source (null for a location root, which has no row of its own). */
function sourceRow(db: Db, src: IndexedSource): AggregateRow | null | undefined {
  if (src.rel === '') return null;
  const { parent, name } = splitRel(src.rel);
  return db.prepare(
    'SELECT kind, size, aggregate_size, file_count FROM entries WHERE location_id = ? AND relative_path = ? AND name = ?',
  ).get(src.locationId, parent, name) as AggregateRow | undefined;
}

/**
 * A SOURCE is covered when a location contains it AND the index knows it: the root of a location,
 * or a path with its own row. A folder inside a location that the rules filtered out (node_modules,
 * .git…) has no row: the index knows nothing under it, so it is not covered.
 */
function coverage(db: Db, source: string): { src: IndexedSource; row: AggregateRow | null } | undefined {
  const src = locateInLibrary(db, source);
  if (!src) return undefined;
  const row = sourceRow(db, src);
  return row === undefined ? undefined : { src, row };
}

/**
 * Files and bytes the index knows under the SOURCEs, from directory aggregates only: a file source
 * is its own row, a folder its row's aggregate, a location root the sum over its top-level rows.
 * "Files" are regular files (what `file_count` counts); folders and links are not counted.
 */
export function estimateFromIndex(db: Db, sources: string[]): IndexEstimate {
  let knownFiles = 0;
  let knownBytes = 0;
  const covered: boolean[] = [];
  for (const source of sources) {
    const c = coverage(db, source);
    covered.push(c !== undefined);
    if (!c) continue;
    if (c.row === null) {
      const top = db.prepare(`
        SELECT COALESCE(SUM(CASE kind WHEN 'file' THEN 1 WHEN 'dir' THEN COALESCE(file_count, 0) ELSE 0 END), 0) AS files,
               COALESCE(SUM(CASE kind WHEN 'file' THEN size WHEN 'dir' THEN COALESCE(aggregate_size, 0) ELSE 0 END), 0) AS bytes
        FROM entries WHERE location_id = ? AND relative_path = ''`).get(c.src.locationId) as { files: number; bytes: number };
      knownFiles += top.files;
      knownBytes += top.bytes;
    } else if (c.row.kind === 'dir') {
      knownFiles += c.row.file_count ?? 0;
      knownBytes += c.row.aggregate_size ?? 0;
    } else if (c.row.kind === 'file') {
      knownFiles += 1;
      knownBytes += c.row.size;
    }
  }
  return { knownFiles, knownBytes, covered };
}

export class IndexPreparation {
  constructor(private readonly db: Db, private readonly sources: string[]) {}

  /**
   * Streams the indexed entries (dirs, files, symlinks, others: what the copy skips as special) under each SOURCE as
   * CopyItems with origin 'index', in pages of PAGE_SIZE, parents before their children (rows come in
   * (relative_path, name) order, and a child's relative_path extends its parent's). Awaits `sink`
   * after each page (backpressure) and yields to the event loop between pages. On abort it stops
   * and resolves with what it delivered so far (it does not throw).
   */
  async run(sink: (batch: CopyItem[]) => Promise<void> | void, signal?: AbortSignal): Promise<{ files: number; bytes: number }> {
    const totals = { files: 0, bytes: 0 };
    const deliver = async (batch: CopyItem[]) => {
      for (const item of batch) if (item.kind === 'file') { totals.files++; totals.bytes += item.size; }
      await sink(batch);
    };
    for (const source of this.sources) {
      if (signal?.aborted) break;
      const c = coverage(this.db, source);
      if (!c) continue;
      const base = path.basename(path.resolve(source));
      if (c.row !== null && c.row.kind !== 'dir') {
        const row = this.fullRow(c.src);
        if (row) await deliver([toItem(path.resolve(source), base, row.kind, row.size, row.mtime_ms)]);
        continue;
      }
      const self = c.row === null ? null : this.fullRow(c.src);
      await deliver([{ source: path.resolve(source), rel: base, kind: 'dir', size: 0, mtimeMs: self?.mtime_ms ?? 0, origin: 'index' }]);
      // Hot loop (one turn per indexed entry, on the host's thread): the source root is resolved once
      // and joined by concatenation where the separator is already '/'.
      const root = path.resolve(source);
      const prefix = c.src.rel;
      const under = path.sep === '/'
        ? (inSource: string) => `${root}/${inSource}`
        : (inSource: string) => path.join(root, ...inSource.split('/'));
      for await (const page of this.pagesUnder(c.src, signal)) {
        await deliver(page.map(([relativePath, name, kind, size, mtimeMs]) => {
          const entryRel = joinRel(relativePath, name);
          const inSource = prefix === '' ? entryRel : entryRel.slice(prefix.length + 1);
          return toItem(under(inSource), `${base}/${inSource}`, kind, size, mtimeMs);
        }));
      }
    }
    return totals;
  }

  private fullRow(src: IndexedSource): EntryRow | undefined {
    const { parent, name } = splitRel(src.rel);
    return this.db.prepare(
      'SELECT relative_path, name, kind, size, mtime_ms FROM entries WHERE location_id = ? AND relative_path = ? AND name = ?',
    ).get(src.locationId, parent, name) as EntryRow | undefined;
  }

  /**
   * Pages of the rows strictly below `src.rel`, keyset-paginated on the unique index
   * (location_id, relative_path, name): first the direct children (relative_path = rel), then the
   * deeper ones (the range [rel/, rel0), safe for any name — see db/subtree.ts). A location root is
   * the whole location.
   */
  private async *pagesUnder(src: IndexedSource, signal?: AbortSignal): AsyncGenerator<RawEntryRow[]> {
    const cols = 'relative_path, name, kind, size, mtime_ms';
    const loc = src.locationId;
    const b = subtreeBounds(src.rel);
    type Page = { fetch: (rp: string, nm: string) => RawEntryRow[]; start: string };
    // Each page's lower bound is the last key seen, so the unique index seeks straight to it: a page
    // costs O(page), never O(rows before it), even in a folder of 100k files.
    const page = (where: string, bounds: Record<string, string>, start: string): Page => {
      // Rows as arrays: half the cost of one object per row, on the host's thread.
      const stmt = this.db.prepare(`SELECT ${cols} FROM entries WHERE location_id = :loc AND ${where}
        ORDER BY relative_path, name LIMIT :limit`).raw(true);
      return { fetch: (rp, nm) => stmt.all({ loc, limit: PAGE_SIZE, ...bounds, ...pickUsed(where, { rp, nm }) }) as RawEntryRow[], start };
    };
    const pages: Page[] = src.rel === ''
      ? [page('(relative_path, name) > (:rp, :nm)', {}, '')]
      : [
        page('relative_path = :exact AND name > :nm', { exact: b.exact }, b.exact),
        page('(relative_path, name) > (:rp, :nm) AND relative_path < :to', { to: b.to }, b.from),
      ];
    for (const p of pages) {
      let after = { rp: p.start, nm: '' };
      for (;;) {
        if (signal?.aborted) return;
        const rows = p.fetch(after.rp, after.nm);
        if (rows.length === 0) break;
        yield rows;
        if (rows.length < PAGE_SIZE) break;
        const last = rows[rows.length - 1]!;
        after = { rp: last[0], nm: last[1] };
        // Let timers, I/O and the consumer's workers run between pages.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
  }
}

/** better-sqlite3 refuses named parameters that a statement does not use. */
function pickUsed(sql: string, params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter(([k]) => new RegExp(`:${k}\\b`).test(sql)));
}

/** `source` must already be absolute and normalised. */
function toItem(source: string, rel: string, kind: EntryKind, size: number, mtimeMs: number): CopyItem {
  return { source, rel, kind, size: kind === 'file' || kind === 'symlink' ? size : 0, mtimeMs, origin: 'index' };
}
