import * as os from 'node:os';
import { FerryError } from '../../../shared/errors';
import type { FerryEvent } from '../../../shared/events';
import type { JobSummary, OverwriteMode } from '../../../shared/types';
import type { Db } from '../db/library';
import type { JobHandle, JobManager } from '../jobs/job-manager';
import { ProgressBus } from '../jobs/progress-bus';
import { CopyJob, type CopyJobConfig, type CopyJobDeps } from './copy-job';
import type { SavedCopyJob, SavedCopyProgress } from './copy-job-config';
import { validateCopyRequest } from './validate';

export interface CopyRequest {
  sources: string[];
  destination: string;
  overwrite: OverwriteMode;
  useIndex?: boolean;
  concurrency?: number;
  /** Higher goes first when jobs compete for worker slots (default 0; an integer from -1000 to 1000). */
  priority?: number;
  /** A speed limit in bytes a second, 0 for none (else the service's default, else none). */
  rateLimit?: number;
  /** A replaced destination file goes to the Trash instead of away (docs/file-operations.md "Trash"). */
  replacedToTrash?: boolean;
  /** Subscribed before the job emits anything (its first event is `initialEstimate`). */
  onEvent?: (event: FerryEvent) => void;
}

/** A live copy: the registry's job handle (jobs/job-manager.ts). */
export type CopyHandle = JobHandle;

/** Copy workers by default: enough to overlap I/O waits, few enough not to thrash a small machine. */
function defaultConcurrency(): number {
  return Math.max(2, Math.min(4, os.availableParallelism()));
}

/**
 * A copy's phase workers ask for slots above its own priority: the destination map and discovery are
 * short walks that unblock the copying, so they go before any copy batch of the same job (or of a job
 * up to 50 below it).
 */
const PHASE_BOOST = { discovery: 50, destinationIndex: 100 } as const;

function prioritiesOf(priority: number): CopyJobDeps['priorities'] {
  return { copy: priority, discovery: priority + PHASE_BOOST.discovery, destinationIndex: priority + PHASE_BOOST.destinationIndex };
}
/** Statuses a job can be resumed from (a `running` job whose process died is `interrupted` by recovery). */
const RESUMABLE = new Set(['interrupted', 'paused', 'failed']);

/**
 * The copy engine's API for every host (CLI, app, browser host): starts, resumes and retries copy
 * jobs. Refusals throw a FerryError before anything is written and before any job row exists.
 */
export class CopyService {
  constructor(private readonly deps: { db: Db; dbFile: string; jobs: JobManager; defaultRateLimit?: number }) {}

  async start(req: CopyRequest): Promise<CopyHandle> {
    const valid = validateCopyRequest(req.sources, req.destination);
    const config: CopyJobConfig = {
      sources: valid.sources, destination: valid.destination, overwrite: req.overwrite,
      // An in-memory library cannot be read by the phases' worker threads: discover everything instead.
      useIndex: (req.useIndex ?? true) && this.deps.dbFile !== ':memory:', concurrency: clampConcurrency(req.concurrency),
      ...rateLimitField(req.rateLimit ?? this.deps.defaultRateLimit),
      ...(req.replacedToTrash ? { replacedToTrash: true } : {}),
    };
    return this.launch(this.createRows(config, clampPriority(req.priority)), null, req.onEvent);
  }

  /** Continues an interrupted job (or one paused by a full disk, or whose process died) from its checkpoints. */
  async resume(jobId: string, onEvent?: (event: FerryEvent) => void, options: { rateLimit?: number } = {}): Promise<CopyHandle> {
    const live = this.deps.jobs.handle(jobId);
    if (live) {
      if (onEvent) live.onEvent(onEvent);
      live.resume();
      return live;
    }
    this.deps.jobs.recoverInterrupted();
    const row = this.deps.jobs.store.get(jobId);
    if (!row || row.kind !== 'copy') throw new FerryError('JOB_NOT_FOUND', `No copy job with id ${jobId}`);
    if (!RESUMABLE.has(row.status)) {
      throw new FerryError('JOB_NOT_RESUMABLE', `Job ${jobId} is ${row.status}: only an interrupted, paused or failed copy can be resumed`);
    }
    const { config, progress } = savedCopyJob(row);
    const valid = validateCopyRequest(config.sources, config.destination);
    const resumed: CopyJobConfig = { ...config, sources: valid.sources, destination: valid.destination };
    if (options.rateLimit !== undefined) {
      // A new limit replaces the job's own; 0 lifts it.
      delete resumed.rateLimit;
      Object.assign(resumed, rateLimitField(options.rateLimit));
      this.deps.jobs.store.updateConfig(jobId, { ...resumed });
    }
    return this.launch({ jobId, priority: row.priority, config: resumed }, { progress }, onEvent);
  }

  /** A new job copying again only the files that failed in `jobId`. */
  async retryFailed(jobId: string, onEvent?: (event: FerryEvent) => void): Promise<CopyHandle> {
    const row = this.deps.jobs.store.get(jobId);
    if (!row || row.kind !== 'copy') throw new FerryError('JOB_NOT_FOUND', `No copy job with id ${jobId}`);
    if (this.deps.jobs.handle(jobId)) throw new FerryError('JOB_NOT_RESUMABLE', `Job ${jobId} is still running`);
    const old = savedCopyJob(row).config;
    const valid = validateCopyRequest(old.sources, old.destination);
    const config: CopyJobConfig = {
      sources: valid.sources, destination: valid.destination, overwrite: old.overwrite,
      useIndex: false, concurrency: clampConcurrency(old.concurrency), retryOf: jobId, ...rateLimitField(old.rateLimit),
      ...(old.replacedToTrash ? { replacedToTrash: true } : {}),
    };
    return this.launch(this.createRows(config, row.priority), null, onEvent);
  }

  private createRows(config: CopyJobConfig, priority: number): { jobId: string; priority: number; config: CopyJobConfig } {
    const store = this.deps.jobs.store;
    const p = prioritiesOf(priority);
    const create = this.deps.db.transaction(() => {
      const parent = store.create({ kind: 'copy', priority: p.copy, config: { ...config }, status: 'queued' });
      const children = config.retryOf ? {} : {
        destinationIndex: store.create({ kind: 'destination-index', parentId: parent.id, priority: p.destinationIndex, config: { destination: config.destination } }).id,
        discovery: store.create({ kind: 'discovery', parentId: parent.id, priority: p.discovery, config: { sources: config.sources, useIndex: config.useIndex } }).id,
      };
      const full = { ...config, children };
      store.updateConfig(parent.id, { ...full });
      return { jobId: parent.id, priority, config: full };
    });
    return create();
  }

  /** `resumed`: the earlier run's saved progress, already read through its schema, when this run resumes a job. */
  private launch(
    row: { jobId: string; priority: number; config: CopyJobConfig },
    resumed: { progress: SavedCopyProgress | null } | null,
    onEvent?: (e: FerryEvent) => void,
  ): CopyHandle {
    const bus = new ProgressBus();
    if (onEvent) bus.subscribe(onEvent);
    const job = new CopyJob({
      db: this.deps.db, dbFile: this.deps.dbFile, store: this.deps.jobs.store, bus,
      jobId: row.jobId, config: row.config, resume: resumed !== null, savedProgress: resumed?.progress ?? null,
      scheduler: this.deps.jobs.scheduler, priorities: prioritiesOf(row.priority),
    });
    const handle: CopyHandle = {
      jobId: row.jobId,
      done: job.done,
      resolve: (answer) => job.resolve(answer),
      pause: () => job.pause(),
      resume: () => job.resume(),
      cancel: (mode) => job.cancel(mode),
      onEvent: (listener) => bus.subscribe(listener),
      snapshot: () => job.snapshot(),
    };
    this.deps.jobs.register(handle, bus);
    job.start();
    return handle;
  }
}

/** A saved copy row, checked by its schema (loaded only here: new copies need no schema library). */
function savedCopyJob(row: JobSummary): SavedCopyJob {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, as said above
  return (require('./copy-job-config') as typeof import('./copy-job-config')).readSavedCopyJob(row);
}

function clampConcurrency(n: number | undefined): number {
  if (n === undefined || !Number.isFinite(n)) return defaultConcurrency();
  return Math.max(1, Math.min(64, Math.floor(n)));
}

/** A positive, finite limit is kept; anything else means no limit. */
function rateLimitField(rate: number | undefined): { rateLimit?: number } {
  return rate !== undefined && Number.isFinite(rate) && rate >= 1 ? { rateLimit: Math.floor(rate) } : {};
}

function clampPriority(n: number | undefined): number {
  if (n === undefined || !Number.isFinite(n)) return 0;
  return Math.max(-1000, Math.min(1000, Math.round(n)));
}
