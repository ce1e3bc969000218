import type { EntryKind } from '../../../shared/types';

/**
 * What the copy phases hand each other. Producers (IndexPreparation, DeltaDiscovery) only produce
 * CopyItems; CopyQueue schedules them; copy workers copy; CopyJob owns state and completion
 * (docs/architecture.md §5.3). DestinationIndex answers existence questions about DEST.
 */

/** One thing to copy. Every item of a SOURCE lands at DEST/`rel` (rel starts with basename(SOURCE)). */
export interface CopyItem {
  /** Absolute source path. */
  source: string;
  /** Destination path relative to DEST, '/'-separated: `basename(SOURCE)` or `basename(SOURCE)/sub/file`. */
  rel: string;
  kind: EntryKind;
  /** Size as the producer saw it (index or disk). Workers re-stat the source before copying. */
  size: number;
  mtimeMs: number;
  /** Which phase found it: 'index' (phase 1) or 'discovery' (phase 2). */
  origin: 'index' | 'discovery';
}

/**
 * A file the index lists with another size or mtime than the disk has. IndexPreparation queued it
 * already (with the index's size), so discovery does not queue it again: it only corrects the totals.
 */
export interface StaleItem {
  rel: string;
  indexedSize: number;
  diskSize: number;
}

/** What the destination index knows of one path under DEST. */
export interface DestEntry {
  kind: EntryKind;
  /** NaN when the destination map was built from kinds only (DestinationIndex's `sizes: false`). */
  size: number;
  mtimeMs: number;
}

/** Totals that phase 1 reads from the index's directory aggregates (no row-by-row count). */
export interface IndexEstimate {
  knownFiles: number;
  knownBytes: number;
  /** For each SOURCE, in order: whether some location's index covers it. */
  covered: boolean[];
}
