import * as path from 'node:path';
import type { Db } from '../db/library';
import { realpathExact } from '../fs/byte-names';
import { HEARTBEAT_STALE_MS, pidAlive, type JobStore } from './job-store';

/**
 * Two copies into the same place at once would each copy every file (each one's destination map was
 * made before the other had written anything): twice the work, and each replacing the other's files.
 * So a copy whose targets — DEST/<basename(SOURCE)> of each source, DEST by its real path — overlap
 * those of a live copy (running or paused, in this process or in another `ferry` process whose owner is
 * alive) waits until that copy ends; then its destination map sees the first one's files.
 *
 * Deciding and claiming happen in one write transaction, so two copies starting at once in two
 * processes cannot both go ahead: the first to decide either claims the targets (status `running`) or
 * marks itself `waiting`, and a waiting copy blocks no one.
 */

export interface CopyTargetsConfig { sources: string[]; destination: string }

/** The live copy a job waits for, what to tell the user, and whether the job's row already said `waiting`. */
export interface Blocker { jobId: string; target: string; reason: string; wasWaiting: boolean }

/** The places a copy writes: DEST/<basename(SOURCE)> for each source, DEST by its real path. */
export function copyTargets(config: CopyTargetsConfig): string[] {
  let dest: string;
  try {
    dest = realpathExact(config.destination);
  } catch {
    dest = path.resolve(config.destination);
  }
  return config.sources.map((s) => path.join(dest, path.basename(s)));
}

/** The first of `mine` that is one of `theirs`, inside one, or holds one; undefined when none overlaps. */
export function overlap(mine: readonly string[], theirs: readonly string[]): string | undefined {
  const within = (a: string, b: string) => a === b || a.startsWith(b.endsWith(path.sep) ? b : b + path.sep);
  return mine.find((m) => theirs.some((t) => within(m, t) || within(t, m)));
}

interface ActiveRow { id: string; config: string; owner_pid: number | null; heartbeat_at: number | null }

/**
 * Atomically: the first live copy whose targets overlap this job's (and then this job is `waiting`,
 * with the reason), or none (and then this job is `running`: the targets are its).
 */
export function claimTargets(db: Db, store: JobStore, jobId: string, config: CopyTargetsConfig, now = Date.now): Blocker | null {
  const mine = copyTargets(config);
  const decide = db.transaction((): Blocker | null => {
    const wasWaiting = store.get(jobId)?.status === 'waiting';
    const rows = db.prepare(
      `SELECT id, config, owner_pid, heartbeat_at FROM jobs
       WHERE kind IN ('copy', 'move') AND parent_id IS NULL AND id != ? AND status IN ('running', 'paused')
       ORDER BY created_at`,
    ).all(jobId) as ActiveRow[];
    for (const row of rows) {
      if (!isLive(row, now())) continue;
      const target = overlap(mine, copyTargets(JSON.parse(row.config) as CopyTargetsConfig));
      if (target === undefined) continue;
      const blocker = { jobId: row.id, target, reason: `Waiting for another copy into “${target}” to finish (job ${row.id.slice(0, 8)})`, wasWaiting };
      store.setStatus(jobId, 'waiting', blocker.reason);
      return blocker;
    }
    store.setStatus(jobId, 'running');
    return null;
  });
  return decide.immediate();
}

/** A job row's owner is this process or a live one, and has sent a heartbeat lately. */
function isLive(row: ActiveRow, now: number): boolean {
  if ((row.heartbeat_at ?? 0) < now - HEARTBEAT_STALE_MS) return false;
  return row.owner_pid === process.pid || (row.owner_pid !== null && pidAlive(row.owner_pid));
}

export interface WaitHooks {
  /** Aborted when the job is cancelled or interrupted: the wait ends, answering false. */
  signal: AbortSignal;
  /** A paused job does not claim anything; it goes on waiting once resumed. */
  paused(): boolean;
  /** Told when the job starts to wait (again, after a pause), with the copy it waits for. */
  waiting(blocker: Blocker): void;
  /** Told when the job goes ahead after having waited. */
  running(): void;
}

/** How often a waiting copy looks again (another process cannot tell it when its copy ends). */
const POLL_MS = 250;

/**
 * Waits until no live copy overlaps this job's targets, and claims them; true when the job may run,
 * false when it was stopped meanwhile.
 */
export async function waitForTargets(db: Db, store: JobStore, jobId: string, config: CopyTargetsConfig, hooks: WaitHooks): Promise<boolean> {
  let announced: string | null = null;
  let waited = false;
  for (;;) {
    if (hooks.signal.aborted) return false;
    if (!hooks.paused()) {
      let blocker: Blocker | null;
      try {
        blocker = claimTargets(db, store, jobId, config);
      } catch {
        blocker = { jobId: '', target: '', reason: '', wasWaiting: true }; // a busy database: look again shortly
      }
      if (!blocker) {
        if (waited) hooks.running();
        return true;
      }
      // Again after a pause and resume (they said "paused", then "running"), or when another copy is in the way.
      if (blocker.jobId && (announced !== blocker.jobId || !blocker.wasWaiting)) {
        announced = blocker.jobId;
        waited = true;
        hooks.waiting(blocker);
      }
    }
    await sleep(POLL_MS, hooks.signal);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => { clearTimeout(timer); signal.removeEventListener('abort', done); resolve(); };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
