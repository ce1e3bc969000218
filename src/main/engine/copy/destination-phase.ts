import * as path from 'node:path';
import type { Release } from '../jobs/scheduler';
import type { CopyQueue } from './copy-queue';
import type { CopyWorkerPool } from './copy-workers';
import type { DestinationIndex } from './destination-index';
import type { Dispatcher } from './dispatcher';
import type { JobEvents } from './job-events';
import type { JobRecord } from './job-record';
import type { OutcomeLedger } from './outcome-ledger';
import type { CopyItem } from './types';

/** `destinationAnalysis` while the map grows, at most this often (the complete one always goes out). */
const ANALYSIS_MS = 250;

/** Whether the complete destination map has something at the item's place that it would meet. */
export function existsAtDest(destIndex: DestinationIndex, item: CopyItem): boolean {
  const kind = destIndex.kindAt(item.rel);
  return kind !== undefined && !(item.kind === 'dir' && kind === 'dir');
}

/** Newly queued items that the complete map says exist add to the conflicts to expect. */
export function countExpectedConflicts(destIndex: DestinationIndex, ledger: OutcomeLedger, batch: readonly CopyItem[]): void {
  if (!destIndex.complete) return;
  let n = 0;
  for (const item of batch) if (existsAtDest(destIndex, item)) n++;
  if (n > 0) ledger.tracker.expectedConflicts = (ledger.tracker.expectedConflicts ?? 0) + n;
}

export interface DestinationPhaseJob {
  readonly sources: string[];
  readonly destIndex: DestinationIndex;
  readonly events: JobEvents;
  readonly record: JobRecord;
  readonly ledger: OutcomeLedger;
  readonly queue: CopyQueue;
  readonly dispatcher: Dispatcher;
  readonly pool: CopyWorkerPool;
  /** A worker slot at the destination index's priority, or null when the job stops first. */
  acquire(): Promise<Release | null>;
  live(): boolean;
}

/**
 * Phase 0 on a worker slot: the map of what exists under the places the sources land in. Until its worker
 * gets a slot, existence checks lstat the destination (DestinationIndex.lookup). Once complete, it says how
 * many conflicts to expect: files already met at DEST, plus the queued and in-flight ones the map now lists.
 */
export async function runDestinationPhase(job: DestinationPhaseJob): Promise<void> {
  const { destIndex, events } = job;
  const slot = await job.acquire();
  if (!slot) return;
  job.record.child('destinationIndex', 'running');
  let last = 0;
  const off = destIndex.onProgress((s) => {
    // The complete state goes out once, below, with the expected conflicts.
    const now = performance.now();
    if (s.complete || now - last < ANALYSIS_MS) return;
    last = now;
    events.publish({ type: 'destinationAnalysis', ...s });
  });
  try {
    await destIndex.start();
  } finally {
    slot();
    off();
  }
  if (!job.live() || !destIndex.complete) return;
  // A first copy (no source's name at DEST yet): everything will be copied, so a worker boots now,
  // alongside discovery, rather than when the first batch is ready.
  if (job.sources.every((s) => destIndex.kindAt(path.basename(s)) === undefined)) job.pool.warm();
  let expected = job.ledger.existingAtDest;
  const count = (item: CopyItem) => { if (existsAtDest(destIndex, item)) expected++; };
  job.queue.forEach(count);
  job.dispatcher.forEachUnanswered(count);
  job.ledger.tracker.expectedConflicts = expected;
  events.publish({ type: 'destinationAnalysis', ...destIndex.stats, complete: true, expectedConflicts: expected });
  job.record.child('destinationIndex', 'completed');
}
