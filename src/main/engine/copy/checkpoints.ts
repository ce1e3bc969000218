import type { Db } from '../db/library';
import { decodeName, encodeName, hasEscapedBytes } from '../fs/byte-names';

const ROWS_PER_STATEMENT = 64;

/** An upsert of `rows` rows (a later state of a file replaces the earlier one). */
function upsertSql(rows: number): string {
  const values = new Array(rows).fill('(?, ?, ?, ?, ?, ?)').join(', ');
  return `INSERT INTO copy_items (job_id, rel_path, state, dest_path, size, code) VALUES ${values}
    ON CONFLICT (job_id, rel_path) DO UPDATE SET state = excluded.state, dest_path = excluded.dest_path,
      size = excluded.size, code = excluded.code`;
}

export type CheckpointState = 'done' | 'skipped' | 'failed';
export interface CheckpointRow { rel: string; state: CheckpointState; destRel: string | null; size: number; code: string | null }

/**
 * The `code` of a `done` row says what the job did there (the undo history reads it: transfer-watch.ts):
 * null, a file it created (at `destRel` when kept beside a taken name); `replaced`, a file that took the
 * place of one that was there; `found`, a file a resume found in place with no row of an earlier run (it may
 * have been there before: never taken for one the job created); `made`, a folder it made (size 0, not a file:
 * `counts` leaves it out). A skipped or failed row's code is its reason.
 */
export const DONE_CODES = { replaced: 'replaced', found: 'found', made: 'made' } as const;

/**
 * A path as stored: its text, or, when it holds bytes that are not valid UTF-8 (escaped, see
 * byte-names.ts), a BLOB of its exact bytes. better-sqlite3 writes a lone surrogate into TEXT as the
 * three bytes of its code point (itself not valid UTF-8) and reads those back as three U+FFFD: the row
 * would come back under another name, and two names that differ only in their invalid bytes as the
 * same one. A BLOB reads back exactly and never equals a TEXT value, so lookups (`=`, `IN`) and keyset
 * pages stay exact. A regex test per path, no more.
 */
function storedPath(p: string): string | Buffer {
  return hasEscapedBytes(p) ? encodeName(p) : p;
}

/** A row as read back: paths stored as BLOBs decoded to the same escaped strings that were stored. */
function readRow(r: CheckpointRow): CheckpointRow {
  const stored = r as unknown as { rel: string | Buffer; destRel: string | Buffer | null };
  if (Buffer.isBuffer(stored.rel)) r.rel = decodeName(stored.rel);
  if (Buffer.isBuffer(stored.destRel)) r.destRel = decodeName(stored.destRel);
  return r;
}

/**
 * A job's per-file checkpoints in `copy_items`, written in batched transactions (one row per settled
 * file) and read back by batch on resume (`IN (...)`), so that nothing in memory grows with the tree.
 */
export class Checkpoints {
  private buffer: CheckpointRow[] = [];
  private readonly upsertOne;
  private readonly upsertMany;
  private readonly writeAll;

  constructor(private readonly db: Db, readonly jobId: string, private readonly maxBuffered = 2000) {
    this.upsertOne = db.prepare(upsertSql(1));
    // One statement per ROWS_PER_STATEMENT rows: a copy worker checkpoints every file it settles, and a
    // statement call per row cost it more than the rename of the file.
    this.upsertMany = db.prepare(upsertSql(ROWS_PER_STATEMENT));
    this.writeAll = db.transaction((rows: CheckpointRow[]) => {
      let i = 0;
      for (; i + ROWS_PER_STATEMENT <= rows.length; i += ROWS_PER_STATEMENT) {
        const params: unknown[] = [];
        for (let k = i; k < i + ROWS_PER_STATEMENT; k++) {
          const r = rows[k]!;
          params.push(this.jobId, storedPath(r.rel), r.state, r.destRel === null ? null : storedPath(r.destRel), r.size, r.code);
        }
        this.upsertMany.run(params);
      }
      for (; i < rows.length; i++) {
        const r = rows[i]!;
        this.upsertOne.run(this.jobId, storedPath(r.rel), r.state, r.destRel === null ? null : storedPath(r.destRel), r.size, r.code);
      }
    });
  }

  record(row: CheckpointRow): void {
    this.buffer.push(row);
    if (this.buffer.length >= this.maxBuffered) this.flush();
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    const rows = this.buffer;
    this.buffer = [];
    this.writeAll(rows);
  }

  /** The settled rows among `rels` (one query per call; callers pass a batch of a few hundred). */
  lookup(rels: readonly string[]): Map<string, CheckpointRow> {
    const out = new Map<string, CheckpointRow>();
    const CHUNK = 500;
    for (let i = 0; i < rels.length; i += CHUNK) {
      const part = rels.slice(i, i + CHUNK);
      const rows = this.db.prepare(
        `SELECT rel_path AS rel, state, dest_path AS destRel, size, code FROM copy_items
         WHERE job_id = ? AND rel_path IN (${part.map(() => '?').join(',')})`,
      ).all(this.jobId, ...part.map(storedPath)) as CheckpointRow[];
      for (const r of rows) out.set(readRow(r).rel, r);
    }
    return out;
  }

  counts(): { done: number; skipped: number; failed: number; doneBytes: number } {
    // Folders the job made are rows too (for its undo), not files.
    const rows = this.db.prepare(
      `SELECT state, COUNT(*) AS n, COALESCE(SUM(size), 0) AS bytes FROM copy_items
       WHERE job_id = ? AND code IS NOT '${DONE_CODES.made}' GROUP BY state`,
    ).all(this.jobId) as { state: CheckpointState; n: number; bytes: number }[];
    const get = (s: CheckpointState) => rows.find((r) => r.state === s);
    return { done: get('done')?.n ?? 0, skipped: get('skipped')?.n ?? 0, failed: get('failed')?.n ?? 0, doneBytes: get('done')?.bytes ?? 0 };
  }

  /**
   * The done rows below the folder `rel` (relative to DEST), in one range of the key per storage: the TEXT
   * paths between `rel/` and `rel0` ('0' follows '/'), and the BLOB ones (names that are not UTF-8) between
   * their bytes (every TEXT value sorts before every BLOB: the BLOB range holds no TEXT row).
   */
  doneBelow(rel: string): CheckpointRow[] {
    const range = this.db.prepare(
      `SELECT rel_path AS rel, state, dest_path AS destRel, size, code FROM copy_items
       WHERE job_id = ? AND rel_path > ? AND rel_path < ? AND state = 'done'`);
    const text = hasEscapedBytes(rel) ? [] : range.all(this.jobId, `${rel}/`, `${rel}0`) as CheckpointRow[];
    const bytes = range.all(this.jobId, encodeName(`${rel}/`), encodeName(`${rel}0`)) as CheckpointRow[];
    return text.concat(bytes).map(readRow);
  }

  /**
   * The files settled 'done' under `top` (a SOURCE's name: `top` itself and the paths below it), paged in
   * path order: for a move, the files that left (not the folders it made: their rows are for its undo). Paths stored as text only: one with bytes that are not
   * UTF-8 is a BLOB, and the index holds no such name nor anything below one (what these rows are read for).
   */
  *doneUnder(top: string, pageSize = 1000): Generator<CheckpointRow[]> {
    // Each page starts where the last ended (one bound on the key, so SQLite seeks there instead of scanning).
    const pageAfter = (from: '>=' | '>') => this.db.prepare(
      `SELECT rel_path AS rel, state, dest_path AS destRel, size, code FROM copy_items
       WHERE job_id = :jobId AND rel_path ${from} :after AND rel_path < :to AND (rel_path = :top OR rel_path >= :under)
         AND state = 'done' AND code IS NOT '${DONE_CODES.made}' ORDER BY rel_path LIMIT :limit`);
    const first = pageAfter('>=');
    const next = pageAfter('>');
    for (let after: string | null = null;;) {
      const rows = (after === null ? first : next)
        .all({ jobId: this.jobId, after: after ?? top, to: `${top}0`, top, under: `${top}/`, limit: pageSize }) as CheckpointRow[];
      if (rows.length === 0) return;
      after = rows[rows.length - 1]!.rel;
      yield rows.map(readRow);
    }
  }

  /** The files that failed, paged (for retryFailed). */
  *failed(pageSize = 1000): Generator<CheckpointRow[]> {
    // Keyset order: every TEXT path sorts before every BLOB one (SQLite), so stored values page in one order.
    let after: string | Buffer = '';
    const page = this.db.prepare(
      `SELECT rel_path AS rel, state, dest_path AS destRel, size, code FROM copy_items
       WHERE job_id = ? AND state = 'failed' AND rel_path > ? ORDER BY rel_path LIMIT ?`);
    for (;;) {
      const rows = page.all(this.jobId, after, pageSize) as CheckpointRow[];
      if (rows.length === 0) return;
      after = rows[rows.length - 1]!.rel; // as stored, before decoding
      yield rows.map(readRow);
    }
  }
}
