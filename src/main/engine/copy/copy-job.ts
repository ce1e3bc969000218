import * as path from 'node:path';
import { toErrorValue } from '../../../shared/errors';
import type { CompletedStatus, ConflictAnswer, EventOf, FerryEvent } from '../../../shared/events';
import type { Db } from '../db/library';
import { waitForTargets } from '../jobs/copy-targets';
import type { JobStore } from '../jobs/job-store';
import type { ProgressBus } from '../jobs/progress-bus';
import type { JobScheduler, Release } from '../jobs/scheduler';
import { Checkpoints } from './checkpoints';
import { CopyQueue } from './copy-queue';
import { CopyWorkerPool } from './copy-workers';
import { runDestinationPhase } from './destination-phase';
import { DestinationIndex } from './destination-index';
import { Dispatcher, acquireSlot } from './dispatcher';
import { decisionsReadDestinationTimes } from './copy-decision';
import { JobEvents } from './job-events';
import { JobRecord } from './job-record';
import { JobSink } from './job-sink';
import { isLive, isPaused, mayWork, next, starting, type JobState, type JobStateEvent } from './job-state';
import { copyOperation, type Operation } from './operation';
import { moveOperation } from '../move/move-operation';
import { OutcomeLedger } from './outcome-ledger';
import type { Producer } from './producers';
import { ProgressTracker } from './progress-tracker';
import { Settlement } from './settlement';
import type { CopyJobConfig, SavedCopyProgress } from './copy-job-config';

export type { CopyJobConfig };

/** What a copy job runs with: the library and its rows, the process's worker slots, its priorities. */
export interface CopyJobDeps {
  db: Db;
  dbFile: string;
  store: JobStore;
  bus: ProgressBus;
  jobId: string;
  config: CopyJobConfig;
  /** A resumed run: checkpoints of the earlier runs are honoured. */
  resume: boolean;
  /** A resumed run's saved progress (read through its schema by whoever resumes it), or null. */
  savedProgress?: SavedCopyProgress | null;
  /** The process's worker slots: each copy batch and each phase worker runs on a slot granted by priority. */
  scheduler: JobScheduler;
  /** This job's priority; its destination index and discovery ask with their own, higher ones. */
  priorities: { copy: number; destinationIndex: number; discovery: number };
}

const PROGRESS_MS = 250;
const CHECKPOINT_MS = 1000;

/**
 * One copy, start to end: the job machine (docs/architecture.md §5.3). Its state is one value moved by one
 * pure function (job-state.ts); it runs an operation (operation.ts: the copy) whose producers feed one
 * bounded queue, a dispatcher hands the queue to the copy workers, settlement and the outcome ledger
 * deal with what comes back, and the job's events and saved record each live in a module of their own.
 * This class wires them and decides that the job is complete: every producer ended ∧ queue empty ∧
 * nothing in flight ∧ no pending conflict ∧ no item waiting for a blocked folder.
 */
export class CopyJob {
  readonly done: Promise<EventOf<'completed'>>;
  private resolveDone!: (e: EventOf<'completed'>) => void;
  private state: JobState = starting;
  private pauseReason: string | undefined;
  /** How the job ends once nothing is in flight: set by `stop`, with the stopping state. */
  private ending: { status: CompletedStatus; message?: string } = { status: 'done' };
  private readonly abort = new AbortController();
  private readonly queue = new CopyQueue();
  private readonly ledger = new OutcomeLedger(new ProgressTracker());
  private readonly tracker = this.ledger.tracker;
  private readonly checkpoints: Checkpoints;
  private readonly record: JobRecord;
  private readonly events: JobEvents;
  private readonly pool: CopyWorkerPool;
  private readonly destIndex: DestinationIndex;
  private readonly operation: Operation;
  private readonly dispatcher: Dispatcher;
  private readonly settlement: Settlement;
  private producers: Producer[] = [];
  /** Producers still producing: the job cannot be complete before this is empty. */
  private readonly producing = new Set<Producer>();
  private timers: NodeJS.Timeout[] = [];

  constructor(private readonly deps: CopyJobDeps) {
    this.done = new Promise((resolve) => { this.resolveDone = resolve; });
    const c = deps.config;
    this.events = new JobEvents(deps.bus, deps.jobId);
    this.checkpoints = new Checkpoints(deps.db, deps.jobId);
    this.record = new JobRecord(deps.store, deps.jobId, this.checkpoints, this.tracker, c.children);
    this.pool = new CopyWorkerPool(c.concurrency, c.rateLimit);
    this.destIndex = new DestinationIndex(c.destination, c.sources.map((s) => path.basename(s)),
      { sizes: decisionsReadDestinationTimes(c.overwrite, deps.resume) });
    this.operation = (c.operation === 'move' ? moveOperation : copyOperation)({
      db: deps.db, dbFile: deps.dbFile, jobId: deps.jobId, config: c, resume: deps.resume, signal: this.abort.signal,
      acquireDiscoverySlot: () => this.acquire(deps.priorities.discovery),
      mayDiscover: () => mayWork(this.state) && !this.queue.full,
    });
    this.dispatcher = new Dispatcher(this.pool, this.queue, this.destIndex, this.tracker, this.operation.settings,
      { scheduler: deps.scheduler, priority: deps.priorities.copy, signal: this.abort.signal, rateLimited: Boolean(c.rateLimit) }, {
        mayWork: () => mayWork(this.state),
        settledByDestination: (item, kind) => this.settlement.byDestination(item, kind),
        settled: (items, result, forced, crash) => this.settlement.batch(items, result, forced, crash),
        flushSkipped: () => this.events.flushSkipped(),
        idle: () => this.checkCompletion(),
        pumped: () => {
          if (this.queue.size < this.queue.highWater / 2 && !isPaused(this.state)) this.producers.forEach((p) => p.resume());
        },
      });
    this.settlement = new Settlement({
      dest: c.destination, sources: c.sources, mode: c.overwrite, resume: deps.resume,
      ledger: this.ledger, events: this.events, checkpoints: this.checkpoints, queue: this.queue, dispatcher: this.dispatcher,
      mapComplete: () => this.destIndex.complete,
      ended: () => this.state.name === 'finished',
      stopping: () => !isLive(this.state),
      paused: () => isPaused(this.state),
      folderSettled: (rel, atimeNs, mtimeNs) => this.operation.folderSettled(rel, atimeNs, mtimeNs),
      stop: (status, message) => this.stop(status, message),
      pause: (reason) => this.pause(reason),
      checkCompletion: () => this.checkCompletion(),
    });
  }

  get jobId(): string { return this.deps.jobId; }

  /** Starts the phases on the next turn of the event loop, so that the host can subscribe first. */
  start(): void {
    setImmediate(() => { this.run().catch((err) => this.fail(err)); });
  }

  resolve(answer: ConflictAnswer): void {
    this.settlement.policy.resolve(answer);
  }

  pause(reason?: string): void {
    if (!this.go('pause')) return;
    this.pauseReason = reason;
    this.pool.requestStop();
    this.producers.forEach((p) => p.pause());
    this.record.setStatus('paused', reason ?? null);
    this.events.publish({ type: 'jobState', status: 'paused', ...(reason ? { reason } : {}) });
    this.events.publish(this.tracker.progressEvent(true));
  }

  resume(): void {
    if (!this.go('resume')) return;
    this.pauseReason = undefined;
    this.pool.clearStop();
    if (!this.queue.full) this.producers.forEach((p) => p.resume());
    this.record.setStatus('running');
    this.events.publish({ type: 'jobState', status: 'running' });
    this.dispatcher.pump();
  }

  /** 'cancel' ends the job `cancelled`; 'interrupt' ends it `interrupted`, resumable later. */
  cancel(mode: 'cancel' | 'interrupt' = 'cancel', message?: string): void {
    this.stop(mode === 'interrupt' ? 'interrupted' : 'cancelled', message ?? this.pauseReason);
  }

  /** The events that show this job as it is now, for a late listener (job-events.ts); none once it has finished. */
  snapshot(): FerryEvent[] {
    if (this.state.name === 'finished') return [];
    return this.events.replay(this.tracker, isPaused(this.state), this.pauseReason);
  }

  get isPaused(): boolean { return isPaused(this.state); }
  get pausedReason(): string | undefined { return this.pauseReason; }

  /** Moves the state; false (and nothing changes) when the event means nothing in this state. */
  private go(event: JobStateEvent): boolean {
    const to = next(this.state, event);
    if (to) this.state = to;
    return to !== null;
  }

  private async run(): Promise<void> {
    // Cancelled or interrupted before it began: the row already says how it ended.
    if (!isLive(this.state)) return;
    this.record.setStatus('running');
    if (this.deps.resume) this.events.publish(this.record.resumeDetected(this.deps.savedProgress ?? null));
    const estimate = this.operation.estimate();
    this.tracker.setEstimate(estimate.knownFiles, estimate.knownBytes);
    this.events.publish({
      type: 'initialEstimate', knownFiles: estimate.knownFiles, knownBytes: estimate.knownBytes,
      discoveryStarting: estimate.discoveryStarting, ...this.operation.estimateFields,
    });
    // Nothing to walk (a move whose SOURCEs were all renamed whole): done now, without a worker.
    if (this.deps.config.sources.length === 0) {
      this.go('run');
      this.tracker.discoveryActive = false;
      return void this.finish('done');
    }
    this.producers = this.operation.producers(estimate);
    this.producers.forEach((p) => this.producing.add(p));
    if (!(await this.waitForOverlappingCopies())) return;
    this.go('run');
    const unlessFinished = (f: () => void) => () => { if (this.state.name !== 'finished') f(); };
    this.timers.push(setInterval(unlessFinished(() => this.events.publish(this.tracker.progressEvent(isPaused(this.state)))), PROGRESS_MS));
    this.timers.push(setInterval(unlessFinished(() => this.record.checkpoint(isPaused(this.state))), CHECKPOINT_MS));
    this.tracker.sample();

    const parts = {
      ledger: this.ledger, queue: this.queue, destIndex: this.destIndex, dispatcher: this.dispatcher, events: this.events,
      record: this.record, settlement: this.settlement, pool: this.pool, producers: this.producers, sources: this.deps.config.sources,
      live: () => isLive(this.state), paused: () => isPaused(this.state),
    };
    void runDestinationPhase({ ...parts, acquire: () => this.acquire(this.deps.priorities.destinationIndex) });
    // Without a walk of the disk (a retry job), the count is known from the start.
    if (!this.producers.some((p) => p.walks)) this.tracker.discoveryActive = false;
    const sink = new JobSink(parts);
    for (const p of this.producers) {
      void this.guard(p.run(sink).then(() => { this.producing.delete(p); this.checkCompletion(); }));
    }
  }

  /**
   * Waits while another live copy writes where this one will (jobs/copy-targets.ts), so that this one's
   * destination map sees that one's files; false when the job was stopped meanwhile.
   */
  private waitForOverlappingCopies(): Promise<boolean> {
    return waitForTargets(this.deps.db, this.deps.store, this.jobId, this.deps.config, {
      signal: this.abort.signal,
      paused: () => isPaused(this.state),
      waiting: (b) => {
        this.go('wait');
        this.events.publish({ type: 'jobState', status: 'waiting', reason: b.reason, waitingFor: b.jobId, into: b.target });
      },
      running: () => this.events.publish({ type: 'jobState', status: 'running' }),
    });
  }

  private async guard(p: Promise<void>): Promise<void> {
    try { await p; } catch (err) { this.fail(err); }
  }

  /** A worker slot at `priority`, or null when the job stops before one is granted. */
  private acquire(priority: number): Promise<Release | null> {
    return acquireSlot(this.deps.scheduler, priority, this.abort.signal, () => isLive(this.state));
  }

  private checkCompletion(): void {
    if (this.state.name === 'finished') return;
    if (this.state.name === 'stopping') {
      if (this.dispatcher.inFlight === 0) void this.finish(this.ending.status, this.ending.message);
      return;
    }
    const idle = this.producing.size === 0 && this.producers.length > 0 && this.queue.size === 0
      && this.dispatcher.waiting === 0 && this.dispatcher.inFlight === 0 && this.settlement.policy.size === 0;
    if (idle && this.settlement.blocked.size > 0) this.settlement.failBlocked();
    // Per-file failures do not fail the job: it is done, with failedFiles > 0 (exit code 1).
    if (idle && this.settlement.blocked.size === 0) void this.finish('done');
  }

  private stop(status: CompletedStatus, message?: string): void {
    if (!this.go('stop')) return;
    this.ending = { status, ...(message ? { message } : {}) };
    this.abort.abort();
    this.pool.requestStop();
    this.queue.releaseAll();
    this.settlement.policy.drain();
    this.events.forgetQuestions();
    this.producers.forEach((p) => void p.stop());
    void this.destIndex.stop();
    this.checkCompletion();
  }

  /** A job-level failure: stops like `stop`, or, when already stopping, lets completion go on. */
  private fail(err: unknown): void {
    if (this.state.name === 'finished') return;
    if (this.state.name === 'stopping') return this.checkCompletion();
    this.stop('failed', toErrorValue(err).message);
  }

  private async finish(status: CompletedStatus, message?: string): Promise<void> {
    if (!this.go('finish')) return;
    if (status === 'done' && this.ledger.everyFileFailed) {
      status = 'failed';
      message ??= `Every file failed (${this.tracker.failedFiles})`;
    }
    for (const t of this.timers) clearInterval(t);
    this.dispatcher.close();
    this.abort.abort();
    this.queue.clear();
    if (status === 'done') this.tracker.finish();
    const final = this.tracker.progressEvent(false);
    try {
      this.record.ended(status, message, isPaused(this.state));
    } catch (err) {
      message = message ?? toErrorValue(err).message;
    }
    await Promise.allSettled([this.pool.close(), ...this.producers.map((p) => p.stop()), this.destIndex.stop()]);
    if (status === 'done') await this.operation.completed();
    else if (status === 'cancelled') {
      try { this.operation.cancelled?.(); } catch (err) { message ??= toErrorValue(err).message; }
    }
    // A job stopped before it began still opens with initialEstimate (DESIGN §4: always first).
    if (!this.events.opened) {
      this.events.publish({ type: 'initialEstimate', knownFiles: 0, knownBytes: 0, discoveryStarting: false, ...this.operation.estimateFields });
    }
    this.events.publish(final);
    const completed = this.events.completed(status, this.tracker, message, this.operation.completedFields(this.tracker));
    this.resolveDone(completed);
  }
}
