import * as fs from 'node:fs';
import type { Db } from '../db/library';
import type { JobKind, JobStatus, JobSummary } from '../../../shared/types';

interface JobRow {
  id: string; parent_id: string | null; kind: string; status: string; priority: number; config: string;
  progress: string | null; error: string | null; created_at: number; updated_at: number;
  started_at: number | null; finished_at: number | null; owner_pid: number | null; heartbeat_at: number | null;
}

export interface NewJob {
  kind: JobKind;
  parentId?: string | null;
  priority?: number;
  config?: Record<string, unknown>;
  status?: JobStatus;
}

/** A job left `running` whose owner has not sent a heartbeat for this long is considered dead. */
export const HEARTBEAT_STALE_MS = 15_000;
const FINISHED: ReadonlySet<JobStatus> = new Set(['completed', 'failed', 'cancelled']);

/** Persistence of the `jobs` table. Owns no scheduling: see JobManager. */
export class JobStore {
  constructor(private readonly db: Db, private readonly pid = process.pid) {}

  create(job: NewJob): JobSummary {
    const now = Date.now();
    // node:crypto loaded only here: `ferry jobs` and `ferry locations` make no id.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const id = (require('node:crypto') as typeof import('node:crypto')).randomUUID();
    this.db.prepare(
      `INSERT INTO jobs (id, parent_id, kind, status, priority, config, created_at, updated_at, owner_pid)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, job.parentId ?? null, job.kind, job.status ?? 'queued', job.priority ?? 0,
      JSON.stringify(job.config ?? {}), now, now, this.pid);
    return this.get(id)!;
  }

  get(id: string): JobSummary | undefined {
    const row = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
    return row && toSummary(row);
  }

  /** Jobs for `ferry jobs` and the UI: interrupted first, then running/paused/waiting/queued, then by recency. */
  list(options: { limit?: number; includeChildren?: boolean } = {}): JobSummary[] {
    const rows = this.db.prepare(
      `SELECT * FROM jobs ${options.includeChildren ? '' : 'WHERE parent_id IS NULL'}
       ORDER BY CASE status WHEN 'interrupted' THEN 0 WHEN 'running' THEN 1 WHEN 'paused' THEN 1
                            WHEN 'waiting' THEN 2 WHEN 'queued' THEN 2 ELSE 3 END, created_at DESC
       LIMIT ?`,
    ).all(options.limit ?? 1000) as JobRow[];
    return rows.map(toSummary);
  }

  setStatus(id: string, status: JobStatus, error: string | null = null): void {
    const now = Date.now();
    this.db.prepare(
      `UPDATE jobs SET status = ?, error = ?, updated_at = ?,
         started_at = CASE WHEN ? = 'running' AND started_at IS NULL THEN ? ELSE started_at END,
         finished_at = CASE WHEN ? THEN ? ELSE NULL END,
         owner_pid = CASE WHEN ? = 'running' THEN ? ELSE owner_pid END,
         heartbeat_at = CASE WHEN ? = 'running' THEN ? ELSE heartbeat_at END
       WHERE id = ?`,
    ).run(status, error, now, status, now, FINISHED.has(status) ? 1 : 0, now, status, this.pid, status, now, id);
  }

  /** Checkpoints progress and refreshes the heartbeat in one write. */
  saveProgress(id: string, progress: Record<string, unknown>): void {
    const now = Date.now();
    this.db.prepare('UPDATE jobs SET progress = ?, updated_at = ?, heartbeat_at = ? WHERE id = ?')
      .run(JSON.stringify(progress), now, now, id);
  }

  updateConfig(id: string, config: Record<string, unknown>): void {
    this.db.prepare('UPDATE jobs SET config = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(config), Date.now(), id);
  }

  /** Heartbeat for every running or paused job this process owns. */
  heartbeat(): void {
    // Paused jobs too: a live job paused by the user (or by ENOSPC) must not look dead to another process.
    // And waiting ones: a copy waiting for another is alive too.
    this.db.prepare(`UPDATE jobs SET heartbeat_at = ? WHERE status IN ('running', 'paused', 'waiting') AND owner_pid = ?`).run(Date.now(), this.pid);
  }

  /**
   * Finds jobs left `running` (or `paused`) by a process that died, and marks them `interrupted`.
   * A job is dead when its owner pid is gone, or its heartbeat is stale (the pid may have been reused).
   * Returns the ids it marked.
   */
  recoverInterrupted(isAlive: (pid: number) => boolean = pidAlive, now = Date.now()): string[] {
    const rows = this.db.prepare(
      `SELECT id, owner_pid, heartbeat_at FROM jobs WHERE status IN ('running', 'paused', 'queued', 'waiting')`,
    ).all() as Pick<JobRow, 'id' | 'owner_pid' | 'heartbeat_at'>[];
    const dead = rows.filter((r) => r.owner_pid !== this.pid && (
      r.owner_pid === null || !isAlive(r.owner_pid) || (r.heartbeat_at ?? 0) < now - HEARTBEAT_STALE_MS));
    const mark = this.db.prepare(
      `UPDATE jobs SET status = 'interrupted', updated_at = ?, error = COALESCE(error, 'The process running this job stopped') WHERE id = ?`);
    this.db.transaction(() => { for (const r of dead) mark.run(now, r.id); })();
    return dead.map((r) => r.id);
  }
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/**
 * A process that ended but whose parent has not collected it yet still answers kill(pid, 0): right
 * after a `kill -9`, or for as long as a parent that never waits lives. Its jobs are as dead as it is.
 * Linux tells it in /proc; elsewhere the heartbeat catches it.
 */
function isZombie(pid: number): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}

/**
 * A row as the API shows it. Its JSON columns are read without trusting them: a column that is not a JSON
 * object (hand-edited, truncated, written by something else) leaves the job listed, marked `damaged`
 * with why, instead of failing the whole list. The copy-specific shape is checked where a copy is resumed
 * (copy/copy-job-config.ts).
 */
function toSummary(r: JobRow): JobSummary {
  const config = readJsonObject(r.config);
  const progress = r.progress === null ? null : readJsonObject(r.progress);
  const damage = [config, progress].flatMap((c, i) => (c && 'damage' in c ? [`${i === 0 ? 'config' : 'progress'} ${c.damage}`] : []));
  return {
    id: r.id,
    parentId: r.parent_id,
    kind: r.kind as JobKind,
    status: r.status as JobStatus,
    priority: r.priority,
    config: config && 'value' in config ? config.value : {},
    progress: progress && 'value' in progress ? progress.value : null,
    error: r.error,
    ...(damage.length > 0 ? { damaged: damage.join('; ') } : {}),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    finishedAt: r.finished_at,
  };
}

function readJsonObject(text: string): { value: Record<string, unknown> } | { damage: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { damage: 'is not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { damage: 'is not a JSON object' };
  return { value: value as Record<string, unknown> };
}
