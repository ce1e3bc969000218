import { JobSlots } from '../jobs/job-slots';
import type { JobScheduler, Release } from '../jobs/scheduler';
import type { BatchSettings, CopyTask } from './copy-protocol';
import type { CopyQueue } from './copy-queue';
import type { BatchResult, CopyWorkerPool } from './copy-workers';
import type { DestinationIndex } from './destination-index';
import type { ProgressTracker } from './progress-tracker';
import { TurnBudget } from './turn-budget';
import type { CopyItem } from './types';

/** Files per worker message: per-file messages would cost more than copying a small file. */
const BATCH_SIZE = 256;
/** Under a speed limit, smaller batches keep checkpoints and the workers' shares even (workers charge per chunk). */
const LIMITED_BATCH_SIZE = 8;
/** The host thread's synchronous dispatching per turn of the event loop (DESIGN: loop delay p99 ≤ 20 ms). */
const PUMP_BUDGET_MS = 5;

export type Forced = 'replace' | 'keep-both';

/** A worker slot of the process's scheduler at `priority`, or null when the job stops (`live()` false) before one is granted. */
export async function acquireSlot(scheduler: JobScheduler, priority: number, signal: AbortSignal, live: () => boolean): Promise<Release | null> {
  try {
    const slot = await scheduler.acquire(priority, signal);
    if (!live()) { slot(); return null; }
    return slot;
  } catch {
    return null; // aborted: the job is stopping
  }
}

/** What the dispatcher asks of its job. */
export interface DispatchHooks {
  /** The job may hand out work now (live, not paused). */
  mayWork(): boolean;
  /** Settles an item from what the destination map has listed, without a worker; true when it did. */
  settledByDestination(item: CopyItem, destKind: string): boolean;
  /** A batch came back (`crash`: its worker died). */
  settled(items: CopyItem[], result: BatchResult, forced: boolean, crash?: unknown): void;
  /** The skips counted while handing out go out as events. */
  flushSkipped(): void;
  /** Something ended (a batch, or a dispatch that needed no worker): the job may be complete. */
  idle(): void;
  /** Each pump ends here: the queue may have room for the producers again. */
  pumped(): void;
}

/**
 * Hands the queued work to the copy workers: one batch per granted worker slot (jobs/job-slots.ts), answered
 * conflicts first, within a time budget per turn of the event loop; keeps what is in flight (for the
 * progress between two results, and for the conflicts to expect once the destination map completes).
 */
export class Dispatcher {
  /** Answered conflicts waiting for a worker: copied with the user's resolution. */
  private readonly answered: { item: CopyItem; force: Forced }[] = [];
  private readonly ticks = new Map<number, { files: number; bytes: number }>();
  /** The items of each batch in flight (at most `concurrency` batches). */
  private readonly flights = new Map<number, { items: CopyItem[]; forced: boolean }>();
  private nextFlight = 1;
  private readonly slots: JobSlots;
  private readonly budget = new TurnBudget(PUMP_BUDGET_MS, () => this.pump());
  private readonly batchSize: number;

  constructor(
    private readonly pool: CopyWorkerPool,
    private readonly queue: CopyQueue,
    private readonly destIndex: DestinationIndex,
    private readonly tracker: ProgressTracker,
    private readonly settings: BatchSettings,
    slots: { scheduler: JobScheduler; priority: number; signal: AbortSignal; rateLimited: boolean },
    private readonly hooks: DispatchHooks,
  ) {
    this.slots = new JobSlots(slots.scheduler, slots.priority, slots.signal, () => this.pump());
    this.batchSize = slots.rateLimited ? LIMITED_BATCH_SIZE : BATCH_SIZE;
  }

  /** Batches with a worker now. */
  get inFlight(): number {
    return this.flights.size;
  }

  /** Answered conflicts not yet handed to a worker. */
  get waiting(): number {
    return this.answered.length;
  }

  /** Visits the items in flight that are not answered conflicts (those were counted as existing already). */
  forEachUnanswered(visit: (item: CopyItem) => void): void {
    for (const f of this.flights.values()) if (!f.forced) f.items.forEach(visit);
  }

  /** A conflict the user answered with replace or keep-both: copied first. */
  answer(item: CopyItem, force: Forced): void {
    this.answered.push({ item, force });
    this.pump();
  }

  /** Sends batches to idle workers while there is work and the job may run. */
  pump(): void {
    while (this.hooks.mayWork() && this.pool.idle > 0 && (this.answered.length > 0 || this.queue.size > 0)) {
      if (this.budget.spent()) break;
      const slot = this.slots.take();
      if (!slot) break; // asked for: pump runs again when the scheduler grants it
      if (this.answered.length > 0) {
        const forced = this.answered.splice(0, this.batchSize);
        this.dispatch(slot, forced.map((f) => f.item), new Map(forced.map((f) => [f.item.rel, f.force])));
      } else {
        this.dispatch(slot, this.queue.take(this.batchSize));
      }
    }
    // A slot granted while there was nothing to copy (or the job paused) goes back to the others.
    this.slots.releaseUnused();
    this.hooks.pumped();
  }

  close(): void {
    this.slots.close();
  }

  private dispatch(slot: Release, items: CopyItem[], forced?: Map<string, Forced>): void {
    const tasks: CopyTask[] = [];
    const toCopy: CopyItem[] = [];
    for (const item of items) {
      // What the map has listed so far settles an item even before the map is complete.
      const entry = this.destIndex.lookup(item.rel);
      if (!forced && entry && this.hooks.settledByDestination(item, entry.kind)) continue;
      const task: CopyTask = { source: item.source, rel: item.rel, kind: item.kind, hint: entry === undefined ? 'unknown' : entry };
      const force = forced?.get(item.rel);
      if (force) task.force = force;
      tasks.push(task);
      toCopy.push(item);
    }
    this.hooks.flushSkipped();
    if (tasks.length === 0) { slot(); this.hooks.idle(); return; }
    const flight = this.nextFlight++;
    const isForced = forced !== undefined;
    this.ticks.set(flight, { files: 0, bytes: 0 });
    this.flights.set(flight, { items: toCopy, forced: isForced });
    this.pool.run(this.settings, tasks, (files, bytes) => {
      this.ticks.set(flight, { files, bytes });
      this.updateInFlight();
    }).then(
      (result) => this.hooks.settled(toCopy, result, isForced),
      (err) => this.hooks.settled(toCopy, { outcomes: [] }, isForced, err),
    ).finally(() => {
      this.ticks.delete(flight);
      this.flights.delete(flight);
      this.updateInFlight();
      // Ask for the next slot before giving this one back, so the scheduler weighs this job's priority
      // against the others' waiting requests rather than handing the slot to whoever asked first.
      this.pump();
      slot();
      this.hooks.idle();
    });
  }

  private updateInFlight(): void {
    let files = 0;
    let bytes = 0;
    for (const t of this.ticks.values()) { files += t.files; bytes += t.bytes; }
    this.tracker.setInFlight(files, bytes);
  }
}
