import type { CompletedStatus, ConflictAnswer, EventOf, FerryEvent } from '../../../shared/events';
import { FerryError, toErrorValue } from '../../../shared/errors';
import type { Db } from '../db/library';
import type { JobStore } from '../jobs/job-store';
import type { ProgressBus } from '../jobs/progress-bus';
import { Checkpoints } from '../copy/checkpoints';
import type { CopyJobConfig } from '../copy/copy-job-config';
import { JobEvents } from '../copy/job-events';
import { JobRecord } from '../copy/job-record';
import { ProgressTracker } from '../copy/progress-tracker';

/**
 * A move whose every SOURCE was renamed whole before its job (move/whole-renames.ts): nothing is left to walk
 * or move. It is still a job, seen exactly as a copy job that found nothing to do (copy/copy-job.ts): its row
 * goes running → completed with its progress saved (`ferry jobs`), and its events are `initialEstimate`
 * ("operation":"move"), the last `progress`, then `completed` with the count of SOURCEs renamed. It loads none
 * of the copy job's machinery (workers, producers, destination map, decisions): a same-file-system
 * `ferry move` is one rename, and its process should cost little more than Node's start-up (issue 12).
 */
export interface RenamedMoveDeps {
  db: Db;
  store: JobStore;
  bus: ProgressBus;
  jobId: string;
  config: CopyJobConfig;
}

export class RenamedMove {
  readonly done: Promise<EventOf<'completed'>>;
  private resolveDone!: (e: EventOf<'completed'>) => void;
  private finished = false;
  private readonly tracker = new ProgressTracker();
  private readonly events: JobEvents;
  private readonly record: JobRecord;

  constructor(private readonly deps: RenamedMoveDeps) {
    this.done = new Promise((resolve) => { this.resolveDone = resolve; });
    this.events = new JobEvents(deps.bus, deps.jobId);
    this.record = new JobRecord(deps.store, deps.jobId, new Checkpoints(deps.db, deps.jobId), this.tracker, deps.config.children);
    this.tracker.discoveryActive = false;
  }

  /** Ends on the next turn of the event loop, as a copy job starts, so that the host can subscribe first. */
  start(): void {
    setImmediate(() => {
      if (this.finished) return;
      this.record.setStatus('running');
      this.events.publish({ type: 'initialEstimate', knownFiles: 0, knownBytes: 0, discoveryStarting: false, operation: 'move' });
      this.finish('done');
    });
  }

  /** What shows the job now to a listener that joins late (it lives one turn of the event loop). */
  snapshot(): FerryEvent[] {
    return this.finished ? [] : this.events.replay(this.tracker, false, undefined);
  }

  /** Nothing to hold: it has nothing left to do. */
  pause(): void {}
  resume(): void {}

  /** It asks no question. */
  resolve(answer: ConflictAnswer): void {
    throw new FerryError('CONFLICT_NOT_FOUND', `No pending conflict with id ${answer.conflictId}`);
  }

  /** Stopped before its turn came (Ctrl-C at once): it ends so, as a copy job stopped before it began. */
  cancel(mode: 'cancel' | 'interrupt' = 'cancel'): void {
    if (!this.finished) this.finish(mode === 'interrupt' ? 'interrupted' : 'cancelled');
  }

  private finish(status: CompletedStatus): void {
    this.finished = true;
    if (status === 'done') this.tracker.finish();
    const final = this.tracker.progressEvent(false);
    let message: string | undefined;
    try {
      this.record.ended(status, undefined, false);
    } catch (err) {
      message = toErrorValue(err).message;
    }
    if (!this.events.opened) {
      this.events.publish({ type: 'initialEstimate', knownFiles: 0, knownBytes: 0, discoveryStarting: false, operation: 'move' });
    }
    this.events.publish(final);
    this.resolveDone(this.events.completed(status, this.tracker, message,
      { operation: 'move', originalsRemoved: 0, renamed: this.deps.config.renamed?.length ?? 0 }));
  }
}
