import type { FerryErrorValue } from '../../../shared/errors';
import type { CopyItem, StaleItem } from '../copy/types';
import type { FolderListing, FolderPage } from '../../../shared/types';
import type { WorkerReply } from './worker-client';

/**
 * Messages between the copy engine's walking workers and the main thread (docs/architecture.md §5.6): typed
 * unions, a few hundred entries per message, never one message per file. A worker never throws at
 * its host: anything unexpected arrives as a `fatal` message carrying an error value.
 */

export interface WalkError { path: string; code: string; message: string }

// ── delta discovery ──
export interface DiscoveryWorkerData {
  dbFile: string | null;
  sources: string[];
  useIndex: boolean;
  batchSize: number;
  /** WalkControl's SharedArrayBuffer (pause/resume/stop). */
  control: SharedArrayBuffer;
}

export type DiscoveryMessage =
  | { kind: 'items'; items: CopyItem[] }
  | { kind: 'stale'; items: StaleItem[] }
  | { kind: 'error'; error: WalkError }
  | { kind: 'done'; totalDiscovered: number; discoveryBytes: number }
  | { kind: 'fatal'; error: FerryErrorValue };

// ── destination index ──
export interface DestinationWorkerData {
  dest: string;
  names: string[];
  /** Read sizes and mtimes (an lstat per entry); false: kinds only, from readdir (sizes and mtimes NaN). */
  sizes: boolean;
  batchSize: number;
  control: SharedArrayBuffer;
}

/** Columns rather than objects: typed arrays cross threads far cheaper than 1,000 small objects. */
export interface DestinationBatch {
  rels: string[];
  /** KindCode of fs/entry-kind.ts. */
  kinds: Uint8Array;
  sizes: Float64Array;
  mtimes: Float64Array;
}

export type DestinationMessage =
  | ({ kind: 'entries' } & DestinationBatch)
  /** Directories that could not be listed: what is below them is unknown (the caller lstat()s). */
  | { kind: 'unreadable'; rels: string[] }
  | { kind: 'done' }
  | { kind: 'fatal'; error: FerryErrorValue };

// ── folder listings ──
export type ListingRequest =
  | { id: number; op: 'list'; path: string; limit?: number }
  | { id: number; op: 'page'; listingId: string; offset: number; limit: number };

export type ListingReply = WorkerReply<FolderListing | FolderPage>;
