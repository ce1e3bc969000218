import { parentPort, workerData } from 'node:worker_threads';
import { processTask, removeTempOf } from '../copy/file-copy';
import type { BatchSettings, CopyTask, FromWorker, TaskOutcome, ToWorker } from '../copy/copy-protocol';
import type { CopyControl } from '../copy/file-data';
import { SharedRateLimit } from '../copy/rate-limit';
import { Checkpoints, DONE_CODES, type CheckpointRow } from '../copy/checkpoints';
import { openLibrary, type Db } from '../db/library';

/**
 * A copy worker: copies the batches the CopyJob sends, one file after another with synchronous calls,
 * and answers with one message per batch (plus a progress tick at most every 100 ms, also within a
 * large file, so it still moves the progress bar). Between files and between chunks of a file it checks
 * the shared stop flag, so that pause and interrupt return the rest of the batch unstarted instead of
 * leaving temp files behind; the job's speed limit is charged per chunk (file-data.ts).
 */
const port = parentPort!;
const data = workerData as { stopFlag: SharedArrayBuffer; rate: SharedArrayBuffer | null };
const stopFlag = new Int32Array(data.stopFlag);
const TICK_MS = 100;

/** Bytes of the file being copied, and the batch's tick, updated per chunk. */
const flow = { batchId: 0, files: 0, bytes: 0, partial: 0, lastTick: 0 };
const control: CopyControl = {
  stopFlag,
  rate: data.rate ? new SharedRateLimit(data.rate) : null,
  onBytes: (n) => {
    flow.partial += n;
    tickIfDue();
  },
};

/** A progress tick at most every TICK_MS: the files settled in this batch, and the bytes so far. */
function tickIfDue(): void {
  const now = Date.now();
  if (now - flow.lastTick < TICK_MS) return;
  flow.lastTick = now;
  post({ kind: 'tick', batchId: flow.batchId, files: flow.files, bytes: flow.bytes + flow.partial });
}

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

/**
 * Settled files become checkpoint rows in one transaction per batch, with what the job did there (the codes
 * of checkpoints.ts), and the folders it made become rows `made`. A file a resume finds in place keeps the
 * code of the earlier run's row (`earlier`); with none, it was `found` there.
 */
function record(checkpoints: Checkpoints, tasks: CopyTask[], outcomes: TaskOutcome[], earlier: Map<string, CheckpointRow> | null): void {
  outcomes.forEach((o, k) => {
    const rel = tasks[k]!.rel;
    const destRel = (to: string) => (to === rel ? null : to);
    if (o.o === 'copied') {
      // A file kept beside a taken name (keep-both) was created at its own name: only one at `rel` replaced.
      const code = o.existed && o.destRel === rel ? DONE_CODES.replaced : null;
      checkpoints.record({ rel, state: 'done', destRel: destRel(o.destRel), size: o.size, code });
      recordMadeFolders(checkpoints, parentOf(rel), o.madeFolders);
    } else if (o.o === 'already') {
      const before = earlier?.get(rel);
      const code = before?.state === 'done' ? before.code : DONE_CODES.found;
      checkpoints.record({ rel, state: 'done', destRel: destRel(o.destRel), size: o.size, code });
    } else if (o.o === 'dir') {
      recordMadeFolders(checkpoints, rel, o.madeFolders);
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
  let checkpoints: Checkpoints | null;
  let earlier: Map<string, CheckpointRow> | null = null;
  try {
    checkpoints = checkpointsFor(msg.settings);
    if (checkpoints && msg.settings.resume) earlier = applyEarlierRuns(msg.tasks, checkpoints);
  } catch {
    checkpoints = null; // without checkpoints the copy is still right; only resume gets slower
  }
  const outcomes: TaskOutcome[] = [];
  Object.assign(flow, { batchId: msg.batchId, files: 0, bytes: 0, partial: 0, lastTick: Date.now() });
  try {
    for (const task of msg.tasks) {
      if (Atomics.load(stopFlag, 0) !== 0) break;
      const before = earlier?.get(task.rel);
      if (before?.state === 'skipped' && !task.force) {
        // A resume removes every temp of its job, this file's too (its copy may have begun before the answer).
        if (msg.settings.resume) removeTempOf(task, msg.settings);
        outcomes.push({ o: 'skippedBefore', size: before.size });
        continue;
      }
      flow.partial = 0;
      const outcome = processTask(task, msg.settings, control);
      flow.partial = 0;
      if (outcome.o === 'stopped') break; // given back unstarted: tasks from outcomes.length on
      if (outcome.o === 'nospace') {
        if (checkpoints) record(checkpoints, msg.tasks, outcomes, earlier);
        post({ kind: 'result', batchId: msg.batchId, outcomes, nospace: outcome });
        return;
      }
      outcomes.push(outcome);
      if (outcome.o === 'copied') { flow.files++; flow.bytes += outcome.size; }
      tickIfDue();
    }
    if (checkpoints) record(checkpoints, msg.tasks, outcomes, earlier);
    post({ kind: 'result', batchId: msg.batchId, outcomes });
  } catch (err) {
    post({ kind: 'error', batchId: msg.batchId, message: err instanceof Error ? err.stack ?? err.message : String(err) });
  }
});

/** `count` folders made: `folder` (relative to DEST), then its parents, never above DEST. */
function recordMadeFolders(checkpoints: Checkpoints, folder: string | null, count = 0): void {
  for (let n = 0; n < count && folder !== null; n++, folder = parentOf(folder)) {
    checkpoints.record({ rel: folder, state: 'done', destRel: null, size: 0, code: DONE_CODES.made });
  }
}

/** The folder a '/'-separated relative path is in; null at the top of DEST. */
function parentOf(rel: string): string | null {
  const slash = rel.lastIndexOf('/');
  return slash === -1 ? null : rel.slice(0, slash);
}

function post(m: FromWorker): void {
  port.postMessage(m);
}
