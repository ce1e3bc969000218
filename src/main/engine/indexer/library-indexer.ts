import * as fs from 'node:fs';
import * as path from 'node:path';
import { FerryError, toErrorValue } from '../../../shared/errors';
import { DEFAULT_INDEX_RULES, indexRulesFrom, type IndexRules } from '../../../shared/index-rules';
import type { Location } from '../../../shared/types';
import type { Db } from '../db/library';
import { displayName, hasEscapedBytes, realpathExact } from '../fs/byte-names';
import {
  deleteLocation, insertLocation, readLocation, readLocationByPath, readLocations, writeLocationRules,
} from '../db/locations';
import { JobStore } from '../jobs/job-store';
import { JobScheduler, type Release } from '../jobs/scheduler';
import { nextScanId } from './entry-writer';
import type { IndexCounts } from './messages';
import { runIndexWorker } from './run-index';

export interface IndexProgress { entries: number; files: number; bytes: number; entriesPerSecond: number; done: boolean }

export interface IndexOptions {
  onProgress?: (p: IndexProgress) => void;
  signal?: AbortSignal;
}

export interface AddLocationOptions extends IndexOptions {
  rules?: Partial<IndexRules>;
  /** Called when adding this folder absorbed locations inside it (they were removed: the new one covers them). */
  onAbsorbed?: (absorbed: Location[]) => void;
}

/** How often a running index run checkpoints its progress into its job row (also its heartbeat). */
const SAVE_PROGRESS_EVERY_MS = 1_000;
const HEARTBEAT_EVERY_MS = 2_000;
/** Indexing is background work: a copy someone is waiting for gets worker slots first. */
export const INDEX_PRIORITY = -100;

/**
 * Library locations and their indexes. Each run walks the location in a worker thread that writes
 * through its own connection to `dbFile`, and is recorded as a job of kind 'index' (so `ferry jobs`
 * and the UI show it, and a run whose process died shows as interrupted).
 */
export class LibraryIndexer {
  private readonly jobs: JobStore;
  /** Runs in progress in this process, by location id: a second request joins the first. */
  private readonly running = new Map<number, Promise<Location>>();

  private readonly scheduler: JobScheduler;

  /** `scheduler`: the process's worker slots, shared with the copies (a lone CLI index gets its own). */
  constructor(private readonly db: Db, private readonly dbFile: string, options: { scheduler?: JobScheduler } = {}) {
    this.jobs = new JobStore(db);
    this.scheduler = options.scheduler ?? new JobScheduler();
  }

  /** Adds the folder as a location and indexes it; a folder that already is one is re-indexed. */
  async addLocation(folder: string, opts: AddLocationOptions = {}): Promise<Location> {
    const root = resolveRoot(folder);
    const existing = readLocationByPath(this.db, root);
    if (existing) {
      if (opts.rules) this.setRules(existing.id, opts.rules);
      return this.reindex(existing.id, opts);
    }
    const all = readLocations(this.db);
    const parent = all.find((l) => isInside(root, l.path));
    if (parent) {
      throw new FerryError('INSIDE_LOCATION',
        `${root} is inside the location ${parent.path}, which already indexes it; run \`ferry index ${shellQuote(parent.path)}\` to re-index it`,
        root);
    }
    const inner = all.filter((l) => isInside(l.path, root));
    const location = insertLocation(this.db, root, indexRulesFrom({ ...DEFAULT_INDEX_RULES, ...opts.rules }));
    try {
      const indexed = await this.track(location.id, { ...opts }, { absorbed: inner.map((l) => l.path) });
      // Only now that the outer index is complete do the inner ones go: a failed run loses nothing.
      if (inner.length > 0) {
        this.db.transaction(() => { for (const l of inner) deleteLocation(this.db, l.id); })();
        opts.onAbsorbed?.(inner);
      }
      return indexed;
    } catch (err) {
      // A location whose first index did not complete was never added, as far as the user can tell.
      deleteLocation(this.db, location.id);
      throw err;
    }
  }

  /** Walks the location again: changed rows updated, new ones added, vanished ones deleted. */
  async reindex(locationId: number, opts: IndexOptions = {}): Promise<Location> {
    const location = this.requireLocation(locationId);
    try {
      resolveRoot(location.path);
    } catch (err) {
      // Moved or deleted since it was added: say so (and what to do) before starting a job.
      if (err instanceof FerryError && (err.code === 'SOURCE_NOT_FOUND' || err.code === 'NOT_A_DIRECTORY')) {
        throw new FerryError(err.code, `The location ${location.path} is no longer a folder on disk; remove it with \`ferry locations --remove ${shellQuote(location.path)}\``, location.path);
      }
      throw err;
    }
    return this.track(locationId, opts, {});
  }

  setRules(locationId: number, rules: Partial<IndexRules>): Location {
    const location = this.requireLocation(locationId);
    writeLocationRules(this.db, locationId, indexRulesFrom({ ...location.rules, ...rules }));
    return this.requireLocation(locationId);
  }

  listLocations(): Location[] {
    return readLocations(this.db);
  }

  getLocation(id: number): Location | undefined {
    return readLocation(this.db, id);
  }

  findByPath(folder: string): Location | undefined {
    const abs = path.resolve(folder);
    let real = abs;
    try { real = realpathExact(abs); } catch { /* gone from disk: compare the path as given */ }
    // Locations are valid UTF-8 (resolveRoot): a path with an escaped byte is none of them.
    if (hasEscapedBytes(real) || hasEscapedBytes(abs)) return undefined;
    return readLocationByPath(this.db, real) ?? (real === abs ? undefined : readLocationByPath(this.db, abs));
  }

  /** Removes the location and everything its index holds. */
  removeLocation(id: number): void {
    if (!deleteLocation(this.db, id)) throw new FerryError('LOCATION_NOT_FOUND', `No location with id ${id}`);
  }

  private requireLocation(id: number): Location {
    const location = readLocation(this.db, id);
    if (!location) throw new FerryError('LOCATION_NOT_FOUND', `No location with id ${id}`);
    return location;
  }

  /** One run per location at a time in this process; concurrent requests share it. */
  private track(locationId: number, opts: IndexOptions, extraConfig: Record<string, unknown>): Promise<Location> {
    const current = this.running.get(locationId);
    if (current) return current;
    const run = this.run(locationId, opts, extraConfig).finally(() => this.running.delete(locationId));
    this.running.set(locationId, run);
    return run;
  }

  private async run(locationId: number, opts: IndexOptions, extraConfig: Record<string, unknown>): Promise<Location> {
    const location = this.requireLocation(locationId);
    if (opts.signal?.aborted) throw abortError();
    if (this.dbFile === ':memory:' || this.dbFile === '') {
      // The index workers open their own connections: they need a file to share.
      throw new FerryError('INVALID_INPUT', 'Indexing needs a library database file; an in-memory library cannot be indexed');
    }
    this.refuseIfIndexedElsewhere(location);
    const job = this.jobs.create({ kind: 'index', status: 'queued', priority: INDEX_PRIORITY, config: { locationId, path: location.path, ...extraConfig } });
    let slot: Release | null = null;
    try {
      slot = await this.scheduler.acquire(INDEX_PRIORITY, opts.signal);
      if (opts.signal?.aborted) throw abortError(); // aborted while the slot was on its way
    } catch (err) {
      slot?.();
      this.jobs.setStatus(job.id, 'cancelled', 'Indexing was cancelled');
      throw err;
    }
    const release = slot;
    this.jobs.setStatus(job.id, 'running');
    const startedAt = Date.now();
    let lastSaved = startedAt;
    const progressOf = (c: IndexCounts, done: boolean): IndexProgress => {
      const seconds = (Date.now() - startedAt) / 1000;
      return { entries: c.entries, files: c.files, bytes: c.bytes, entriesPerSecond: seconds > 0 ? Math.round(c.entries / seconds) : 0, done };
    };
    const heartbeat = setInterval(() => { try { this.jobs.heartbeat(); } catch { /* busy: the next beat retries */ } }, HEARTBEAT_EVERY_MS);
    heartbeat.unref();
    try {
      const outcome = await runIndexWorker({
        dbFile: this.dbFile, locationId, root: location.path, rules: location.rules, scanId: nextScanId(this.db, locationId),
        signal: opts.signal,
        onCounts: (counts) => {
          const progress = progressOf(counts, false);
          opts.onProgress?.(progress);
          if (Date.now() - lastSaved >= SAVE_PROGRESS_EVERY_MS) {
            lastSaved = Date.now();
            this.jobs.saveProgress(job.id, { ...progress });
          }
        },
      });
      if (outcome.kind === 'stopped') {
        this.jobs.setStatus(job.id, 'cancelled', 'Indexing was cancelled');
        throw abortError();
      }
      const progress = progressOf(outcome, true);
      this.jobs.saveProgress(job.id, { ...progress, unreadable: outcome.unreadable, durationMs: Date.now() - startedAt });
      this.jobs.setStatus(job.id, 'completed');
      opts.onProgress?.(progress);
      return this.requireLocation(locationId);
    } catch (err) {
      if (!isAbort(err)) this.jobs.setStatus(job.id, 'failed', toErrorValue(err).message);
      throw err;
    } finally {
      clearInterval(heartbeat);
      release();
    }
  }

  /**
   * Two processes indexing one location at once would each delete the rows the other stamped. A job
   * left `running` by a live process (fresh heartbeat) means another run is under way: refuse.
   */
  private refuseIfIndexedElsewhere(location: Location): void {
    this.jobs.recoverInterrupted();
    const other = this.db.prepare(
      `SELECT id FROM jobs WHERE kind = 'index' AND status = 'running' AND json_extract(config, '$.locationId') = ? LIMIT 1`,
    ).get(location.id) as { id: string } | undefined;
    if (other) {
      throw new FerryError('INVALID_INPUT', `${location.path} is being indexed by another Ferry process (job ${other.id}); try again when it finishes`);
    }
  }
}

/** Absolute, symlink-free path of an existing folder, or a typed error saying what is wrong with it. */
export function resolveRoot(folder: string): string {
  const abs = path.resolve(folder);
  let real: string;
  try {
    real = realpathExact(abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new FerryError('SOURCE_NOT_FOUND', `No such folder: ${abs}`, abs);
    const value = toErrorValue(err, abs);
    throw new FerryError(value.code, value.message, abs);
  }
  if (hasEscapedBytes(real)) {
    throw new FerryError('INVALID_INPUT', `Ferry's library indexes only paths that are valid UTF-8: ${displayName(real)}`, abs);
  }
  if (!fs.statSync(real).isDirectory()) throw new FerryError('NOT_A_DIRECTORY', `Not a folder: ${abs}`, abs);
  return real;
}

/** Whether `child` lies strictly inside folder `parent` (both resolved, absolute). */
export function isInside(child: string, parent: string): boolean {
  if (child === parent) return false;
  return child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
}

export function isAbort(err: unknown): boolean {
  return (err as { name?: string } | null)?.name === 'AbortError';
}

function abortError(): Error {
  return new DOMException('Indexing was cancelled', 'AbortError');
}

function shellQuote(p: string): string {
  return /^[\w@%+=:,./-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`;
}
