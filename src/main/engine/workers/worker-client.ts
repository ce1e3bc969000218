import type { Worker, WorkerOptions } from 'node:worker_threads';
import { FerryError, type FerryErrorValue } from '../../../shared/errors';
import { spawnWorker } from './worker-path';

/** What a request/reply worker answers: the value asked for, or an error as a value (errors.ts). */
export type WorkerReply<Value> =
  | { id: number; ok: true; value: Value }
  | { id: number; ok: false; error: FerryErrorValue };

export interface WorkerClientOptions {
  /** What the thread does, as its failures say it: "The folder listing thread stopped (…)". */
  role: string;
  /** What a call made after close() is told. */
  closedMessage: string;
  workerOptions?: WorkerOptions;
  /** Why a thread ended with an error, when its error says more than "stopped" (out of memory…). */
  explainError?: (err: Error) => string | null;
}

/**
 * Requests answered by one worker thread, each matched to its reply by id. The thread is unreferenced
 * while it owes nothing (an idle thread must not keep a CLI or a test alive), referenced while a caller
 * awaits. A thread that dies fails what it was asked, with why; the next request spawns a new one.
 */
export class WorkerClient<Request extends object, Value> {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve(v: Value): void; reject(e: FerryError): void }>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly name: string, private readonly options: WorkerClientOptions) {}

  /** Starts the thread now, so that the first request does not wait for it to boot. */
  boot(): void {
    if (!this.closed) this.worker ??= this.spawn();
  }

  ask(request: Request): Promise<Value> {
    if (this.closed) return Promise.reject(new FerryError('INTERNAL', this.options.closedMessage));
    const worker = (this.worker ??= this.spawn());
    if (this.pending.size === 0) worker.ref();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });
  }

  close(): void {
    this.closed = true;
    const w = this.worker;
    this.worker = null;
    void w?.terminate();
    this.failAll(this.options.closedMessage);
  }

  private spawn(): Worker {
    const worker = spawnWorker(this.name, this.options.workerOptions ?? {});
    worker.unref();
    worker.on('message', (m: WorkerReply<Value>) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) worker.unref();
      if (m.ok) p.resolve(m.value);
      else p.reject(new FerryError(m.error.code, m.error.message, m.error.path));
    });
    const died = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.failAll(why);
    };
    const stopped = `The ${this.options.role} thread stopped`;
    worker.on('error', (err) => died(this.options.explainError?.(err) ?? `${stopped} (${err.message})`));
    worker.on('exit', (code) => died(`${stopped} (exit code ${code})`));
    return worker;
  }

  private failAll(why: string): void {
    for (const p of this.pending.values()) p.reject(new FerryError('INTERNAL', why));
    this.pending.clear();
  }
}
