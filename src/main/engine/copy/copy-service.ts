import * as os from 'node:os';
import { FerryError } from '../../../shared/errors';
import type { ConflictAnswer, EventOf, FerryEvent } from '../../../shared/events';
import type { OverwriteMode } from '../../../shared/types';
import type { Db } from '../db/library';
import type { JobManager } from '../jobs/job-manager';
import { ProgressBus } from '../jobs/progress-bus';
import { CopyJob, type CopyJobConfig } from './copy-job';
import { validateCopyRequest } from './validate';

export interface CopyRequest {
  sources: string[];
  destination: string;
  overwrite: OverwriteMode;
  useIndex?: boolean;
  concurrency?: number;
  /** A speed limit in bytes a second (else the service's default, else none). */
  rateLimit?: number;
  /** Subscribed before the job emits anything (its first event is `initialEstimate`). */
  onEvent?: (event: FerryEvent) => void;
}

export interface CopyHandle {
  jobId: string;
  /** Resolves with the final event (never rejects). */
  done: Promise<EventOf<'completed'>>;
  /** Throws FerryError('CONFLICT_NOT_FOUND') for an unknown id. */
  resolve(answer: ConflictAnswer): void;
  pause(): void;
  resume(): void;
  /** 'interrupt' = stop now, resumable later (status interrupted). */
  cancel(mode?: 'cancel' | 'interrupt'): void;
  /** This job's events from now on; returns the unsubscribe function. */
  onEvent(listener: (event: FerryEvent) => void): () => void;
}

/** Copy workers by default: enough to overlap I/O waits, few enough not to thrash a small machine. */
export function defaultConcurrency(): number {
  return Math.max(2, Math.min(4, os.availableParallelism()));
}

const PRIORITY = { copy: 0, discovery: 50, destinationIndex: 100 } as const;
/** Statuses a job can be resumed from (a `running` job whose process died is `interrupted` by recovery). */
const RESUMABLE = new Set(['interrupted', 'paused', 'failed']);

/**
 * The copy engine's API for every host (CLI, app, browser host): starts, resumes and retries copy
 * jobs. Refusals throw a FerryError before anything is written and before any job row exists.
 */
export class CopyService {
  private readonly running = new Map<string, { job: CopyJob; handle: CopyHandle }>();

  constructor(private readonly deps: { db: Db; dbFile: string; jobs: JobManager; defaultRateLimit?: number }) {}

  async start(req: CopyRequest): Promise<CopyHandle> {
    const valid = validateCopyRequest(req.sources, req.destination);
    const config: CopyJobConfig = {
      sources: valid.sources, destination: valid.destination, overwrite: req.overwrite,
      // An in-memory library cannot be read by the phases' worker threads: discover everything instead.
      useIndex: (req.useIndex ?? true) && this.deps.dbFile !== ':memory:', concurrency: clampConcurrency(req.concurrency),
      ...rateLimitField(req.rateLimit ?? this.deps.defaultRateLimit),
    };
    return this.launch(this.createRows(config), false, req.onEvent);
  }

  /** Continues an interrupted job (or one paused by a full disk, or whose process died) from its checkpoints. */
  async resume(jobId: string, onEvent?: (event: FerryEvent) => void, options: { rateLimit?: number } = {}): Promise<CopyHandle> {
    const live = this.running.get(jobId);
    if (live) {
      if (onEvent) live.handle.onEvent(onEvent);
      live.handle.resume();
      return live.handle;
    }
    this.deps.jobs.recoverInterrupted();
    const row = this.deps.jobs.store.get(jobId);
    if (!row || row.kind !== 'copy') throw new FerryError('JOB_NOT_FOUND', `No copy job with id ${jobId}`);
    if (this.deps.jobs.isLive(jobId)) throw new FerryError('JOB_NOT_RESUMABLE', `Job ${jobId} is running in this process`);
    if (!RESUMABLE.has(row.status)) {
      throw new FerryError('JOB_NOT_RESUMABLE', `Job ${jobId} is ${row.status}: only an interrupted, paused or failed copy can be resumed`);
    }
    const config = row.config as unknown as CopyJobConfig;
    const valid = validateCopyRequest(config.sources, config.destination);
    const rateLimit = options.rateLimit !== undefined ? rateLimitField(options.rateLimit) : {};
    return this.launch({ jobId, config: { ...config, sources: valid.sources, destination: valid.destination, ...rateLimit } }, true, onEvent);
  }

  /** A new job copying again only the files that failed in `jobId`. */
  async retryFailed(jobId: string, onEvent?: (event: FerryEvent) => void): Promise<CopyHandle> {
    const row = this.deps.jobs.store.get(jobId);
    if (!row || row.kind !== 'copy') throw new FerryError('JOB_NOT_FOUND', `No copy job with id ${jobId}`);
    if (this.deps.jobs.isLive(jobId)) throw new FerryError('JOB_NOT_RESUMABLE', `Job ${jobId} is still running`);
    const old = row.config as unknown as CopyJobConfig;
    const valid = validateCopyRequest(old.sources, old.destination);
    const config: CopyJobConfig = {
      sources: valid.sources, destination: valid.destination, overwrite: old.overwrite,
      useIndex: false, concurrency: clampConcurrency(old.concurrency), retryOf: jobId, ...rateLimitField(old.rateLimit),
    };
    return this.launch(this.createRows(config), false, onEvent);
  }

  handle(jobId: string): CopyHandle | undefined {
    return this.running.get(jobId)?.handle;
  }

  private createRows(config: CopyJobConfig): { jobId: string; config: CopyJobConfig } {
    const store = this.deps.jobs.store;
    const create = this.deps.db.transaction(() => {
      const parent = store.create({ kind: 'copy', priority: PRIORITY.copy, config: { ...config }, status: 'queued' });
      const children = config.retryOf ? {} : {
        destinationIndex: store.create({ kind: 'destination-index', parentId: parent.id, priority: PRIORITY.destinationIndex, config: { destination: config.destination } }).id,
        discovery: store.create({ kind: 'discovery', parentId: parent.id, priority: PRIORITY.discovery, config: { sources: config.sources, useIndex: config.useIndex } }).id,
      };
      const full = { ...config, children };
      store.updateConfig(parent.id, { ...full });
      return { jobId: parent.id, config: full };
    });
    return create();
  }

  private launch(row: { jobId: string; config: CopyJobConfig }, resume: boolean, onEvent?: (e: FerryEvent) => void): CopyHandle {
    const bus = new ProgressBus();
    if (onEvent) bus.subscribe(onEvent);
    const job = new CopyJob({
      db: this.deps.db, dbFile: this.deps.dbFile, store: this.deps.jobs.store, bus,
      jobId: row.jobId, config: row.config, resume,
    });
    const handle: CopyHandle = {
      jobId: row.jobId,
      done: job.done,
      resolve: (answer) => job.resolve(answer),
      pause: () => job.pause(),
      resume: () => job.resume(),
      cancel: (mode) => job.cancel(mode),
      onEvent: (listener) => bus.subscribe(listener),
    };
    this.deps.jobs.register(row.jobId, handle, bus);
    this.running.set(row.jobId, { job, handle });
    void job.done.then(() => this.running.delete(row.jobId));
    job.start();
    return handle;
  }
}

function clampConcurrency(n: number | undefined): number {
  if (n === undefined || !Number.isFinite(n)) return defaultConcurrency();
  return Math.max(1, Math.min(64, Math.floor(n)));
}

/** A positive, finite limit is kept; anything else means no limit. */
function rateLimitField(rate: number | undefined): { rateLimit?: number } {
  return rate !== undefined && Number.isFinite(rate) && rate >= 1 ? { rateLimit: Math.floor(rate) } : {};
}
