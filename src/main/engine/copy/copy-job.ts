import * as path from 'node:path';
import { toErrorValue } from '../../../shared/errors';
import type { ConflictAnswer, CompletedStatus, EventBody, EventOf, FerryEvent, SkipReason } from '../../../shared/events';
import type { OverwriteMode, Resolution } from '../../../shared/types';
import type { Db } from '../db/library';
import { JobSlots } from '../jobs/job-slots';
import type { JobStore } from '../jobs/job-store';
import type { JobScheduler, Release } from '../jobs/scheduler';
import type { ProgressBus } from '../jobs/progress-bus';
import { BlockedFolders } from './blocked-folders';
import { Checkpoints } from './checkpoints';
import { ConflictPolicy } from './conflicts';
import type { BatchSettings, CopyTask, NoSpace, TaskOutcome } from './copy-protocol';
import { CopyQueue } from './copy-queue';
import { CopyWorkerPool, type BatchResult } from './copy-workers';
import { DeltaDiscovery } from './delta-discovery';
import { DestinationIndex } from './destination-index';
import { DiscoveryPhase } from './discovery-phase';
import { decisionsReadDestinationTimes, tempPrefixFor } from './file-copy';
import { FolderTimes } from './folder-times';
import { IndexPreparation, estimateFromIndex } from './index-preparation';
import { ProgressTracker } from './progress-tracker';
import { waitForTargets } from '../jobs/copy-targets';
import { TurnBudget } from './turn-budget';
import type { CopyItem, StaleItem } from './types';

/** What a copy job row's `config` holds: everything needed to run (or resume) it. */
export interface CopyJobConfig {
  sources: string[];
  destination: string;
  overwrite: OverwriteMode;
  useIndex: boolean;
  concurrency: number;
  /** Bytes a second (a speed limit), or none. */
  rateLimit?: number;
  /** A retry job: copies only the files that failed in this job (read from its checkpoints). */
  retryOf?: string;
  /** Child job rows (destination index, discovery). */
  children?: { destinationIndex?: string; discovery?: string };
}

export interface CopyJobDeps {
  db: Db;
  dbFile: string;
  store: JobStore;
  bus: ProgressBus;
  jobId: string;
  config: CopyJobConfig;
  /** A resumed run: checkpoints of the earlier runs are honoured. */
  resume: boolean;
  /** The process's worker slots: each copy batch and each phase worker runs on a slot granted by priority. */
  scheduler: JobScheduler;
  /** This job's priority; its destination index and discovery ask with their own, higher ones. */
  priorities: { copy: number; destinationIndex: number; discovery: number };
}

/** Files per worker message: per-file messages would cost more than copying a small file. */
const BATCH_SIZE = 256;
/** Under a speed limit, smaller batches keep checkpoints and the workers' shares even (workers charge per chunk). */
const LIMITED_BATCH_SIZE = 8;
/** The host thread's synchronous dispatching per turn of the event loop (DESIGN: loop delay p99 ≤ 20 ms). */
const PUMP_BUDGET_MS = 5;
const PROGRESS_MS = 250;
const CHECKPOINT_MS = 1000;

interface PendingConflict { item: CopyItem; id: string | null }

/**
 * One copy, start to end (docs/architecture.md §5.3). The phases only produce work: the destination index
 * answers "exists?", the index stream and discovery feed one bounded queue; copy workers copy in
 * batches; this class owns the state, the counters, the checkpoints and the decision that the job is
 * complete: discovery done ∧ index stream done ∧ queue empty ∧ nothing in flight ∧ no pending conflict.
 */
export class CopyJob {
  readonly done: Promise<EventOf<'completed'>>;
  private resolveDone!: (e: EventOf<'completed'>) => void;
  private readonly t0 = performance.now();
  private readonly queue = new CopyQueue();
  private readonly tracker = new ProgressTracker();
  private readonly checkpoints: Checkpoints;
  private readonly policy: ConflictPolicy<PendingConflict>;
  private readonly pool: CopyWorkerPool;
  private readonly destIndex: DestinationIndex;
  private readonly discovery: DeltaDiscovery;
  private readonly abort = new AbortController();
  private readonly settings: BatchSettings;
  /** Answered conflicts waiting for a worker: copied with the user's resolution. */
  private readonly answered: { item: CopyItem; force: 'replace' | 'keep-both' }[] = [];
  /** Size corrections already applied, so a stale report and the copy do not both count. */
  private readonly staleApplied = new Map<string, number>();
  private readonly sizeCorrected = new Map<string, number>();
  private inFlight = 0;
  private inFlightTicks = new Map<number, { files: number; bytes: number }>();
  /** The items of each batch in flight (at most `concurrency` batches), for the expected-conflicts count. */
  private readonly flights = new Map<number, { items: CopyItem[]; forced: boolean }>();
  private nextFlight = 1;
  private indexDone = false;
  private discoveryDone = false;
  private paused = false;
  private pauseReason: string | undefined;
  private stopping: { status: CompletedStatus; message?: string } | null = null;
  private finished = false;
  private existingAtDest = 0;
  private readonly skippedInBatch = new Map<SkipReason, number>();
  private readonly blocked = new BlockedFolders();
  private readonly folderTimes = new FolderTimes();
  private timers: NodeJS.Timeout[] = [];
  private lastDestAnalysis = 0;
  private estimated = false;
  private readonly rateLimit: number | null;
  private readonly slots: JobSlots;
  /** Conflict events still waiting for an answer, for a listener that joins late (`snapshot`). */
  private readonly asked = new Map<string, FerryEvent>();
  private readonly budget = new TurnBudget(PUMP_BUDGET_MS, () => this.pump());
  private readonly discoveryPhase: DiscoveryPhase;

  constructor(private readonly deps: CopyJobDeps) {
    this.done = new Promise((resolve) => { this.resolveDone = resolve; });
    const c = deps.config;
    this.checkpoints = new Checkpoints(deps.db, deps.jobId);
    this.policy = new ConflictPolicy<PendingConflict>((conflict, r) => {
      if (conflict.id) this.asked.delete(conflict.id);
      this.settleConflict(conflict.item, r);
    });
    this.pool = new CopyWorkerPool(c.concurrency, c.rateLimit);
    this.destIndex = new DestinationIndex(c.destination, c.sources.map((s) => path.basename(s)),
      { sizes: decisionsReadDestinationTimes(c.overwrite, deps.resume) });
    this.discovery = new DeltaDiscovery({ dbFile: c.useIndex ? deps.dbFile : null, sources: c.sources, useIndex: c.useIndex });
    this.rateLimit = c.rateLimit ?? null;
    this.slots = new JobSlots(deps.scheduler, deps.priorities.copy, this.abort.signal, () => this.pump());
    this.discoveryPhase = new DiscoveryPhase(this.discovery, () => this.acquire(deps.priorities.discovery),
      () => !this.paused && !this.queue.full && !this.stopping && !this.finished);
    this.settings = {
      dest: c.destination, mode: c.overwrite, resume: deps.resume, tempPrefix: tempPrefixFor(deps.jobId),
      // Workers write checkpoints to the library file (an in-memory library has none they could open).
      ...(deps.dbFile !== ':memory:' ? { checkpoint: { dbFile: deps.dbFile, jobId: deps.jobId } } : {}),
    };
  }

  get jobId(): string { return this.deps.jobId; }

  /** Starts the phases on the next turn of the event loop, so that the host can subscribe first. */
  start(): void {
    setImmediate(() => { this.run().catch((err) => this.fail(err)); });
  }

  resolve(answer: ConflictAnswer): void {
    this.policy.resolve(answer);
  }

  pause(reason?: string): void {
    if (this.paused || this.finished || this.stopping) return;
    this.paused = true;
    this.pauseReason = reason;
    this.pool.requestStop();
    this.discoveryPhase.pause();
    this.deps.store.setStatus(this.jobId, 'paused', reason ?? null);
    this.publish({ type: 'jobState', status: 'paused', ...(reason ? { reason } : {}) });
    this.publish(this.tracker.progressEvent(true));
  }

  resume(): void {
    if (!this.paused || this.finished || this.stopping) return;
    this.paused = false;
    this.pauseReason = undefined;
    this.pool.clearStop();
    if (!this.queue.full) this.discoveryPhase.resume();
    this.deps.store.setStatus(this.jobId, 'running');
    this.publish({ type: 'jobState', status: 'running' });
    this.pump();
  }

  /** 'cancel' ends the job `cancelled`; 'interrupt' ends it `interrupted`, resumable later. */
  cancel(mode: 'cancel' | 'interrupt' = 'cancel', message?: string): void {
    this.stop(mode === 'interrupt' ? 'interrupted' : 'cancelled', message ?? this.pauseReason);
  }

  /**
   * The events that show this job as it is now, for a listener that missed some (a browser window
   * that reconnects): the current progress, the pause, discovery's end and every unanswered conflict.
   * Empty once the job has finished (its row says how it ended).
   */
  snapshot(): FerryEvent[] {
    if (this.finished) return [];
    const now: EventBody[] = [];
    if (this.discoveryDone) {
      now.push({ type: 'discoveryComplete', totalDiscovered: this.tracker.discoveredFiles, discoveryBytes: this.tracker.discoveredBytes });
    }
    if (this.paused) now.push({ type: 'jobState', status: 'paused', ...(this.pauseReason ? { reason: this.pauseReason } : {}) });
    now.push(this.tracker.progressEvent(this.paused));
    return [...now.map((body) => this.stamp(body)), ...this.asked.values()];
  }

  get isPaused(): boolean { return this.paused; }
  get pausedReason(): string | undefined { return this.pauseReason; }

  // ── phases ─────────────────────────────────────────────────────────────────────────────────────

  private async run(): Promise<void> {
    // Cancelled or interrupted before it began: the row already says how it ended.
    if (this.stopping || this.finished) return;
    const c = this.deps.config;
    this.deps.store.setStatus(this.jobId, 'running');
    if (this.deps.resume) this.announceResume();
    const estimate = c.useIndex && !c.retryOf ? estimateFromIndex(this.deps.db, c.sources) : { knownFiles: 0, knownBytes: 0, covered: [] };
    this.tracker.setEstimate(estimate.knownFiles, estimate.knownBytes);
    this.estimated = true;
    this.publish({
      type: 'initialEstimate', knownFiles: estimate.knownFiles, knownBytes: estimate.knownBytes,
      discoveryStarting: !c.retryOf,
    });
    if (!(await this.waitForOverlappingCopies())) return;
    this.timers.push(setInterval(() => this.tick(), PROGRESS_MS));
    this.timers.push(setInterval(() => this.checkpoint(), CHECKPOINT_MS));
    this.tracker.sample();

    void this.runDestinationIndex();
    if (c.retryOf) {
      this.tracker.discoveryActive = false;
      this.discoveryDone = true;
      void this.guard(this.streamRetry(c.retryOf));
    } else {
      void this.guard(this.streamIndex(c.useIndex && estimate.covered.some(Boolean)));
      void this.guard(this.runDiscovery());
    }
  }

  /**
   * Waits while another live copy writes where this one will (jobs/copy-targets.ts), so that this one's
   * destination map sees that one's files; false when the job was stopped meanwhile.
   */
  private waitForOverlappingCopies(): Promise<boolean> {
    return waitForTargets(this.deps.db, this.deps.store, this.jobId, this.deps.config, {
      signal: this.abort.signal,
      paused: () => this.paused,
      waiting: (b) => this.publish({ type: 'jobState', status: 'waiting', reason: b.reason, waitingFor: b.jobId, into: b.target }),
      running: () => this.publish({ type: 'jobState', status: 'running' }),
    });
  }

  private async guard(p: Promise<void>): Promise<void> {
    try { await p; } catch (err) { this.fail(err); }
  }

  /**
   * The saved total is the job's file count only once discovery had finished (`discoveryActive: false`,
   * saved at that moment by CopyService); before that it is the index's estimate or the files found so
   * far, and nothing was saved at all before the first checkpoint: then the count is unknown (null), not 0.
   */
  private announceResume(): void {
    const counts = this.checkpoints.counts();
    const before = this.deps.store.get(this.jobId)?.progress as { totalFiles?: number; discoveryActive?: boolean } | null;
    const settled = counts.done + counts.skipped;
    const counted = before?.discoveryActive === false && typeof before.totalFiles === 'number';
    this.publish({
      type: 'resumeDetected', alreadyCompleted: counts.done,
      remainingFiles: counted ? Math.max(0, before.totalFiles! - settled) : null,
    });
  }

  private async runDestinationIndex(): Promise<void> {
    const child = this.deps.config.children?.destinationIndex;
    // Until its worker gets a slot, existence checks lstat the destination (DestinationIndex.lookup).
    const slot = await this.acquire(this.deps.priorities.destinationIndex);
    if (!slot) return;
    if (child) this.deps.store.setStatus(child, 'running');
    const off = this.destIndex.onProgress((s) => {
      // The complete state goes out once, below, with the expected conflicts.
      const now = performance.now();
      if (s.complete || now - this.lastDestAnalysis < 250) return;
      this.lastDestAnalysis = now;
      this.publish({ type: 'destinationAnalysis', ...s });
    });
    try {
      await this.destIndex.start();
    } finally {
      slot();
      off();
    }
    if (this.finished || this.stopping || !this.destIndex.complete) return;
    // A first copy (no source's name at DEST yet): everything will be copied, so a worker boots now,
    // alongside discovery, rather than when the first batch is ready.
    if (this.deps.config.sources.every((s) => this.destIndex.kindAt(path.basename(s)) === undefined)) this.pool.warm();
    // Conflicts to expect: files already met at DEST, plus the queued ones the map now says exist.
    let expected = this.existingAtDest;
    const count = (item: CopyItem) => { if (this.existsAtDest(item)) expected++; };
    this.queue.forEach(count);
    for (const f of this.flights.values()) if (!f.forced) f.items.forEach(count);
    this.tracker.expectedConflicts = expected;
    const s = this.destIndex.stats;
    this.publish({ type: 'destinationAnalysis', ...s, complete: true, expectedConflicts: expected });
    if (child) this.deps.store.setStatus(child, 'completed');
  }

  private async streamIndex(enabled: boolean): Promise<void> {
    if (enabled) {
      const prep = new IndexPreparation(this.deps.db, this.deps.config.sources);
      await prep.run(async (batch) => {
        if (this.stopping) return;
        this.enqueue(batch);
        await this.queue.waitForRoom();
        // Yield between pages so that worker results and timers run while the index streams.
        await new Promise<void>((r) => setImmediate(r));
      }, this.abort.signal);
    }
    this.indexDone = true;
    this.tracker.indexStreamFinished();
    this.checkCompletion();
  }

  private async runDiscovery(): Promise<void> {
    const child = this.deps.config.children?.discovery;
    const ran = await this.discoveryPhase.run({
      onItems: (batch) => this.discovered(batch),
      onStale: (batch) => this.stale(batch),
      onError: (e) => this.fileFailedAt(e.path, e.code, e.message),
    }, () => { if (child) this.deps.store.setStatus(child, 'running'); });
    if (!ran || this.stopping || this.finished) return;
    this.discoveryDone = true;
    this.tracker.discoveryActive = false;
    // The total is counted: saved now, before anyone hears of it, not at the next checkpoint (a second
    // away), so that a resume after a kill in between knows its remainingFiles.
    this.saveCountedProgress();
    this.publish({ type: 'discoveryComplete', totalDiscovered: this.tracker.discoveredFiles, discoveryBytes: this.tracker.discoveredBytes });
    if (child) this.deps.store.setStatus(child, 'completed');
    this.checkCompletion();
  }

  /** A worker slot at `priority`, or null when the job stops before one is granted. */
  private async acquire(priority: number): Promise<Release | null> {
    try {
      const slot = await this.deps.scheduler.acquire(priority, this.abort.signal);
      if (this.stopping || this.finished) { slot(); return null; }
      return slot;
    } catch {
      return null; // aborted: the job is stopping
    }
  }

  /** A retry job's producer: the failed rows of the earlier job, paged, mapped back to their sources. */
  private async streamRetry(previousJobId: string): Promise<void> {
    const previous = new Checkpoints(this.deps.db, previousJobId);
    const byName = new Map(this.deps.config.sources.map((s) => [path.basename(s), s]));
    for (const rows of previous.failed(BATCH_SIZE)) {
      if (this.stopping) break;
      const items: CopyItem[] = [];
      for (const r of rows) {
        const [name, ...rest] = r.rel.split('/');
        const root = byName.get(name!);
        if (!root) continue;
        items.push({ source: path.join(root, ...rest), rel: r.rel, kind: 'file', size: r.size, mtimeMs: 0, origin: 'index' });
      }
      this.enqueue(items, true);
      await this.queue.waitForRoom();
    }
    this.indexDone = true;
    this.tracker.indexStreamFinished();
    this.checkCompletion();
  }

  private discovered(batch: CopyItem[]): void {
    if (this.stopping || this.finished) return;
    let count = 0;
    let bytes = 0;
    for (const item of batch) if (item.kind !== 'dir') { count++; bytes += item.size; }
    this.tracker.discoveredFiles += count;
    this.tracker.discoveredBytes += bytes;
    this.queue.push(batch);
    this.countExpectedConflicts(batch);
    if (count > 0) this.publish({ type: 'filesDiscovered', count, bytes });
    if (this.queue.full) this.discoveryPhase.pause();
    this.pump();
  }

  private enqueue(batch: CopyItem[], retry = false): void {
    for (const item of batch) {
      if (item.kind === 'dir') continue;
      this.tracker.indexedFiles++;
      this.tracker.indexedBytes += item.size;
    }
    if (retry) this.tracker.setEstimate(0, 0);
    this.queue.push(batch);
    this.countExpectedConflicts(batch);
    this.pump();
  }

  /** Stale index rows: the file is queued already with the index's size; only the totals change. */
  private stale(batch: StaleItem[]): void {
    for (const s of batch) {
      if (this.sizeCorrected.delete(s.rel)) continue; // copied already, with its real size
      const delta = s.diskSize - s.indexedSize;
      this.staleApplied.set(s.rel, delta);
      this.tracker.correct(0, delta);
    }
  }

  private countExpectedConflicts(batch: CopyItem[]): void {
    if (!this.destIndex.complete) return;
    let n = 0;
    for (const item of batch) if (this.existsAtDest(item)) n++;
    if (n > 0) this.tracker.expectedConflicts = (this.tracker.expectedConflicts ?? 0) + n;
  }

  /** Whether the complete destination map has something at the item's place that it would meet. */
  private existsAtDest(item: CopyItem): boolean {
    const kind = this.destIndex.kindAt(item.rel);
    return kind !== undefined && !(item.kind === 'dir' && kind === 'dir');
  }

  // ── copying ────────────────────────────────────────────────────────────────────────────────────

  /** Sends batches to idle workers while there is work and the job may run. */
  private pump(): void {
    while (!this.paused && !this.stopping && !this.finished && this.pool.idle > 0
      && (this.answered.length > 0 || this.queue.size > 0)) {
      if (this.budget.spent()) break;
      const slot = this.slots.take();
      if (!slot) break; // asked for: pump runs again when the scheduler grants it
      const batchSize = this.rateLimit ? LIMITED_BATCH_SIZE : BATCH_SIZE;
      if (this.answered.length > 0) {
        const forced = this.answered.splice(0, batchSize);
        this.dispatch(slot, forced.map((f) => f.item), new Map(forced.map((f) => [f.item.rel, f.force])));
      } else {
        this.dispatch(slot, this.queue.take(batchSize));
      }
    }
    // A slot granted while there was nothing to copy (or the job paused) goes back to the others.
    this.slots.releaseUnused();
    if (this.queue.size < this.queue.highWater / 2 && !this.paused) this.discoveryPhase.resume();
  }

  private dispatch(slot: Release, items: CopyItem[], forced?: Map<string, 'replace' | 'keep-both'>): void {
    const tasks: CopyTask[] = [];
    const toCopy: CopyItem[] = [];
    for (const item of items) {
      // What the map has listed so far settles an item even before the map is complete.
      const entry = this.destIndex.lookup(item.rel);
      if (!forced && entry && this.settledByDestination(item, entry.kind)) continue;
      const task: CopyTask = { source: item.source, rel: item.rel, kind: item.kind, hint: entry === undefined ? 'unknown' : entry };
      const force = forced?.get(item.rel);
      if (force) task.force = force;
      tasks.push(task);
      toCopy.push(item);
    }
    this.flushSkipped();
    if (tasks.length === 0) { slot(); this.checkCompletion(); return; }
    const flight = this.nextFlight++;
    this.inFlight++;
    this.inFlightTicks.set(flight, { files: 0, bytes: 0 });
    this.flights.set(flight, { items: toCopy, forced: forced !== undefined });
    this.pool.run(this.settings, tasks, (files, bytes) => {
      this.inFlightTicks.set(flight, { files, bytes });
      this.updateInFlight();
    }).then(
      (result) => this.settleBatch(toCopy, result, forced !== undefined),
      (err) => this.settleBatch(toCopy, { outcomes: [] }, forced !== undefined, err),
    ).finally(() => {
      this.inFlight--;
      this.inFlightTicks.delete(flight);
      this.flights.delete(flight);
      this.updateInFlight();
      // Ask for the next slot before giving this one back, so the scheduler weighs this job's priority
      // against the others' waiting requests rather than handing the slot to whoever asked first.
      this.pump();
      slot();
      this.checkCompletion();
    });
  }

  /**
   * Under `skip`, what the destination map has listed settles an item without a worker: an
   * existing file is kept, an existing folder is merged into (keeping its times). A second run over
   * a finished copy then costs a map lookup per file. (Resumed runs go to the workers, which also
   * recognise their own earlier copies.)
   */
  private settledByDestination(item: CopyItem, destKind: string): boolean {
    if (this.settings.mode !== 'skip' || this.deps.resume) return false;
    if (item.kind === 'dir') return destKind === 'dir';
    this.settleItem(item, { o: 'skipped', reason: 'alreadyExists', size: item.size, existed: true });
    return true;
  }

  private updateInFlight(): void {
    let files = 0;
    let bytes = 0;
    for (const t of this.inFlightTicks.values()) { files += t.files; bytes += t.bytes; }
    this.tracker.setInFlight(files, bytes);
  }

  private settleBatch(items: CopyItem[], result: BatchResult, forced: boolean, crash?: unknown): void {
    result.outcomes.forEach((outcome, k) => this.settleItem(items[k]!, outcome, forced));
    // One filesSkipped per reason per batch: an event object per skipped file would cost more than the skip.
    this.flushSkipped();
    const rest = items.slice(result.outcomes.length);
    if (crash) {
      // A crashed worker: its unfinished files fail with the reason; the job goes on with a new worker.
      const message = crash instanceof Error ? crash.message : String(crash);
      for (const item of rest) this.recordFailure(item.rel, item.kind === 'dir' ? 0 : item.size, 'INTERNAL', message, item.source);
      return;
    }
    if (rest.length > 0 && !this.stopping) this.queue.unshift(rest);
    if (result.nospace) this.pauseForNoSpace(result.nospace);
  }

  /** `answered`: the second pass of a conflict the user answered (already counted as existing). */
  private settleItem(item: CopyItem, outcome: TaskOutcome, answered = false): void {
    const isFile = item.kind !== 'dir';
    switch (outcome.o) {
      case 'copied':
        if (outcome.existed && !answered) this.noteExisting();
        this.tracker.copiedFiles++;
        this.tracker.copiedBytes += outcome.size;
        this.correctSize(item, outcome.size);
        return;
      case 'blocked':
        this.blockedBy(item, outcome.at);
        return;
      case 'skippedBefore':
        if (isFile) { this.tracker.skippedFiles++; this.tracker.skippedBytes += outcome.size; }
        return;
      case 'already':
        this.tracker.copiedFiles++;
        this.tracker.copiedBytes += outcome.size;
        this.tracker.alreadyCompleted++;
        this.correctSize(item, outcome.size);
        return;
      case 'dir':
        this.folderTimes.note(item.rel, outcome.atimeNs, outcome.mtimeNs);
        if (this.blocked.has(item.rel)) this.decideFolder(item.rel, 'ready');
        return;
      case 'skipped':
        if (outcome.existed && isFile) this.noteExisting();
        if (outcome.reason === 'vanished') {
          if (isFile) this.tracker.correct(-1, -item.size - (this.staleApplied.get(item.rel) ?? 0));
          this.staleApplied.delete(item.rel);
        } else if (isFile) {
          this.correctSize(item, outcome.size);
        }
        if (isFile) {
          this.tracker.skippedFiles++;
          this.tracker.skippedBytes += outcome.size;
        }
        this.skippedInBatch.set(outcome.reason, (this.skippedInBatch.get(outcome.reason) ?? 0) + 1);
        return;
      case 'failed':
        if (isFile) this.correctSize(item, outcome.size);
        // The worker wrote its checkpoint row.
        this.countFailure(item.kind === 'dir' ? 0 : outcome.size, outcome.code, outcome.message, outcome.path);
        if (item.kind === 'dir' && this.blocked.has(item.rel)) this.decideFolder(item.rel, 'fail');
        return;
      case 'conflict': {
        this.noteExisting();
        if (isFile) this.correctSize(item, outcome.sourceSize);
        if (item.kind === 'dir') this.blocked.markPending(item.rel);
        const pending: PendingConflict = { item, id: null };
        const id = this.policy.add(pending);
        if (id === null) return;
        pending.id = id;
        // The counts first (expected conflicts included): the question then arrives with its context.
        this.publish(this.tracker.progressEvent(this.paused));
        const event = this.stamp({
          type: 'conflict', conflictId: id, source: item.source, destination: path.join(this.settings.dest, item.rel),
          sourceSize: outcome.sourceSize, destSize: outcome.destSize, sourceModified: outcome.sourceModified,
          destModified: outcome.destModified, sourceKind: outcome.sourceKind, destKind: outcome.destKind,
        });
        this.asked.set(id, event);
        if (!this.deps.bus.isClosed) this.deps.bus.publish(event);
        return;
      }
    }
  }

  private noteExisting(): void {
    if (!this.destIndex.complete) this.existingAtDest++;
  }

  /** The real size replaces the listed one in the totals (once per file, whoever reports it first). */
  private correctSize(item: CopyItem, actual: number): void {
    if (item.kind === 'dir') return;
    const applied = this.staleApplied.get(item.rel);
    if (applied !== undefined) this.staleApplied.delete(item.rel);
    const delta = actual - item.size - (applied ?? 0);
    if (delta === 0) return;
    this.tracker.correct(0, delta);
    if (item.origin === 'index' && applied === undefined) this.sizeCorrected.set(item.rel, delta);
  }

  private recordFailure(rel: string, size: number, code: string, message: string, where: string): void {
    this.countFailure(size, code, message, where);
    this.checkpoints.record({ rel, state: 'failed', destRel: null, size, code });
  }

  private countFailure(size: number, code: string, message: string, where: string): void {
    this.tracker.failedFiles++;
    this.tracker.failedBytes += size;
    this.publish({ type: 'fileFailed', path: where, code, message });
  }

  /** An unreadable folder found by discovery: what is below it cannot be copied. */
  private fileFailedAt(where: string, code: string, message: string): void {
    const source = this.deps.config.sources.find((s) => where === s || where.startsWith(s + path.sep));
    const rel = source ? path.join(path.basename(source), path.relative(source, where)).split(path.sep).join('/') : where;
    this.recordFailure(rel, 0, code, message, where);
  }

  private settleConflict(item: CopyItem, resolution: Resolution): void {
    if (this.finished) return;
    switch (resolution) {
      case 'skip':
        if (item.kind === 'dir') this.decideFolder(item.rel, 'skip');
        if (item.kind !== 'dir') this.tracker.skippedFiles++;
        this.tracker.skippedBytes += item.kind === 'dir' ? 0 : item.size;
        this.publish({ type: 'filesSkipped', count: 1, reason: 'userChoice' });
        this.checkpoints.record({ rel: item.rel, state: 'skipped', destRel: null, size: item.size, code: 'userChoice' });
        break;
      case 'stop':
        this.stop('cancelled', 'Stopped at a conflict');
        return;
      default:
        if (item.kind === 'dir' && resolution === 'keep-both') {
          // Keeping both would mean renaming the whole incoming folder: Ferry does not do that (yet).
          this.recordFailure(item.rel, 0, 'ENOTDIR', `A file is in the way of the folder ${path.join(this.settings.dest, item.rel)}; `
            + 'Keep Both is not available for a folder meeting a file (choose Replace or Skip)', path.join(this.settings.dest, item.rel));
          this.decideFolder(item.rel, 'fail');
          break;
        }
        this.answered.push({ item, force: resolution });
        this.pump();
    }
    this.checkCompletion();
  }

  /** An item whose parent folder is blocked by a file: it waits for that folder's conflict. */
  private blockedBy(item: CopyItem, at: string): void {
    const fate = this.blocked.fate(at);
    if (fate === 'ready') this.queue.unshift([item]);
    else if (fate === 'skip' || fate === 'fail') this.settleBelowFolder(item, at, fate);
    else this.blocked.park(at, item);
  }

  private decideFolder(rel: string, fate: 'ready' | 'skip' | 'fail'): void {
    const waiting = this.blocked.decide(rel, fate);
    if (fate === 'ready') this.queue.unshift(waiting);
    else for (const item of waiting) this.settleBelowFolder(item, rel, fate);
    this.flushSkipped();
    this.pump();
  }

  private settleBelowFolder(item: CopyItem, folder: string, fate: 'skip' | 'fail'): void {
    const where = path.join(this.settings.dest, folder);
    if (fate === 'skip') {
      if (item.kind !== 'dir') { this.tracker.skippedFiles++; this.tracker.skippedBytes += item.size; }
      this.skippedInBatch.set('userChoice', (this.skippedInBatch.get('userChoice') ?? 0) + 1);
      this.checkpoints.record({ rel: item.rel, state: 'skipped', destRel: null, size: item.size, code: 'userChoice' });
    } else {
      this.recordFailure(item.rel, item.kind === 'dir' ? 0 : item.size, 'ENOTDIR', `A file is in the way of the folder ${where}; it was not replaced`, path.join(this.settings.dest, item.rel));
    }
  }

  private flushSkipped(): void {
    for (const [reason, count] of this.skippedInBatch) this.publish({ type: 'filesSkipped', count, reason });
    this.skippedInBatch.clear();
  }

  private pauseForNoSpace(nospace: NoSpace): void {
    const message = `${nospace.message}. Free some space, then resume the job.`;
    this.pause(message);
  }

  // ── progress, checkpoints, completion ──────────────────────────────────────────────────────────

  private tick(): void {
    if (this.finished) return;
    this.publish(this.tracker.progressEvent(this.paused));
  }

  private checkpoint(): void {
    if (this.finished) return;
    this.tracker.sample();
    try {
      this.checkpoints.flush();
      this.deps.store.saveProgress(this.jobId, this.progressSnapshot());
    } catch {
      // A busy database must not stop the copy: the next checkpoint retries (rows stay buffered).
    }
  }

  private saveCountedProgress(): void {
    try {
      this.deps.store.saveProgress(this.jobId, this.progressSnapshot());
    } catch {
      // A busy database: the next checkpoint saves the same total.
    }
  }

  private progressSnapshot(): Record<string, unknown> {
    const { type: _type, ...fields } = this.tracker.progressEvent(this.paused);
    return { ...fields, discoveredFiles: this.tracker.discoveredFiles, indexedFiles: this.tracker.indexedFiles };
  }

  private checkCompletion(): void {
    if (this.finished) return;
    if (this.stopping) {
      if (this.inFlight === 0) void this.finish(this.stopping.status, this.stopping.message);
      return;
    }
    const idle = this.indexDone && this.discoveryDone && this.queue.size === 0 && this.answered.length === 0
      && this.inFlight === 0 && this.policy.size === 0;
    if (idle && this.blocked.size > 0) {
      // Blocked by something that is not one of this copy's folders (changed meanwhile): they fail.
      for (const at of this.blocked.folders()) this.decideFolder(at, 'fail');
    }
    if (idle && this.blocked.size === 0) {
      // Per-file failures do not fail the job: it is done, with failedFiles > 0 (exit code 1).
      void this.finish('done');
    }
  }

  private stop(status: CompletedStatus, message?: string): void {
    if (this.finished || this.stopping) return;
    this.stopping = { status, ...(message ? { message } : {}) };
    this.abort.abort();
    this.pool.requestStop();
    this.queue.releaseAll();
    this.policy.drain();
    this.asked.clear();
    void this.discovery.stop();
    void this.destIndex.stop();
    this.checkCompletion();
  }

  /** A job-level failure: stops like `stop`, or, when already stopping, lets completion go on. */
  private fail(err: unknown): void {
    if (this.finished) return;
    if (this.stopping) return this.checkCompletion();
    this.stop('failed', toErrorValue(err).message);
  }

  private async finish(status: CompletedStatus, message?: string): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    // A copy of which every file failed (none copied, none skipped) did nothing: it failed, not "Done".
    if (status === 'done' && this.tracker.failedFiles > 0 && this.tracker.copiedFiles === 0 && this.tracker.skippedFiles === 0) {
      status = 'failed';
      message ??= `Every file failed (${this.tracker.failedFiles})`;
    }
    for (const t of this.timers) clearInterval(t);
    this.slots.close();
    this.abort.abort();
    this.queue.clear();
    if (status === 'done') this.tracker.finish();
    const final = this.tracker.progressEvent(false);
    try {
      this.checkpoints.flush();
      this.deps.store.saveProgress(this.jobId, this.progressSnapshot());
      const jobStatus = status === 'done' ? 'completed' : status;
      this.deps.store.setStatus(this.jobId, jobStatus, message ?? null);
      const children = this.deps.config.children ?? {};
      for (const id of [children.destinationIndex, children.discovery]) {
        if (id && this.deps.store.get(id)?.status !== 'completed') this.deps.store.setStatus(id, status === 'done' ? 'completed' : jobStatus);
      }
    } catch (err) {
      message = message ?? toErrorValue(err).message;
    }
    await Promise.allSettled([this.pool.close(), this.discovery.stop(), this.destIndex.stop()]);
    if (status === 'done') await this.folderTimes.restore(this.settings.dest);
    // A job stopped before it began still opens with initialEstimate (DESIGN §4: always first).
    if (!this.estimated) this.publish({ type: 'initialEstimate', knownFiles: 0, knownBytes: 0, discoveryStarting: false });
    this.publish(final);
    const completed = this.stamp({
      type: 'completed', status,
      copiedFiles: this.tracker.copiedFiles, copiedBytes: this.tracker.copiedBytes,
      skippedFiles: this.tracker.skippedFiles, failedFiles: this.tracker.failedFiles,
      discoveredFiles: this.tracker.discoveredFiles, indexedFiles: this.tracker.indexedFiles,
      durationMs: Math.round(performance.now() - this.t0),
      ...(message ? { message } : {}),
    }) as EventOf<'completed'>;
    this.deps.bus.publish(completed);
    this.resolveDone(completed);
  }

  private publish(body: EventBody): void {
    if (this.deps.bus.isClosed) return;
    this.deps.bus.publish(this.stamp(body));
  }

  private stamp(body: EventBody): FerryEvent {
    return { ...body, jobId: this.jobId, t: Math.round(performance.now() - this.t0) } as FerryEvent;
  }
}
