import { FerryError } from '../../../shared/errors';
import type { FerryEvent } from '../../../shared/events';
import type { Db } from '../db/library';
import { JobStore } from './job-store';
import { JobScheduler } from './scheduler';
import { ProgressBus, type Listener } from './progress-bus';

/** What a running job exposes to the host that started it (and to the UI through the engine). */
export interface JobController {
  pause(): void;
  resume(): void;
  /** Stops the job. 'cancel' ends it `cancelled`; 'interrupt' ends it `interrupted` (resumable later). */
  cancel(mode?: 'cancel' | 'interrupt'): void;
}

interface LiveJob { controller: JobController; bus: ProgressBus; unsubscribe: () => void }

/**
 * The process's live jobs: their persistence (JobStore), worker slots by priority (JobScheduler), one
 * ProgressBus per job, and a heartbeat that lets the next process tell a job whose owner died
 * (`recoverInterrupted`, called at start) from one still running elsewhere.
 */
export class JobManager {
  readonly store: JobStore;
  readonly scheduler: JobScheduler;
  private readonly live = new Map<string, LiveJob>();
  private readonly listeners = new Set<Listener>();
  private heartbeatTimer: NodeJS.Timeout | null = null;

  constructor(db: Db, options: { scheduler?: JobScheduler; heartbeatMs?: number } = {}) {
    this.store = new JobStore(db);
    this.scheduler = options.scheduler ?? new JobScheduler();
    this.heartbeatMs = options.heartbeatMs ?? 2_000;
  }
  private readonly heartbeatMs: number;

  /** Marks jobs whose owning process died as `interrupted`; returns their ids. */
  recoverInterrupted(): string[] {
    return this.store.recoverInterrupted();
  }

  /** Makes a running job reachable by id; its events also go to every `onEvent` listener. */
  register(jobId: string, controller: JobController, bus: ProgressBus): void {
    const unsubscribe = bus.subscribe((e) => {
      for (const l of [...this.listeners]) { try { l(e); } catch { /* keep delivering */ } }
      if (e.type === 'completed') this.unregister(jobId);
    });
    this.live.set(jobId, { controller, bus, unsubscribe });
    this.startHeartbeat();
  }

  unregister(jobId: string): void {
    const job = this.live.get(jobId);
    if (!job) return;
    job.unsubscribe();
    this.live.delete(jobId);
    if (this.live.size === 0) this.stopHeartbeat();
  }

  isLive(jobId: string): boolean {
    return this.live.has(jobId);
  }

  bus(jobId: string): ProgressBus | undefined {
    return this.live.get(jobId)?.bus;
  }

  controller(jobId: string): JobController {
    const job = this.live.get(jobId);
    if (!job) {
      const known = this.store.get(jobId);
      throw new FerryError('JOB_NOT_FOUND', known
        ? `Job ${jobId} is not running in this process (it is ${known.status})`
        : `No job with id ${jobId}`);
    }
    return job.controller;
  }

  pause(jobId: string): void { this.controller(jobId).pause(); }
  resume(jobId: string): void { this.controller(jobId).resume(); }
  cancel(jobId: string, mode: 'cancel' | 'interrupt' = 'cancel'): void { this.controller(jobId).cancel(mode); }

  /** Every event of every live job. */
  onEvent(listener: (e: FerryEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Interrupts every live job (process shutdown) and stops the heartbeat. */
  close(): void {
    for (const [, job] of this.live) job.controller.cancel('interrupt');
    this.stopHeartbeat();
  }

  private startHeartbeat(): void {
    if (this.heartbeatTimer) return;
    this.heartbeatTimer = setInterval(() => {
      try { this.store.heartbeat(); } catch { /* a busy database must not kill the job; next beat retries */ }
    }, this.heartbeatMs);
    this.heartbeatTimer.unref();
  }

  private stopHeartbeat(): void {
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
  }
}
