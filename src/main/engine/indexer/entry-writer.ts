import type Database from 'better-sqlite3';
import type { Db } from '../db/library';
import { FolderNamesCollector, type FolderNamesRow } from '../search/folder-names';
import type { WalkError, WalkRow, WalkTotals } from './walker';

/** Rows per statement: one multi-row INSERT costs far less than as many single-row calls. */
const ROWS_PER_STATEMENT = 100;
const COLUMNS = 10;

/**
 * (This module stays free of zod and the shared schemas: it loads in the write worker, where every
 * millisecond of start-up is paid on each index run.)
 *
 * Writes one index run's rows into `entries` in batched transactions: an upsert on
 * (location_id, relative_path, name) that stamps every row seen with this run's `scan_id`. When the
 * walk is complete, `finish` deletes the rows of the location this run did not see (vanished files,
 * or files the rules now exclude) and records the location's totals and unreadable folders, in one
 * transaction, so a reader sees either the previous index or the new one's final state of each row.
 *
 * Alongside, each folder whose walk is complete gets its row of names in `search_folders` (the library
 * search, search/folder-names.ts), written in the same transactions; `finish` drops the rows of
 * folders this run did not see.
 */
export class EntryWriter {
  private readonly pending: WalkRow[] = [];
  private readonly folders = new FolderNamesCollector();
  private readonly pendingFolders: FolderNamesRow[] = [];
  private readonly folderUpsert: Database.Statement;
  private readonly many: Database.Statement;
  private readonly one: Database.Statement;
  private readonly flushBatch: (rows: WalkRow[]) => void;

  constructor(
    private readonly db: Db,
    private readonly locationId: number,
    private readonly scanId: number,
    private readonly batchSize = 2000,
  ) {
    this.many = db.prepare(upsertSql(ROWS_PER_STATEMENT));
    this.one = db.prepare(upsertSql(1));
    this.folderUpsert = db.prepare(FOLDER_UPSERT_SQL);
    this.flushBatch = db.transaction((rows: WalkRow[]) => {
      for (const f of this.pendingFolders) this.folderUpsert.run(this.locationId, f.relativePath, f.names, f.folded, this.scanId);
      let i = 0;
      for (; i + ROWS_PER_STATEMENT <= rows.length; i += ROWS_PER_STATEMENT) {
        this.many.run(this.params(rows, i, ROWS_PER_STATEMENT));
      }
      for (; i < rows.length; i++) this.one.run(this.params(rows, i, 1));
    });
  }

  add(row: WalkRow): void {
    this.pending.push(row);
    const completed = this.folders.add(row.relativePath, row.name, row.kind === 'dir');
    if (completed) this.pendingFolders.push(completed);
    if (this.pending.length >= this.batchSize) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0 && this.pendingFolders.length === 0) return;
    this.flushBatch(this.pending);
    this.pending.length = 0;
    this.pendingFolders.length = 0;
  }

  /** Completes the run: remaining rows, stale rows deleted, location totals and errors recorded. */
  finish(totals: WalkTotals, errors: readonly WalkError[], indexedAt = Date.now()): void {
    this.pendingFolders.push(...this.folders.drain());
    this.flush();
    const id = this.locationId;
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM entries WHERE location_id = ? AND scan_id <> ?').run(id, this.scanId);
      this.db.prepare('DELETE FROM search_folders WHERE location_id = ? AND scan_id <> ?').run(id, this.scanId);
      this.db.prepare('UPDATE locations SET file_count = ?, total_size = ?, last_indexed_at = ? WHERE id = ?')
        .run(totals.files, totals.bytes, indexedAt, id);
      this.db.prepare('DELETE FROM index_errors WHERE location_id = ?').run(id);
      const insert = this.db.prepare(
        'INSERT OR REPLACE INTO index_errors (location_id, relative_path, code, message) VALUES (?, ?, ?, ?)');
      for (const e of errors) insert.run(id, e.relativePath, e.code, e.message);
    })();
  }

  private params(rows: WalkRow[], from: number, count: number): unknown[] {
    const out: unknown[] = new Array(count * COLUMNS);
    for (let r = 0; r < count; r++) {
      const row = rows[from + r]!;
      const o = r * COLUMNS;
      out[o] = this.locationId;
      out[o + 1] = row.relativePath;
      out[o + 2] = row.name;
      out[o + 3] = row.kind;
      out[o + 4] = row.size;
      out[o + 5] = row.mtimeMs;
      out[o + 6] = row.inode;
      out[o + 7] = row.aggregateSize;
      out[o + 8] = row.fileCount;
      out[o + 9] = this.scanId;
    }
    return out;
  }
}

const FOLDER_UPSERT_SQL = `INSERT INTO search_folders (location_id, relative_path, names, folded, scan_id)
  VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (location_id, relative_path) DO UPDATE SET
    names = excluded.names, folded = excluded.folded, scan_id = excluded.scan_id`;

function upsertSql(rows: number): string {
  const tuple = `(${new Array(COLUMNS).fill('?').join(', ')})`;
  return `INSERT INTO entries (location_id, relative_path, name, kind, size, mtime_ms, inode, aggregate_size, file_count, scan_id)
    VALUES ${new Array(rows).fill(tuple).join(', ')}
    ON CONFLICT (location_id, relative_path, name) DO UPDATE SET
      kind = excluded.kind, size = excluded.size, mtime_ms = excluded.mtime_ms, inode = excluded.inode,
      aggregate_size = excluded.aggregate_size, file_count = excluded.file_count, scan_id = excluded.scan_id`;
}

/** A scan id never used before for this location (rows of any other id are stale after the run). */
export function nextScanId(db: Db, locationId: number): number {
  const row = db.prepare('SELECT MAX(scan_id) AS m FROM entries WHERE location_id = ?').get(locationId) as { m: number | null };
  return (row.m ?? 0) + 1;
}
