import type { CopyQueue } from './copy-queue';
import type { DestinationIndex } from './destination-index';
import { countExpectedConflicts } from './destination-phase';
import type { Dispatcher } from './dispatcher';
import type { JobEvents } from './job-events';
import type { JobRecord } from './job-record';
import type { OutcomeLedger } from './outcome-ledger';
import type { Producer, WorkSink } from './producers';
import type { Settlement } from './settlement';
import type { CopyItem, StaleItem } from './types';

export interface JobSinkParts {
  ledger: OutcomeLedger;
  queue: CopyQueue;
  destIndex: DestinationIndex;
  dispatcher: Dispatcher;
  events: JobEvents;
  record: JobRecord;
  settlement: Settlement;
  /** Every producer of the job: a full queue pauses them all (those that wait for room ignore it). */
  producers: readonly Producer[];
  live(): boolean;
  paused(): boolean;
}

/**
 * Where a job's producers put their work (producers.ts): counted by the ledger, queued, its expected
 * conflicts counted once the destination map is complete, announced, and handed to the dispatcher.
 */
export class JobSink implements WorkSink {
  constructor(private readonly job: JobSinkParts) {}

  stopping(): boolean {
    return !this.job.live();
  }

  listed(batch: CopyItem[]): Promise<void> {
    const { ledger, queue } = this.job;
    ledger.listed(batch);
    queue.push(batch);
    countExpectedConflicts(this.job.destIndex, ledger, batch);
    this.job.dispatcher.pump();
    return queue.waitForRoom();
  }

  found(batch: CopyItem[]): void {
    if (!this.job.live()) return;
    const { ledger, queue } = this.job;
    const { count, bytes } = ledger.discovered(batch);
    queue.push(batch);
    countExpectedConflicts(this.job.destIndex, ledger, batch);
    if (count > 0) this.job.events.publish({ type: 'filesDiscovered', count, bytes });
    if (queue.full) this.job.producers.forEach((p) => p.pause());
    this.job.dispatcher.pump();
  }

  stale(batch: StaleItem[]): void {
    this.job.ledger.stale(batch);
  }

  unreadable(where: string, code: string, message: string): void {
    this.job.settlement.unreadable(where, code, message);
  }

  listingEnded(): void {
    this.job.ledger.tracker.indexStreamFinished();
  }

  discoveryStarted(): void {
    this.job.record.child('discovery', 'running');
  }

  discoveryEnded(): void {
    const t = this.job.ledger.tracker;
    t.discoveryActive = false;
    // The total is counted: saved now, before anyone hears of it, not at the next checkpoint (a second
    // away), so that a resume after a kill in between knows its remainingFiles.
    this.job.record.trySaveProgress(this.job.paused());
    this.job.events.publish({ type: 'discoveryComplete', totalDiscovered: t.discoveredFiles, discoveryBytes: t.discoveredBytes });
    this.job.record.child('discovery', 'completed');
  }
}
