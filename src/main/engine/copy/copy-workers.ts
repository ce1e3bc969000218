import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../workers/worker-path';
import type { BatchSettings, CopyTask, FromWorker, NoSpace, TaskOutcome, ToWorker } from './copy-protocol';
import { SharedRateLimit } from './rate-limit';

export interface BatchResult { outcomes: TaskOutcome[]; nospace?: NoSpace }

interface Slot { worker: Worker | null; busy: boolean; pending?: { batchId: number; resolve: (r: BatchResult) => void; reject: (e: Error) => void; onTick?: (files: number, bytes: number) => void } }

/**
 * A fixed pool of copy worker threads. `run` sends one batch to an idle worker (callers never have
 * more batches in flight than `size`); `requestStop` makes every worker return within a chunk (its
 * current file given back unstarted). A speed limit lives in shared memory: every worker charges it per
 * chunk, so the job's workers together hold it.
 * A worker starts with the first batch it is given: a second run over a finished copy, which the
 * destination map settles without copying, does not pay for booting threads it does not use (~0.1 s
 * of CPU each). `warm` starts one ahead, when copying is certain.
 */
export class CopyWorkerPool {
  private readonly slots: Slot[] = [];
  private readonly stopFlag = new Int32Array(new SharedArrayBuffer(4));
  private readonly rate: SharedArrayBuffer | null;
  private nextBatchId = 1;
  private closed = false;

  /** `bytesPerSecond`: the job's speed limit, if any. */
  constructor(readonly size: number, bytesPerSecond?: number) {
    this.rate = bytesPerSecond ? SharedRateLimit.buffer(bytesPerSecond) : null;
    for (let i = 0; i < size; i++) this.slots.push({ worker: null, busy: false });
  }

  get idle(): number {
    return this.slots.filter((s) => !s.busy).length;
  }

  run(settings: BatchSettings, tasks: CopyTask[], onTick?: (files: number, bytes: number) => void): Promise<BatchResult> {
    const slot = this.slots.find((s) => !s.busy);
    if (!slot || this.closed) return Promise.reject(new Error('no idle copy worker'));
    slot.busy = true;
    const batchId = this.nextBatchId++;
    return new Promise<BatchResult>((resolve, reject) => {
      slot.pending = { batchId, resolve, reject, onTick };
      const msg: ToWorker = { kind: 'batch', batchId, settings, tasks };
      (slot.worker ??= this.spawn(slot)).postMessage(msg);
    });
  }

  /** Boots one worker now (if none is up), so that the first batch does not wait for a boot. */
  warm(): void {
    const slot = this.slots[0];
    if (slot && !slot.worker && !this.closed) slot.worker = this.spawn(slot);
  }

  /**
   * Workers stop within a chunk, the file they were copying and the rest of their batch returned
   * unstarted. The notify wakes a worker waiting for the speed limit.
   */
  requestStop(): void {
    Atomics.store(this.stopFlag, 0, 1);
    Atomics.notify(this.stopFlag, 0);
  }
  clearStop(): void { Atomics.store(this.stopFlag, 0, 0); }

  async close(): Promise<void> {
    this.closed = true;
    this.requestStop();
    await Promise.all(this.slots.map((s) => s.worker?.terminate()));
  }

  private spawn(slot: Slot): Worker {
    const worker = spawnWorker('copy', {
      workerData: { stopFlag: this.stopFlag.buffer, rate: this.rate },
    });
    worker.on('message', (m: FromWorker) => {
      const p = slot.pending;
      if (!p || m.batchId !== p.batchId) return;
      if (m.kind === 'tick') { p.onTick?.(m.files, m.bytes); return; }
      slot.pending = undefined;
      slot.busy = false;
      if (m.kind === 'result') p.resolve({ outcomes: m.outcomes, nospace: m.nospace });
      else p.reject(new Error(`copy worker failed: ${m.message}`));
    });
    worker.on('error', (err) => this.fail(slot, worker, err));
    worker.on('exit', (code) => { if (!this.closed) this.fail(slot, worker, new Error(`copy worker exited with code ${code}`)); });
    return worker;
  }

  /** A crashed worker fails its batch (the job reports it); its slot starts a new one with its next batch. */
  private fail(slot: Slot, worker: Worker, err: Error): void {
    // 'error' is followed by 'exit': the batch fails once, and a newer worker of the slot is left alone.
    if (slot.worker !== worker) return;
    const p = slot.pending;
    slot.pending = undefined;
    slot.busy = false;
    slot.worker = null;
    p?.reject(err);
  }
}
