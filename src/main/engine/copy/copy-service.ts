import * as fs from 'node:fs';
import * as os from 'node:os';
import { fsPath } from '../fs/byte-names';
import { FerryError } from '../../../shared/errors';
import type { FerryEvent } from '../../../shared/events';
import type { JobSummary, OverwriteMode } from '../../../shared/types';
import type { Db } from '../db/library';
import type { JobHandle, JobManager } from '../jobs/job-manager';
import { ProgressBus } from '../jobs/progress-bus';
import type { CopyJobConfig, CopyJobDeps } from './copy-job';
import type { SavedCopyJob, SavedCopyProgress, UndoWatchState } from './copy-job-config';
import { validateCopyRequest } from './validate';
import { renameWhole } from '../move/whole-renames';
import type { RenamedMoveDeps } from '../move/renamed-move';
import type { JobKind } from '../../../shared/types';

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
  /**
   * 'move': each SOURCE leaves its place (docs/file-operations.md, "Moving"): those that can be renamed whole
   * into DEST are, at once; the others go to a job of kind 'move'. Default 'copy'.
   */
  operation?: 'copy' | 'move';
  /** A move: an original is removed only when its copy has the same bytes too (not only size and mtime). */
  verify?: boolean;
  /** A replaced destination file goes to the Trash instead of away (docs/file-operations.md "Trash"). */
  replacedToTrash?: boolean;
  /** Subscribed before the job emits anything (its first event is `initialEstimate`). */
  onEvent?: (event: FerryEvent) => void;
  /** Kept in the job's row for the undo history (CopyJobConfig.undo). */
  undo?: UndoWatchState;
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
    const move = req.operation === 'move';
    const valid = validateCopyRequest(req.sources, req.destination, undefined, move ? 'move' : 'copy');
    // A move renames what it can whole first; the job moves the rest file by file (maybe nothing).
    const whole = move ? renameWhole(this.deps.db, valid.sources, valid.destination) : null;
    const config: CopyJobConfig = {
      sources: whole ? whole.remaining : valid.sources, destination: valid.destination, overwrite: req.overwrite,
      ...(whole ? { operation: 'move' as const, verify: req.verify === true, renamed: whole.renamed } : {}),
      // An in-memory library cannot be read by the phases' worker threads: discover everything instead.
      useIndex: (req.useIndex ?? true) && this.deps.dbFile !== ':memory:', concurrency: clampConcurrency(req.concurrency),
      ...rateLimitField(req.rateLimit ?? this.deps.defaultRateLimit),
      ...(req.replacedToTrash ? { replacedToTrash: true } : {}),
      ...(req.undo ? { undo: req.undo } : {}),
    };
    // Every SOURCE renamed whole: the job has nothing left to do, and needs none of a copy's machinery.
    const renamedOnly = whole !== null && whole.remaining.length === 0;
    return this.launch(this.createRows(config, clampPriority(req.priority)), null, req.onEvent, renamedOnly);
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
    if (!row || !isCopyOrMove(row.kind)) throw new FerryError('JOB_NOT_FOUND', `No copy or move job with id ${jobId}`);
    if (!RESUMABLE.has(row.status)) {
      throw new FerryError('JOB_NOT_RESUMABLE', `Job ${jobId} is ${row.status}: only an interrupted, paused or failed copy can be resumed`);
    }
    const { config, progress } = savedCopyJob(row);
    const valid = validateResumed(config);
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
    if (!row || !isCopyOrMove(row.kind)) throw new FerryError('JOB_NOT_FOUND', `No copy or move job with id ${jobId}`);
    if (this.deps.jobs.handle(jobId)) throw new FerryError('JOB_NOT_RESUMABLE', `Job ${jobId} is still running`);
    const old = savedCopyJob(row).config;
    const valid = validateResumed(old);
    const config: CopyJobConfig = {
      sources: valid.sources, destination: valid.destination, overwrite: old.overwrite,
      ...(old.operation === 'move' ? { operation: 'move' as const, verify: old.verify === true, renamed: [] } : {}),
      useIndex: false, concurrency: clampConcurrency(old.concurrency), retryOf: jobId, ...rateLimitField(old.rateLimit),
      ...(old.replacedToTrash ? { replacedToTrash: true } : {}),
    };
    return this.launch(this.createRows(config, row.priority), null, onEvent);
  }

  private createRows(config: CopyJobConfig, priority: number): { jobId: string; priority: number; config: CopyJobConfig } {
    const store = this.deps.jobs.store;
    const p = prioritiesOf(priority);
    const create = this.deps.db.transaction(() => {
      const parent = store.create({ kind: config.operation === 'move' ? 'move' : 'copy', priority: p.copy, config: { ...config }, status: 'queued' });
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

  /**
   * `resumed`: the earlier run's saved progress, already read through its schema, when this run resumes a job.
   * `renamedOnly`: a move whose SOURCEs were all renamed whole (move/renamed-move.ts).
   */
  private launch(
    row: { jobId: string; priority: number; config: CopyJobConfig },
    resumed: { progress: SavedCopyProgress | null } | null,
    onEvent?: (e: FerryEvent) => void,
    renamedOnly = false,
  ): CopyHandle {
    const bus = new ProgressBus();
    if (onEvent) bus.subscribe(onEvent);
    const job = renamedOnly
      ? renamedMove({ db: this.deps.db, store: this.deps.jobs.store, bus, jobId: row.jobId, config: row.config })
      : copyJob({
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

/** What `launch` drives: a copy job, or a move with nothing left to do. */
type LaunchedJob = Pick<JobHandle, 'done' | 'resolve' | 'pause' | 'resume' | 'cancel' | 'snapshot'> & { start(): void };

/*
 * Each loaded when a job of its kind starts: the copy job's modules (workers, producers, destination map,
 * decisions: ~45 ms of a process's start-up) are not needed by a move that renamed everything whole.
 */
function copyJob(deps: CopyJobDeps): LaunchedJob {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, as said above
  const { CopyJob } = require('./copy-job') as typeof import('./copy-job');
  return new CopyJob(deps);
}

function renamedMove(deps: RenamedMoveDeps): LaunchedJob {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, as said above
  const { RenamedMove } = require('../move/renamed-move') as typeof import('../move/renamed-move');
  return new RenamedMove(deps);
}

/** A saved copy row, checked by its schema (loaded only here: new copies need no schema library). */
function savedCopyJob(row: JobSummary): SavedCopyJob {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, as said above
  return (require('./copy-job-config') as typeof import('./copy-job-config')).readSavedCopyJob(row);
}

/** The kinds of job this service runs. */
export function isCopyOrMove(kind: JobKind): boolean {
  return kind === 'copy' || kind === 'move';
}

/**
 * A saved job's paths checked again before it runs (the disk may have changed). A move's SOURCEs that are
 * gone were moved whole by an earlier run: only those still there are checked (and moved).
 */
function validateResumed(config: CopyJobConfig): { sources: string[]; destination: string } {
  if (config.operation !== 'move') return validateCopyRequest(config.sources, config.destination);
  const left = config.sources.filter((s) => fs.lstatSync(fsPath(s), { throwIfNoEntry: false }) !== undefined);
  const valid = validateCopyRequest(left, config.destination, undefined, 'move', { allowNone: true });
  return valid;
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
