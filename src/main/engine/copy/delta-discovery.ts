import type { Worker } from 'node:worker_threads';
import { FerryError } from '../../../shared/errors';
import type { DiscoveryMessage, DiscoveryWorkerData } from '../workers/protocol';
import { PAUSED, RUNNING, STOPPING, WalkControl, spawnWorker } from '../workers/worker-path';
import type { CopyItem, StaleItem } from './types';

/**
 * Phase 2 of a copy (docs/architecture.md §3): a worker thread walks the SOURCEs on disk, filters bypassed,
 * and reports only what the library index lacks (`onItems`) or has stale (`onStale`), in batches.
 * The walk itself is workers/discovery-walker.ts; this class owns the thread.
 */

export interface DiscoveryHandlers {
  /** origin 'discovery': entries the index lacks (filtered folders, new files, uncovered SOURCEs). */
  onItems(batch: CopyItem[]): void;
  /** Files the index has with another size or mtime (IndexPreparation queued them already). */
  onStale(batch: StaleItem[]): void;
  /** An unreadable directory or entry; the walk goes on. */
  onError(e: { path: string; code: string; message: string }): void;
}

export interface DiscoveryTotals { totalDiscovered: number; discoveryBytes: number }

const DEFAULT_BATCH = 256;

export class DeltaDiscovery {
  private readonly control = new WalkControl();
  private worker: Worker | null = null;
  private stopped = false;

  /** dbFile: the library file, opened read-only in the worker (null or useIndex false → report everything). */
  constructor(private readonly options: { dbFile: string | null; sources: string[]; useIndex?: boolean; batchSize?: number }) {}

  /**
   * Resolves with the totals (regular files and their bytes among the reported items) when the walk
   * is complete, or with the totals so far after `stop()`. Rejects with a FerryError only when the
   * worker itself fails (or a handler throws); the host process never crashes.
   */
  start(handlers: DiscoveryHandlers): Promise<DiscoveryTotals> {
    if (this.worker) throw new FerryError('INTERNAL', 'DeltaDiscovery.start called twice');
    const data: DiscoveryWorkerData = {
      dbFile: this.options.dbFile,
      sources: this.options.sources,
      useIndex: this.options.useIndex ?? true,
      batchSize: this.options.batchSize ?? DEFAULT_BATCH,
      control: this.control.buffer,
    };
    const totals: DiscoveryTotals = { totalDiscovered: 0, discoveryBytes: 0 };
    let worker: Worker;
    try {
      worker = spawnWorker('delta-discovery', { workerData: data });
    } catch (err) {
      return Promise.reject(err instanceof FerryError ? err : new FerryError('INTERNAL', `discovery worker: ${(err as Error).message}`));
    }
    this.worker = worker;
    return new Promise<DiscoveryTotals>((resolve, reject) => {
      let settled = false;
      const finish = (err: FerryError | null) => {
        if (settled) return;
        settled = true;
        if (err) { void this.stop(); reject(err); } else resolve({ ...totals });
      };
      worker.on('message', (m: DiscoveryMessage) => {
        // After stop() nothing more reaches the handlers, even batches already in flight.
        if (settled || this.stopped) return;
        try {
          switch (m.kind) {
            case 'items':
              for (const i of m.items) if (i.kind === 'file') { totals.totalDiscovered++; totals.discoveryBytes += i.size; }
              handlers.onItems(m.items);
              break;
            case 'stale': handlers.onStale(m.items); break;
            case 'error': handlers.onError(m.error); break;
            case 'done': finish(null); break;
            case 'fatal': finish(new FerryError(m.error.code, `discovery failed: ${m.error.message}`, m.error.path)); break;
          }
        } catch (err) {
          finish(new FerryError('INTERNAL', `discovery handler failed: ${(err as Error).message}`));
        }
      });
      worker.on('error', (err) => finish(new FerryError('INTERNAL', `discovery worker crashed: ${err.message}`)));
      worker.on('exit', () => {
        if (this.stopped) finish(null);
        else finish(new FerryError('INTERNAL', 'discovery worker exited before it finished'));
      });
    });
  }

  /** Backpressure: the walk blocks between directories until `resume()` (pending items are flushed first). */
  pause(): void {
    if (this.control.state === RUNNING) this.control.set(PAUSED);
  }

  resume(): void {
    if (this.control.state === PAUSED) this.control.set(RUNNING);
  }

  /** Stops the walk and terminates the worker; `start()` then resolves with the totals so far. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.control.set(STOPPING);
    const w = this.worker;
    if (w) await w.terminate();
  }
}
