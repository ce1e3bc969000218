import { parentPort, workerData } from 'node:worker_threads';
import { processTask } from '../copy/file-copy';
import type { BatchSettings, CopyTask, FromWorker, TaskOutcome, ToWorker } from '../copy/copy-protocol';
import { Checkpoints, type CheckpointRow } from '../copy/checkpoints';
import { openLibrary, type Db } from '../db/library';

/**
 * A copy worker: copies the batches the CopyJob sends, one file after another with synchronous calls,
 * and answers with one message per batch (plus a progress tick at most every 100 ms, so a batch of
 * large files still moves the progress bar). Between files it checks the shared stop flag, so that
 * pause and interrupt return the rest of the batch unstarted instead of leaving temp files behind.
 */
const port = parentPort!;
const stopFlag = new Int32Array((workerData as { stopFlag: SharedArrayBuffer }).stopFlag);
const TICK_MS = 100;

let library: { file: string; db: Db } | null = null;

function checkpointsFor(settings: BatchSettings): Checkpoints | null {
  const c = settings.checkpoint;
  if (!c) return null;
  if (library?.file !== c.dbFile) {
    library?.db.close();
    library = { file: c.dbFile, db: openLibrary(c.dbFile) };
  }
  return new Checkpoints(library.db, c.jobId, Infinity);
}

/** Resume: what earlier runs settled, looked up for the whole batch in one query. */
function applyEarlierRuns(tasks: CopyTask[], checkpoints: Checkpoints): Map<string, CheckpointRow> {
  const rows = checkpoints.lookup(tasks.map((t) => t.rel));
  for (const task of tasks) {
    const row = rows.get(task.rel);
    if (row?.state === 'done' && !task.force) task.doneBefore = { destRel: row.destRel ?? task.rel };
  }
  return rows;
}

/** Settled files become checkpoint rows in one transaction per batch. */
function record(checkpoints: Checkpoints, tasks: CopyTask[], outcomes: TaskOutcome[]): void {
  outcomes.forEach((o, k) => {
    const rel = tasks[k]!.rel;
    if (o.o === 'copied' || o.o === 'already') {
      checkpoints.record({ rel, state: 'done', destRel: o.destRel === rel ? null : o.destRel, size: o.size, code: null });
    } else if (o.o === 'failed') {
      checkpoints.record({ rel, state: 'failed', destRel: null, size: o.size, code: o.code });
    }
  });
  try {
    checkpoints.flush();
  } catch {
    // A checkpoint lost to a busy database costs a re-check on resume (size and mtime), not a wrong copy.
  }
}

port.on('message', (msg: ToWorker) => {
  if (msg.kind !== 'batch') return;
  let checkpoints: Checkpoints | null = null;
  let earlier: Map<string, CheckpointRow> | null = null;
  try {
    checkpoints = checkpointsFor(msg.settings);
    if (checkpoints && msg.settings.resume) earlier = applyEarlierRuns(msg.tasks, checkpoints);
  } catch {
    checkpoints = null; // without checkpoints the copy is still right; only resume gets slower
  }
  const outcomes: TaskOutcome[] = [];
  let files = 0;
  let bytes = 0;
  let lastTick = Date.now();
  try {
    for (const task of msg.tasks) {
      if (Atomics.load(stopFlag, 0) !== 0) break;
      const before = earlier?.get(task.rel);
      if (before?.state === 'skipped' && !task.force) {
        outcomes.push({ o: 'skippedBefore', size: before.size });
        continue;
      }
      const outcome = processTask(task, msg.settings);
      if (outcome.o === 'nospace') {
        if (checkpoints) record(checkpoints, msg.tasks, outcomes);
        post({ kind: 'result', batchId: msg.batchId, outcomes, nospace: outcome });
        return;
      }
      outcomes.push(outcome);
      if (outcome.o === 'copied') { files++; bytes += outcome.size; }
      const now = Date.now();
      if (now - lastTick >= TICK_MS) {
        lastTick = now;
        post({ kind: 'tick', batchId: msg.batchId, files, bytes });
      }
    }
    if (checkpoints) record(checkpoints, msg.tasks, outcomes);
    post({ kind: 'result', batchId: msg.batchId, outcomes });
  } catch (err) {
    post({ kind: 'error', batchId: msg.batchId, message: err instanceof Error ? err.stack ?? err.message : String(err) });
  }
});

function post(m: FromWorker): void {
  port.postMessage(m);
}
