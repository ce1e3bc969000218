/* eslint-disable @typescript-eslint/no-require-imports -- the facade loads its heavier parts (copy service, indexer,
   listing thread, schemas) on first use, so that `ferry jobs` and `ferry locations` start without them */
import type { FerryHandlers, MethodOutput, MethodParsedInput } from '../../shared/api';
import { FerryError } from '../../shared/errors';
import { DEFAULT_FIND_LIMIT } from '../../shared/find-limits';
import type { EventOf, FerryEvent } from '../../shared/events';
import type { JobKind, JobSummary, Location } from '../../shared/types';
import type { SavedCopyJob } from './copy/copy-job-config';
import { openLibrary, type Db, type DamagedLibrary } from './db/library';
import type { TransferWatch } from './history/transfer-watch';
import type { AddLocationOptions } from './indexer/library-indexer';
import { JobManager } from './jobs/job-manager';
import { lazyParts } from './engine-parts';
import type { LoopDelay } from './perf/loop-delay';

// The few pure helpers hosts need besides the facade (the CLI imports nothing else of the engine).
export { describeDamagedLibrary, isDamagedLibraryError } from './db/library';
export { defaultDbPath } from './db/paths';
export { parseRate } from './copy/rate-limit';
export { decodeName } from './fs/byte-names';
export type { LoopDelay };
export type { IndexProgress } from './indexer/library-indexer';

/** Options only a host in the engine's own process can give a call (no wire carries a function or a signal). */
export interface Follow {
  /** Every event of the job from its first (`initialEstimate`, or `resumeDetected` for a resume). */
  onEvent?: (event: FerryEvent) => void;
}
export type IndexFollow = Pick<AddLocationOptions, 'signal' | 'onProgress' | 'onAbsorbed'>;

/**
 * The engine's one facade: the FerryApi that every host adapts to (Electron IPC and the browser host
 * validate untrusted input and call these; the CLI calls them after parsing its arguments), plus what a
 * host in this process can do beyond the wire: follow a job from its first event, interrupt it, find
 * jobs and locations as a person names them.
 */
export interface FerryEngine extends FerryHandlers {
  startCopy(input: MethodParsedInput<'startCopy'>, follow?: Follow): Promise<MethodOutput<'startCopy'>>;
  resumeJob(input: MethodParsedInput<'resumeJob'>, follow?: Follow): Promise<MethodOutput<'resumeJob'>>;
  addLocation(input: MethodParsedInput<'addLocation'>, follow?: IndexFollow): Promise<Location>;
  deleteItems(input: MethodParsedInput<'deleteItems'>, follow?: Follow): Promise<MethodOutput<'deleteItems'>>;
  /** Stops a live job now, resumable later (`ferry resume`): what Ctrl-C does to a CLI copy. */
  interruptJob(jobId: string): void;
  /** A top-level job of this kind by its id or an unambiguous prefix of it (people paste the first characters). */
  findJob(idOrPrefix: string, kind: JobKind | readonly JobKind[]): JobSummary;
  /** A copy job's saved settings and progress, checked (JOB_NOT_RESUMABLE when its row is damaged). */
  savedCopy(jobId: string): SavedCopyJob;
  /** The location at this folder (by its real path), if it is one. */
  findLocation(folder: string): Location | undefined;
  /** The folders a location's last index could not read, and why. */
  unreadableFolders(locationId: number): { relativePath: string; code: string; message: string }[];
  /** Interrupts live jobs (resumable later) and closes the database at once. */
  close(): void;
  /** Interrupts live jobs, waits (up to `timeoutMs`) for them to checkpoint, then closes the database. */
  shutdown(timeoutMs?: number): Promise<void>;
}

export interface FerryEngineOptions {
  dbFile: string;
  /**
   * better-sqlite3's compiled addon to load instead of its default one: Electron needs a build for its
   * own ABI, kept apart from the Node build that the CLI and tests use.
   */
  nativeBinding?: string;
  /** A speed limit (bytes a second) for every copy started here that does not set its own. */
  defaultRateLimit?: number;
  /**
   * Opens a file with the system's default application (Electron's `shell.openPath`: '' on success, else
   * why). Given by the desktop app only: the engine never imports electron.
   */
  openPath?: (path: string) => Promise<string>;
  /** Given by hosts: a damaged library is set aside and a fresh one started, and this is told (openLibrary). */
  onLibraryDamaged?: (notice: DamagedLibrary) => void;
  /**
   * The host shows folders (the app, the browser host; the default): the listing thread starts now, so
   * that the first folder opens without waiting for it. The CLI lists none and passes false.
   */
  browsing?: boolean;
}

/**
 * Creates the facade over one library. Thin on purpose: the indexer, the copy service and the job
 * manager (the one registry of live jobs) own the behaviour; this routes calls to them. The copy
 * engine, the indexer and the listing thread load on first use, so that `ferry jobs` pays for none.
 */
export function createFerryEngine(options: FerryEngineOptions): FerryEngine {
  if (options.nativeBinding) {
    // Worker threads open their own connections through openLibrary, which reads this: they run in the
    // same runtime as the host (Electron's ABI), so they need the same addon.
    process.env.FERRY_NATIVE_BINDING = options.nativeBinding;
  }
  const db: Db = openLibrary(options.dbFile, { nativeBinding: options.nativeBinding, onDamaged: options.onLibraryDamaged });
  const jobs = new JobManager(db);
  jobs.recoverInterrupted();
  const lazy = lazyParts(db, options, jobs);
  if (options.browsing !== false) lazy.listings();
  let closed = false;

  const closeDb = () => {
    if (closed) return;
    closed = true;
    lazy.close();
    jobs.close();
    db.close();
  };

  return {
    listFolder: ({ path, limit }) => lazy.listings().list(path, limit),
    listFolderPage: ({ listingId, offset, limit }) => lazy.listings().page(listingId, offset, limit),
    watchFolder: async ({ path }, caller) => {
      if (!caller) throw new FerryError('INVALID_INPUT', 'Only a window can watch a folder');
      return { watchId: lazy.watches().watch(caller.id, path, (change) => caller.sendFolderChange({ type: 'folderChanged', ...change })) };
    },
    unwatchFolder: async (_input, caller) => {
      if (caller) lazy.watches().release(caller.id);
      return {};
    },
    releaseCaller: (callerId) => lazy.watchesIfStarted()?.release(callerId),
    places: async () => (require('./fs/places') as typeof import('./fs/places')).places(),
    listLocations: async () => lazy.indexer().listLocations(),
    addLocation: ({ path, rules }, follow = {}) => lazy.indexer().addLocation(path, { rules, ...follow }),
    reindexLocation: ({ id }) => lazy.indexer().reindex(id),
    removeLocation: async ({ id }) => {
      lazy.indexer().removeLocation(id);
      return {};
    },
    findInLibrary: ({ text, limit }) => {
      const { findInLibrary } = require('./search/find-in-library') as typeof import('./search/find-in-library');
      return findInLibrary(db, lazy.searchIndex(), text, limit ?? DEFAULT_FIND_LIMIT);
    },
    startCopy: async (input, follow = {}) => {
      // What is at the landing places is read before the job can write anything there.
      const watch = lazy.history().watchTransfer(input.operation ?? 'copy', input.sources, input.destination, input.replacedToTrash === true);
      const handle = await lazy.copies().start({ ...input, undo: watch.saved(), onEvent: follow.onEvent });
      recordWhenEnded(jobs, handle, watch);
      return { jobId: handle.jobId };
    },
    fileSystemIds: ({ paths }) => (require('./fs/file-system-ids') as typeof import('./fs/file-system-ids')).fileSystemIds(paths),
    pauseJob: async ({ jobId }) => {
      jobs.liveHandle(jobId).pause();
      return {};
    },
    // A live job is resumed where it is; an interrupted one continues from its checkpoints (CopyService.resume).
    // A job resumed from its row is recorded in the history when it ends, as it would have been (a live one
    // already will be).
    resumeJob: async ({ jobId, rateLimit }, follow = {}) => {
      const live = jobs.handle(jobId) !== undefined;
      const handle = await lazy.copies().resume(jobId, follow.onEvent, { rateLimit });
      const row = live ? undefined : jobs.store.get(handle.jobId);
      const watch = row ? lazy.history().watchResumed(savedCopyJob(row).config) : null;
      if (watch) recordWhenEnded(jobs, handle, watch);
      return { jobId: handle.jobId };
    },
    cancelJob: async ({ jobId }) => {
      const live = jobs.handle(jobId);
      if (live) {
        live.cancel('cancel');
        return {};
      }
      const job = jobs.store.get(jobId);
      if (!job) throw new FerryError('JOB_NOT_FOUND', `No job with id ${jobId}`);
      if (job.status === 'running') {
        throw new FerryError('JOB_NOT_FOUND', `Job ${jobId} is running in another Ferry process; cancel it there`);
      }
      // An interrupted job nobody will resume: cancelling it drops it from the "to resume" list.
      // A finished one stays as it ended (cancelling twice is not an error).
      if (job.status === 'interrupted' || job.status === 'paused' || job.status === 'queued') jobs.store.setStatus(jobId, 'cancelled');
      return {};
    },
    retryFailed: async ({ jobId }) => ({ jobId: (await lazy.copies().retryFailed(jobId)).jobId }),
    resolveConflict: async ({ jobId, conflictId, resolution, applyToAll }) => {
      jobs.liveHandle(jobId).resolve({ conflictId, resolution, applyToAll });
      return {};
    },
    listJobs: async ({ limit }) => jobs.store.list({ limit }),
    // The Trash is a few system calls per item (renames, small files): no thread of its own (trash/*.ts).
    trashItems: async ({ paths }) => {
      const result = trash().put.trashItems(paths);
      // The index follows (docs/file-operations.md): what left a location leaves its rows.
      const { entriesRemoved } = require('./db/index-follow') as typeof import('./db/index-follow');
      for (const item of result.items) entriesRemoved(db, item.originalPath);
      // Undoable ("Undo Trash of 2 Items" restores them): each item's place and its Trash entry.
      lazy.history().recordTrash(result.items.map((i) => ({ path: i.originalPath, trashId: i.id })));
      return result;
    },
    listTrash: async () => trash().store.listTrash(),
    restoreItems: async ({ ids, onConflict }) => trash().store.restoreItems(ids, onConflict),
    deleteFromTrash: async ({ ids }) => trash().store.deleteTrashed(ids),
    emptyTrash: async () => trash().store.emptyTrash(),
    getInfo: ({ path }) => (require('./preview/file-info') as typeof import('./preview/file-info')).readFileInfo(db, path),
    folderSize: ({ path, requestId }) => lazy.folderSizes().measure(path, requestId),
    cancelFolderSize: async ({ requestId }) => {
      lazy.folderSizes().cancel(requestId);
      return {};
    },
    diskSpace: ({ path }) => (require('./preview/disk-space') as typeof import('./preview/disk-space')).diskSpace(path),
    thumbnail: ({ path, edge }) => lazy.thumbnails().get(path, edge),
    // Rename and New Folder record themselves in the undo history once done.
    renameItem: async ({ path, newName }) => {
      const renamed = await lazy.ops().renameFollowed(db, path, newName);
      lazy.history().recordRename(path, renamed);
      return { path: renamed };
    },
    createFolder: async ({ parent, name }) => {
      const created = await lazy.ops().createFolder(parent, name);
      lazy.history().recordNewFolder(created);
      return { path: created };
    },
    deleteItems: async ({ paths }, follow = {}) => {
      const locationRoots = lazy.indexer().listLocations().map((l) => l.path);
      const ops = lazy.ops();
      const onRemoved = (gone: string[]) => ops.followRemoved(db, gone);
      return { jobId: (await ops.deleteItems({ jobs, paths, locationRoots, onEvent: follow.onEvent, onRemoved })).jobId };
    },
    openItem: async ({ path }) => lazy.ops().openItem(path, options.openPath),
    undo: () => lazy.history().undo(),
    redo: () => lazy.history().redo(),
    history: async ({ limit }) => lazy.history().state(limit),
    onEvent: (listener) => jobs.onEvent(listener),
    snapshotEvents: () => jobs.handles().flatMap((h) => h.snapshot()),
    interruptJob: (jobId) => jobs.liveHandle(jobId).cancel('interrupt'),
    findJob: (given, kind) => findJob(jobs, given, kind),
    savedCopy: (jobId) => {
      const job = jobs.store.get(jobId);
      if (!job || (job.kind !== 'copy' && job.kind !== 'move')) throw new FerryError('JOB_NOT_FOUND', `No copy or move job with id ${jobId}`);
      return savedCopyJob(job);
    },
    findLocation: (folder) => lazy.indexer().findByPath(folder),
    unreadableFolders: (locationId) => (require('./db/locations') as typeof import('./db/locations')).readIndexErrors(db, locationId),
    close: closeDb,
    shutdown: async (timeoutMs = 5_000) => {
      const live = jobs.handles();
      const pending = live.map((h) => h.done.catch(() => undefined));
      for (const h of live) h.cancel('interrupt');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(pending),
        new Promise<void>((resolve) => { timer = setTimeout(resolve, timeoutMs); }),
      ]);
      clearTimeout(timer);
      closeDb();
    },
  };
}

/** The event loop's delay measured from now (what `ferry copy` prints for the bench), loaded only then. */
export function startLoopDelay(): LoopDelay {
  const { LoopDelay: Delay } = require('./perf/loop-delay') as typeof import('./perf/loop-delay');
  const delay = new Delay();
  delay.start();
  return delay;
}

/**
 * A copy or move records itself in the undo history when it ends (done, failed or cancelled: what it created
 * can be undone; an interrupted one is not over: its resume records it). The entry's id is kept in the job's
 * row, for a resume of a failed job to record it whole in that entry's place.
 */
function recordWhenEnded(jobs: JobManager, handle: { jobId: string; done: Promise<EventOf<'completed'>> }, watch: TransferWatch): void {
  void handle.done.then((end) => {
    if (end.status === 'interrupted') return;
    try {
      const recorded = watch.completed(handle.jobId, end);
      const config = jobs.store.get(handle.jobId)?.config as { undo?: object } | undefined;
      if (recorded !== undefined && config?.undo) jobs.store.updateConfig(handle.jobId, { ...config, undo: { ...config.undo, recorded } });
    } catch {
      // The history is a convenience: a failure to record must not turn a finished copy into an error.
    }
  });
}

function savedCopyJob(job: JobSummary): SavedCopyJob {
  return (require('./copy/copy-job-config') as typeof import('./copy/copy-job-config')).readSavedCopyJob(job);
}

/** The Trash's modules, loaded on first use like the engine's other parts. */
function trash() {
  return {
    put: require('./trash/trash-put') as typeof import('./trash/trash-put'),
    store: require('./trash/trash-store') as typeof import('./trash/trash-store'),
  };
}

/** A full id, or an unambiguous prefix of one, among the top-level jobs of `kind`. */
function findJob(jobs: JobManager, given: string, kind: JobKind | readonly JobKind[]): JobSummary {
  const kinds: readonly JobKind[] = typeof kind === 'string' ? [kind] : kind;
  const exact = jobs.store.get(given);
  if (exact && kinds.includes(exact.kind)) return exact;
  const matches = jobs.store.list({ includeChildren: false }).filter((j) => j.id.startsWith(given) && kinds.includes(j.kind));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new FerryError('INVALID_INPUT', `${given} matches several jobs; give more of the id`);
  throw new FerryError('JOB_NOT_FOUND', `No ${kinds.join(' or ')} job with id ${given}`);
}
