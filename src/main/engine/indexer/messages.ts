import type { MessagePort } from 'node:worker_threads';
import type { FerryErrorValue } from '../../../shared/errors';
import type { IndexRules } from '../../../shared/types';
import type { WalkError, WalkTotals } from './walker';

/**
 * An index run is two worker threads joined by a MessagePort: the walk worker (readdir + lstat, the
 * rules) and the write worker (SQLite upserts through its own connection). They run in parallel, so
 * a run costs about the longer of the two instead of their sum, and the host's thread does neither.
 */

/** Flow control shared by both workers and the host (Int32Array slots over one SharedArrayBuffer). */
export const FLOW = {
  /** The host stores 1 to stop the walk (a synchronous walk never reads messages). */
  STOP: 0,
  /** Batches the walk worker has posted. */
  SENT: 1,
  /** Batches the write worker has committed: the walker waits while SENT - WRITTEN is too large. */
  WRITTEN: 2,
  SLOTS: 3,
} as const;

export interface WalkWorkerInput {
  root: string;
  rules: IndexRules;
  flow: SharedArrayBuffer;
  port: MessagePort;
}

export interface WriteWorkerInput {
  dbFile: string;
  locationId: number;
  scanId: number;
  flow: SharedArrayBuffer;
  port: MessagePort;
}

/**
 * Rows travel as one flat array per batch (ROW_WIDTH values a row): far cheaper to clone than objects. A
 * row's kind travels as its code (fs/entry-kind.ts).
 */
export const ROW_WIDTH = 8;

/** Walk worker → write worker. */
export type WalkMessage =
  | { kind: 'rows'; values: unknown[] }
  | { kind: 'end'; totals: WalkTotals; errors: WalkError[] }
  | { kind: 'stopped' };

export interface IndexCounts {
  entries: number;
  files: number;
  bytes: number;
}

/** Either worker → host: progress a few times a second from the writer, then one of done/stopped/failed. */
export type IndexWorkerMessage =
  | ({ kind: 'progress' } & IndexCounts)
  | ({ kind: 'done'; unreadable: number } & IndexCounts)
  | { kind: 'stopped' }
  | { kind: 'failed'; error: FerryErrorValue };
