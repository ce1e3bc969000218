import type { Db } from '../db/library';

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
          params.push(this.jobId, r.rel, r.state, r.destRel, r.size, r.code);
        }
        this.upsertMany.run(params);
      }
      for (; i < rows.length; i++) {
        const r = rows[i]!;
        this.upsertOne.run(this.jobId, r.rel, r.state, r.destRel, r.size, r.code);
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
      ).all(this.jobId, ...part) as CheckpointRow[];
      for (const r of rows) out.set(r.rel, r);
    }
    return out;
  }

  counts(): { done: number; skipped: number; failed: number; doneBytes: number } {
    const rows = this.db.prepare(
      'SELECT state, COUNT(*) AS n, COALESCE(SUM(size), 0) AS bytes FROM copy_items WHERE job_id = ? GROUP BY state',
    ).all(this.jobId) as { state: CheckpointState; n: number; bytes: number }[];
    const get = (s: CheckpointState) => rows.find((r) => r.state === s);
    return { done: get('done')?.n ?? 0, skipped: get('skipped')?.n ?? 0, failed: get('failed')?.n ?? 0, doneBytes: get('done')?.bytes ?? 0 };
  }

  /** The files that failed, paged (for retryFailed). */
  *failed(pageSize = 1000): Generator<CheckpointRow[]> {
    let after = '';
    const page = this.db.prepare(
      `SELECT rel_path AS rel, state, dest_path AS destRel, size, code FROM copy_items
       WHERE job_id = ? AND state = 'failed' AND rel_path > ? ORDER BY rel_path LIMIT ?`);
    for (;;) {
      const rows = page.all(this.jobId, after, pageSize) as CheckpointRow[];
      if (rows.length === 0) return;
      yield rows;
      after = rows[rows.length - 1]!.rel;
    }
  }
}
