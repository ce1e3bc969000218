import { z } from 'zod';
import { ConflictAnswer, type FerryEvent, type FolderChangedEvent } from './events';
import { EntryKind, FolderListing, FolderPage, JobSummary, Location, MAX_LISTING_PAGE, OverwriteMode, Place, IndexRules } from './types';
import type { FerryErrorValue } from './errors';
import { RestoreConflict, RestoreResult, TrashedItem } from './trash';
import { DEFAULT_THUMBNAIL_EDGE, DiskSpace, FileInfo, FolderSize, MAX_THUMBNAIL_EDGE, Thumbnail } from './file-info';
import { MAX_FIND_LIMIT } from './find-limits';
import { HistoryState, HistoryStep } from './history';

/**
 * The one contract between the UI and the engine (docs/architecture.md §1). Declared once as data: every host
 * (Electron IPC, the browser host's WebSocket) is generated from this table and validates each
 * `input` where it arrives, because the renderer is untrusted.
 */
const JobRef = z.object({ jobId: z.string().min(1) });
const AbsolutePath = z.string().min(1).max(4096);
const PageLimit = z.number().int().min(1).max(MAX_LISTING_PAGE);
/** A speed limit in bytes a second; 0 for none. */
const RateLimit = z.number().int().nonnegative();
const RequestId = z.string().min(1).max(100);

/** One file or folder found by name in the library index (findInLibrary). */
export const LibraryMatch = z.object({
  path: z.string(),
  /** The folder that holds it: where opening the result goes, with it selected. */
  folder: z.string(),
  name: z.string(),
  kind: EntryKind,
  size: z.number(),
  mtimeMs: z.number(),
  locationId: z.number().int(),
  /** exact name > name starts with the text > a word in it does > anywhere in it. */
  rank: z.enum(['exact', 'prefix', 'word', 'substring']),
  /** Its folder changed on disk after the last index: the index may be behind there. */
  folderChanged: z.boolean(),
});
export type LibraryMatch = z.infer<typeof LibraryMatch>;

export const methods = {
  /**
   * A folder's first `limit` entries in the default order (hidden entries are flagged, not dropped),
   * answered before the rest of a big folder is examined; the rest comes from `listFolderPage`.
   */
  listFolder: { input: z.object({ path: AbsolutePath, limit: PageLimit.optional() }), output: FolderListing },
  /** The next entries of an incomplete listing; LISTING_EXPIRED when the engine no longer keeps it. */
  listFolderPage: {
    input: z.object({ listingId: z.string().min(1).max(100), offset: z.number().int().nonnegative(), limit: PageLimit }),
    output: FolderPage,
  },
  /**
   * Sends this window the folder's changes (`folderChanged` on its folder stream) until it watches another
   * folder, calls `unwatchFolder`, or goes away. A window watches one folder at a time.
   */
  watchFolder: { input: z.object({ path: AbsolutePath }), output: z.object({ watchId: z.string() }) },
  unwatchFolder: { input: z.object({}), output: z.object({}) },
  /** Home, Desktop, Documents, Downloads… where they exist. */
  places: { input: z.object({}), output: z.object({ home: z.string(), places: z.array(Place) }) },
  listLocations: { input: z.object({}), output: z.array(Location) },
  /** Adds a location (or re-indexes it when already added) and resolves once indexed. */
  addLocation: {
    input: z.object({ path: AbsolutePath, rules: IndexRules.partial().optional() }),
    output: Location,
  },
  reindexLocation: { input: z.object({ id: z.number().int() }), output: Location },
  removeLocation: { input: z.object({ id: z.number().int() }), output: z.object({}) },
  /**
   * Finds files and folders by name (case-insensitive, anywhere in the name) across every location, from
   * the library index: the best `limit` (default DEFAULT_FIND_LIMIT, 50), ranked, and what the index may have missed.
   */
  findInLibrary: {
    input: z.object({ text: z.string().max(1000), limit: z.number().int().min(1).max(MAX_FIND_LIMIT).optional() }),
    output: z.object({
      matches: z.array(LibraryMatch),
      /** Every name that matched; more than `matches` when the limit cut them. */
      total: z.number().int(),
      /** Folders of these results (and their locations' roots) changed on disk since their last index. */
      changedFolders: z.number().int(),
      /** Locations whose first index has not completed (not searched yet). */
      unindexedLocations: z.number().int(),
      tookMs: z.number(),
    }),
  },
  startCopy: {
    input: z.object({
      sources: z.array(AbsolutePath).min(1).max(100_000),
      destination: AbsolutePath,
      /**
       * 'move': each SOURCE ends at DEST and is gone from where it was (docs/file-operations.md, "Moving"):
       * renamed on the same file system, copied then removed across file systems. Default 'copy'.
       */
      operation: z.enum(['copy', 'move']).optional(),
      /** A move: an original is removed only when its copy also has the same content (not only size and mtime). */
      verify: z.boolean().optional(),
      overwrite: OverwriteMode.default('prompt'),
      /** false: discover every file on disk instead of starting from the library index (default true). */
      useIndex: z.boolean().optional(),
      /** Copy worker threads (default 2–4 by CPU count). */
      concurrency: z.number().int().min(1).max(64).optional(),
      /** Default: the engine's own (`ferry serve --limit-rate`), else none. */
      rateLimit: RateLimit.optional(),
      /** Higher goes first when jobs compete for worker slots (default 0). */
      priority: z.number().int().min(-1000).max(1000).optional(),
      /**
       * A file that this copy replaces goes to the Trash (hard-linked there before the new file takes its
       * name in one rename), so a Replace can be undone. The app passes true; default false.
       */
      replacedToTrash: z.boolean().optional(),
    }),
    output: JobRef,
  },
  /**
   * The file system each path is on, as an opaque id (stat's device number; a dangling symlink's own), or
   * null when the path cannot be examined. Equal ids mean a move between them is a rename: the app's
   * drag and drop moves within one file system and copies across (Finder's rule).
   */
  fileSystemIds: {
    input: z.object({ paths: z.array(AbsolutePath).min(1).max(1_000) }),
    output: z.array(z.string().nullable()),
  },
  pauseJob: { input: JobRef, output: z.object({}) },
  /**
   * Resumes a paused job, or an interrupted one (which continues from its checkpoints). `rateLimit`
   * replaces an interrupted job's own speed limit (0 lifts it); without it the job keeps its own.
   */
  resumeJob: { input: JobRef.extend({ rateLimit: RateLimit.optional() }), output: JobRef },
  cancelJob: { input: JobRef, output: z.object({}) },
  /** Copies again the files that failed in a finished job, as a new job. */
  retryFailed: { input: JobRef, output: JobRef },
  resolveConflict: { input: ConflictAnswer.extend({ jobId: z.string().min(1) }), output: z.object({}) },
  /** Interrupted jobs first, then running, paused and queued ones, then finished ones, newest first. */
  listJobs: { input: z.object({ limit: z.number().int().min(1).optional() }), output: z.array(JobSummary) },
  /** Get Info: kind, size, dates, permissions, owner, symlink target; a folder's totals from the index when known. */
  getInfo: { input: z.object({ path: AbsolutePath }), output: FileInfo },
  /**
   * Counts a folder on disk in the background; `requestId` (the caller's own id) lets `cancelFolderSize`
   * stop it, and then it answers with the counts so far and `complete: false`.
   */
  folderSize: { input: z.object({ path: AbsolutePath, requestId: RequestId }), output: FolderSize },
  cancelFolderSize: { input: z.object({ requestId: RequestId }), output: z.object({}) },
  /** Free and total space of the file system `path` is on. */
  diskSpace: { input: z.object({ path: AbsolutePath }), output: DiskSpace },
  /** An image's thumbnail (made once, then cached), or `dataUrl: null` for anything that is not one. */
  thumbnail: {
    input: z.object({ path: AbsolutePath, edge: z.number().int().min(16).max(MAX_THUMBNAIL_EDGE).default(DEFAULT_THUMBNAIL_EDGE) }),
    output: Thumbnail,
  },
  /**
   * Moves items to the trash of their own file system (docs/file-operations.md "Trash"): each one that can
   * go goes; the others are reported in `failed` and stay where they are.
   */
  trashItems: {
    input: z.object({ paths: z.array(AbsolutePath).min(1).max(100_000) }),
    output: z.object({ items: z.array(TrashedItem), failed: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })) }),
  },
  /** Every item of every trash folder (the home trash and each mount's), the most recently trashed first. */
  listTrash: { input: z.object({}), output: z.array(TrashedItem) },
  /** Puts trashed items (by `TrashedItem.id`) back where they were; a taken place is decided by `onConflict`. */
  restoreItems: {
    input: z.object({ ids: z.array(AbsolutePath).min(1).max(100_000), onConflict: RestoreConflict.default('ask') }),
    output: RestoreResult,
  },
  /** Removes trashed items for good. */
  deleteFromTrash: { input: z.object({ ids: z.array(AbsolutePath).min(1).max(100_000) }), output: z.object({ deleted: z.number() }) },
  /** Empties every trash folder. */
  emptyTrash: { input: z.object({}), output: z.object({ deleted: z.number() }) },
  /**
   * Renames an item in its folder (never overwriting: EEXIST for a taken name; INVALID_INPUT with the reason
   * for an empty name, `/`, NUL, `.`, `..` or over 255 bytes). A case-only rename works on case-insensitive
   * file systems. Returns the new path.
   */
  renameItem: { input: z.object({ path: AbsolutePath, newName: z.string().max(4096) }), output: z.object({ path: z.string() }) },
  /** Creates "New Folder" (then "New Folder 2"…) in `parent`, or exactly `name`; returns its path. */
  createFolder: {
    input: z.object({ parent: AbsolutePath, name: z.string().max(4096).optional() }),
    output: z.object({ path: z.string() }),
  },
  /**
   * Deletes items permanently (no Trash) as a `delete` job: its events are those of a copy job's stream
   * (docs/events.md), cancel stops it between two entries. `/`, the home folder and a location's root are
   * refused before anything is removed.
   */
  deleteItems: { input: z.object({ paths: z.array(AbsolutePath).min(1).max(100_000) }), output: JobRef },
  /**
   * Opens a file with the system's default application: the desktop app only (the browser host opens
   * files in a tab through GET /file instead); INVALID_INPUT where the host cannot.
   */
  openItem: { input: z.object({ path: AbsolutePath }), output: z.object({}) },
  /**
   * Undoes the newest operation still done (rename, new folder, move, copy, trash), after checking that the
   * disk still matches it; refused with ITEM_CHANGED, ITEM_GONE, NAME_TAKEN… and nothing changed otherwise.
   */
  undo: { input: z.object({}), output: HistoryStep },
  /** Redoes the operation undone last, under the same checks. A new operation empties the redo stack. */
  redo: { input: z.object({}), output: HistoryStep },
  /** The next undo and redo with their labels, and the newest entries (`limit`, default 50). */
  history: { input: z.object({ limit: z.number().int().min(1).max(1000).optional() }), output: HistoryState },
} as const;

export type MethodName = keyof typeof methods;
export type MethodInput<K extends MethodName> = z.input<(typeof methods)[K]['input']>;
export type MethodParsedInput<K extends MethodName> = z.output<(typeof methods)[K]['input']>;
export type MethodOutput<K extends MethodName> = z.output<(typeof methods)[K]['output']>;
export const METHOD_NAMES = Object.keys(methods) as MethodName[];

export type FerryApi = { [K in MethodName]: (input: MethodInput<K>) => Promise<MethodOutput<K>> } & {
  /** Every event of every job, as they happen. Returns the unsubscribe function. */
  onEvent(listener: (event: FerryEvent) => void): () => void;
  /** This window's watched folder's changes (see `watchFolder`). Returns the unsubscribe function. */
  onFolderChange(listener: (event: FolderChangedEvent) => void): () => void;
};

/**
 * Who makes a call: one window (an Electron webContents, a browser host connection). Hosts pass it with
 * each call; what a window subscribes to (`watchFolder`) goes to it alone and ends with `releaseCaller`.
 */
export interface Caller {
  id: string;
  sendFolderChange(event: FolderChangedEvent): void;
}

/** The methods that act for the window calling them: hosts hand these (and only these) the Caller. */
export const WINDOW_METHODS = ['watchFolder', 'unwatchFolder'] as const satisfies readonly MethodName[];
export type WindowMethod = (typeof WINDOW_METHODS)[number];

/** What an engine implements; hosts wrap it with validation (`input` arrives parsed). */
export type FerryHandlers = {
  [K in Exclude<MethodName, WindowMethod>]: (input: MethodParsedInput<K>) => Promise<MethodOutput<K>>
} & {
  [K in WindowMethod]: (input: MethodParsedInput<K>, caller?: Caller) => Promise<MethodOutput<K>>
} & {
  onEvent(listener: (event: FerryEvent) => void): () => void;
  /** The window went away (closed, reloaded, disconnected): everything it subscribed to ends. */
  releaseCaller(callerId: string): void;
  /**
   * Events that show every running job as it is now (progress, pause, unanswered conflicts): what a
   * connection that joins late, or comes back after a drop, needs before the live stream.
   */
  snapshotEvents(): FerryEvent[];
};

/** A call's result as it crosses a boundary: errors are values, never thrown objects. */
export type CallResult<T = unknown> = { ok: true; output: T } | { ok: false; error: FerryErrorValue };

/** Browser host WebSocket frames. */
export const ClientFrame = z.object({
  id: z.number().int().nonnegative(),
  method: z.string(),
  input: z.unknown(),
});
export type ClientFrame = z.infer<typeof ClientFrame>;
export type ServerFrame =
  | ({ id: number } & CallResult)
  | { event: FerryEvent }
  | { folder: FolderChangedEvent };

/** Electron IPC channel names. */
export const IPC_CALL = 'ferry:call';
export const IPC_EVENT = 'ferry:event';
/** Main → one window: its watched folder changed. */
export const IPC_FOLDER = 'ferry:folder';
/** Main → one window: a menu command the page carries out (View ▸ Refresh). */
export const IPC_COMMAND = 'ferry:command';
export const MenuCommand = z.enum(['refresh']);
export type MenuCommand = z.infer<typeof MenuCommand>;
