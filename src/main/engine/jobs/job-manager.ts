import { FerryError } from '../../../shared/errors';
import type { ConflictAnswer, EventOf, FerryEvent } from '../../../shared/events';
import type { Db } from '../db/library';
import { JobStore } from './job-store';
import { JobScheduler } from './scheduler';
import type { ProgressBus, Listener } from './progress-bus';

/** What a running job exposes, whatever its operation: what hosts reach through the engine by job id. */
export interface JobHandle {
  jobId: string;
  /** Resolves with the final event (never rejects). */
  done: Promise<EventOf<'completed'>>;
  /** Throws FerryError('CONFLICT_NOT_FOUND') for an unknown id. */
  resolve(answer: ConflictAnswer): void;
  pause(): void;
  resume(): void;
  /** 'cancel' ends it `cancelled`; 'interrupt' stops it now, resumable later (status interrupted). */
  cancel(mode?: 'cancel' | 'interrupt'): void;
  /** This job's events from now on; returns the unsubscribe function. */
  onEvent(listener: (event: FerryEvent) => void): () => void;
  /** Events that show the job as it is now (progress, pause, unanswered conflicts), for a late listener. */
  snapshot(): FerryEvent[];
}

interface LiveJob { handle: JobHandle; unsubscribe: () => void }

/**
 * The process's one registry of live jobs (job id → handle), with their persistence (JobStore), worker
 * slots by priority (JobScheduler), and a heartbeat that lets the next process tell a job whose owner
 * died (`recoverInterrupted`, called at start) from one still running elsewhere.
 */
export class JobManager {
  readonly store: JobStore;
  readonly scheduler: JobScheduler;
  private readonly live = new Map<string, LiveJob>();
  private readonly listeners = new Set<Listener>();
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private readonly heartbeatMs: number;

  constructor(db: Db, options: { scheduler?: JobScheduler; heartbeatMs?: number } = {}) {
    this.store = new JobStore(db);
    this.scheduler = options.scheduler ?? new JobScheduler();
    this.heartbeatMs = options.heartbeatMs ?? 2_000;
  }

  /** Marks jobs whose owning process died as `interrupted`; returns their ids. */
  recoverInterrupted(): string[] {
    return this.store.recoverInterrupted();
  }

  /**
   * Makes a running job reachable by id until it completes; its events also go to every `onEvent`
   * listener. Called before the job emits anything, so that listeners see its events from the first.
   */
  register(handle: JobHandle, bus: ProgressBus): void {
    const { jobId } = handle;
    const unsubscribe = bus.subscribe((e) => {
      for (const l of [...this.listeners]) { try { l(e); } catch { /* keep delivering */ } }
      if (e.type === 'completed') this.unregister(jobId, handle);
    });
    this.live.set(jobId, { handle, unsubscribe });
    // A job that ends without a `completed` event reaching the bus must not stay reachable.
    const forget = () => this.unregister(jobId, handle);
    handle.done.then(forget, forget);
    this.startHeartbeat();
  }

  /** The live job with this id, if it runs in this process. */
  handle(jobId: string): JobHandle | undefined {
    return this.live.get(jobId)?.handle;
  }

  /** The live job with this id; JOB_NOT_FOUND saying why when it does not run in this process. */
  liveHandle(jobId: string): JobHandle {
    const handle = this.handle(jobId);
    if (handle) return handle;
    const known = this.store.get(jobId);
    throw new FerryError('JOB_NOT_FOUND', known
      ? `Job ${jobId} is not running (it is ${known.status})`
      : `No job with id ${jobId}`);
  }

  /** Every live job, in the order they started. */
  handles(): JobHandle[] {
    return [...this.live.values()].map((j) => j.handle);
  }

  /** Every event of every live job. */
  onEvent(listener: (e: FerryEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Interrupts every live job (process shutdown) and stops the heartbeat. */
  close(): void {
    for (const handle of this.handles()) handle.cancel('interrupt');
    this.stopHeartbeat();
  }

  private unregister(jobId: string, handle: JobHandle): void {
    const job = this.live.get(jobId);
    if (!job || job.handle !== handle) return;
    job.unsubscribe();
    this.live.delete(jobId);
    if (this.live.size === 0) this.stopHeartbeat();
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
