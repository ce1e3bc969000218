import * as path from 'node:path';
import type { Db } from '../db/library';
import { Checkpoints } from './checkpoints';
import { IndexPreparation } from './index-preparation';
import type { CopyItem, StaleItem } from './types';

/**
 * Where a job's work comes from (docs/architecture.md §5.3). The job runs its producers at once and is complete
 * once each has ended (and nothing is queued, in flight or asked); it does not know which is which: each
 * reports what it produces through the `WorkSink`, which counts it, queues it and applies backpressure.
 *
 * Producers today: the index stream (phase 1), discovery (phase 2, `DiscoveryPhase`), and a retry job's
 * failed files. One that lists pages waits on `listed(...)` for room; one that is pushed to (a walker in a
 * worker) is paused and resumed by the job instead.
 */
export interface Producer {
  /** Whether it walks the disk: a job without such a producer knows its file count from the start. */
  readonly walks: boolean;
  /** Produces until it has nothing more, or the job stops (`sink.stopping()`). */
  run(sink: WorkSink): Promise<void>;
  /** The job paused, or its queue is full: stop producing until `resume`. */
  pause(): void;
  resume(): void;
  /** The job is ending: let go of what runs (a worker). */
  stop(): Promise<void>;
}

export interface WorkSink {
  /** The job is stopping or has ended: produce nothing more. */
  stopping(): boolean;
  /** Items the index (or an earlier job's checkpoints) listed; resolves once the queue has room for more. */
  listed(batch: CopyItem[]): Promise<void>;
  /** Items found on disk, pushed by a walker: a full queue pauses the producers (`Producer.pause`). */
  found(batch: CopyItem[]): void;
  /** Index rows whose file on disk has another size: only the totals change. */
  stale(batch: StaleItem[]): void;
  /** A place that could not be read: what is below it cannot be copied. */
  unreadable(where: string, code: string, message: string): void;
  /** Every listed item is queued: the index's estimate gives way to what it listed. */
  listingEnded(): void;
  /** The walk began on its worker slot, and (below) it ended: the job's file count is known. */
  discoveryStarted(): void;
  discoveryEnded(): void;
}

/** Phase 1: the indexed files under the sources, streamed in keyset pages (index-preparation.ts). */
export class IndexStream implements Producer {
  readonly walks = false;

  /** `prep` is null when the index covers none of the sources (or is not used): nothing to stream. */
  constructor(private readonly prep: IndexPreparation | null, private readonly signal: AbortSignal) {}

  async run(sink: WorkSink): Promise<void> {
    if (this.prep) {
      await this.prep.run(async (batch) => {
        if (sink.stopping()) return;
        await sink.listed(batch);
        // Yield between pages so that worker results and timers run while the index streams.
        await new Promise<void>((r) => setImmediate(r));
      }, this.signal);
    }
    sink.listingEnded();
  }

  // It waits for room on `listed`, and the job's abort signal ends it.
  pause(): void {}
  resume(): void {}
  async stop(): Promise<void> {}
}

/** Rows of the earlier job's failures read per page (as many as a copy batch). */
const RETRY_PAGE = 256;

/** A retry job: the failed rows of the earlier job, paged, mapped back to their sources. */
export class RetryFailures implements Producer {
  readonly walks = false;

  constructor(private readonly db: Db, private readonly previousJobId: string, private readonly sources: string[]) {}

  async run(sink: WorkSink): Promise<void> {
    const previous = new Checkpoints(this.db, this.previousJobId);
    const byName = new Map(this.sources.map((s) => [path.basename(s), s]));
    for (const rows of previous.failed(RETRY_PAGE)) {
      if (sink.stopping()) break;
      const items: CopyItem[] = [];
      for (const r of rows) {
        const [name, ...rest] = r.rel.split('/');
        const root = byName.get(name!);
        if (!root) continue;
        items.push({ source: path.join(root, ...rest), rel: r.rel, kind: 'file', size: r.size, mtimeMs: 0, origin: 'index' });
      }
      await sink.listed(items);
    }
    sink.listingEnded();
  }

  // Reading pages waits for room on `listed`.
  pause(): void {}
  resume(): void {}
  async stop(): Promise<void> {}
}
