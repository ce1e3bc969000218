import type { EntryKind, OverwriteMode } from '../../../shared/types';
import type { SkipReason } from '../../../shared/events';
import type { ErrorCode } from '../../../shared/errors';
import type { CopyItem, DestEntry } from './types';

/**
 * Messages between the CopyJob (main thread) and its copy workers. Work travels in batches of a few
 * hundred files: a message per file would cost more than copying a small file (docs/architecture.md §5.6).
 */

/** What the job knows of the destination path: an entry, null (absent), or 'unknown' (the worker lstat()s). */
export type DestHint = DestEntry | null | 'unknown';

export interface CopyTask {
  source: string;
  /** Destination path relative to DEST ('/'-separated). */
  rel: string;
  kind: CopyItem['kind'];
  hint: DestHint;
  /** The user's answer to this file's conflict (prompt mode). */
  force?: 'replace' | 'keep-both';
  /** Resume: the checkpoint says this file was copied to DEST/destRel; verified by size and mtime. */
  doneBefore?: { destRel: string };
}

export interface BatchSettings {
  /** Absolute DEST. */
  dest: string;
  mode: OverwriteMode;
  /** A resumed run: a destination file equal in size and mtime to its source counts as already copied. */
  resume: boolean;
  /** Prefix of this job's temporary names, `.ferry-<jobid8>-`: resume recognises its own leftovers. */
  tempPrefix: string;
  /** A file being replaced goes to the Trash first (file-copy.ts, trash/trash-put.ts `trashByLink`). */
  replacedToTrash?: boolean;
  /**
   * Where the worker writes this batch's checkpoints (and, on resume, reads the earlier ones): the
   * library file and the job. Workers do it so that the host's event loop never waits on SQLite.
   */
  checkpoint?: { dbFile: string; jobId: string };
  /**
   * A move (copy/move-file.ts): each file is renamed into place, or copied then its original removed once the
   * copy matches it (size and mtime; `verify`: and its bytes).
   */
  move?: { verify: boolean };
}

export type TaskOutcome =
  /**
   * `removed`: a move's original is gone (renamed, or removed once its copy was checked). `madeFolders`: how
   * many of the file's nearest folders (its own, then up) it had to make (checkpointed as the job's own).
   */
  | { o: 'copied'; size: number; destRel: string; existed: boolean; removed?: true; madeFolders?: number }
  /**
   * The source folder's times, in nanoseconds (exact), set once the job is done (its files change them).
   * `madeFolders`: how many folders its mkdir made, itself then up (0 when another worker's file made it first).
   */
  | { o: 'dir'; existed: boolean; atimeNs: bigint; mtimeNs: bigint; madeFolders?: number }
  | { o: 'skipped'; reason: SkipReason; size: number; existed: boolean }
  | { o: 'already'; size: number; destRel: string; removed?: true }
  /**
   * Prompt mode: a file (or link) sits where a parent folder of this item goes (`at`, relative to DEST).
   * The item waits for the answer about that folder's conflict.
   */
  | { o: 'blocked'; at: string; size: number }
  /** Resume: settled as skipped by an earlier run (e.g. the user's answer); counted, not asked again. */
  | { o: 'skippedBefore'; size: number }
  | { o: 'failed'; code: ErrorCode; message: string; path: string; size: number }
  | {
    o: 'conflict'; sourceSize: number; sourceModified: number; destSize: number; destModified: number;
    sourceKind: EntryKind; destKind: EntryKind;
  };

/** The job's stop flag was raised during the copy: the task goes back unstarted (its temp removed). */
export interface Stopped { o: 'stopped' }

/** The destination device is full: the worker stops its batch here; the job pauses. */
export interface NoSpace { o: 'nospace'; code: 'ENOSPC' | 'EDQUOT'; message: string; path: string }

export type ToWorker = { kind: 'batch'; batchId: number; settings: BatchSettings; tasks: CopyTask[] };

export type FromWorker =
  | { kind: 'tick'; batchId: number; files: number; bytes: number }
  /** `outcomes[k]` belongs to `tasks[k]`; tasks from `outcomes.length` on were not started. */
  | { kind: 'result'; batchId: number; outcomes: TaskOutcome[]; nospace?: NoSpace }
  | { kind: 'error'; batchId: number; message: string };
