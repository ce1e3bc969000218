import type { FerryHandlers } from '../../shared/api';
import { FerryError } from '../../shared/errors';
import { CopyService, type CopyHandle } from './copy/copy-service';
import { openLibrary, type Db, type DamagedLibrary } from './db/library';
import { ListingWorker } from './fs/listing-worker';
import { places } from './fs/places';
import { LibraryIndexer } from './indexer/library-indexer';
import { JobManager } from './jobs/job-manager';

export interface FerryEngine extends FerryHandlers {
  readonly jobs: JobManager;
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
  /** Given by hosts: a damaged library is set aside and a fresh one started, and this is told (openLibrary). */
  onLibraryDamaged?: (notice: DamagedLibrary) => void;
}

/**
 * The FerryApi over the engine: what every host (Electron IPC, the browser host's WebSocket) calls
 * after validating input. Thin on purpose: the indexer, the copy service and the job manager own the
 * behaviour; this only routes calls to them and keeps the live copy handles by job id.
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
  const indexer = new LibraryIndexer(db, options.dbFile, { scheduler: jobs.scheduler });
  const copies = new CopyService({ db, dbFile: options.dbFile, jobs, defaultRateLimit: options.defaultRateLimit });
  const handles = new Map<string, CopyHandle>();
  // Every host of this engine shows folders (the browser host, the app): listings get a thread of their own.
  const listings = new ListingWorker();
  let closed = false;

  const track = (handle: CopyHandle): { jobId: string } => {
    handles.set(handle.jobId, handle);
    const forget = () => { if (handles.get(handle.jobId) === handle) handles.delete(handle.jobId); };
    handle.done.then(forget, forget);
    return { jobId: handle.jobId };
  };

  const liveHandle = (jobId: string): CopyHandle => {
    const handle = handles.get(jobId);
    if (handle) return handle;
    const job = jobs.store.get(jobId);
    throw new FerryError('JOB_NOT_FOUND', job ? `Job ${jobId} is not running (it is ${job.status})` : `No job with id ${jobId}`);
  };

  const closeDb = () => {
    if (closed) return;
    closed = true;
    listings.close();
    jobs.close();
    db.close();
  };

  return {
    jobs,
    listFolder: ({ path, limit }) => listings.list(path, limit),
    listFolderPage: ({ listingId, offset, limit }) => listings.page(listingId, offset, limit),
    places: async () => places(),
    listLocations: async () => indexer.listLocations(),
    addLocation: ({ path, rules }) => indexer.addLocation(path, { rules }),
    reindexLocation: ({ id }) => indexer.reindex(id),
    removeLocation: async ({ id }) => {
      indexer.removeLocation(id);
      return {};
    },
    startCopy: async ({ sources, destination, overwrite }) => track(await copies.start({ sources, destination, overwrite })),
    pauseJob: async ({ jobId }) => {
      liveHandle(jobId).pause();
      return {};
    },
    resumeJob: async ({ jobId }) => {
      const live = handles.get(jobId);
      if (live) {
        live.resume();
        return { jobId };
      }
      // Not live in this process: an interrupted job continues from its checkpoints.
      return track(await copies.resume(jobId));
    },
    cancelJob: async ({ jobId }) => {
      const live = handles.get(jobId);
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
    retryFailed: async ({ jobId }) => track(await copies.retryFailed(jobId)),
    resolveConflict: async ({ jobId, conflictId, resolution, applyToAll }) => {
      liveHandle(jobId).resolve({ conflictId, resolution, applyToAll });
      return {};
    },
    listJobs: async () => jobs.store.list(),
    onEvent: (listener) => jobs.onEvent(listener),
    snapshotEvents: () => [...handles.values()].flatMap((h) => h.snapshot()),
    close: closeDb,
    shutdown: async (timeoutMs = 5_000) => {
      const pending = [...handles.values()].map((h) => h.done.catch(() => undefined));
      for (const h of handles.values()) h.cancel('interrupt');
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
