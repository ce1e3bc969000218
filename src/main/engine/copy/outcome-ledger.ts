import type { TaskOutcome } from './copy-protocol';
import type { ProgressTracker } from './progress-tracker';
import type { CopyItem, StaleItem } from './types';

/**
 * The job's accounting, without any I/O: what each producer listed, what each settled file counts for
 * (copied, skipped, failed, with its bytes), and the size corrections that keep the totals true when a file's
 * real size is not the one its producer listed. The tracker's file counters (listed, discovered, copied, skipped,
 * failed, their bytes and corrections) are written here and nowhere else, so that a file cannot be counted twice,
 * or not at all, by two code paths.
 */
export class OutcomeLedger {
  /** Files met at DEST before the destination map was complete: part of the expected conflicts. */
  existingAtDest = 0;
  /** Corrections from stale index rows, so that the copy of the same file does not apply its own too. */
  private readonly staleApplied = new Map<string, number>();
  /** Index files already settled with their real size, so that a later stale report changes nothing. */
  private readonly sizeCorrected = new Map<string, number>();

  constructor(readonly tracker: ProgressTracker) {}

  /** Items the index (or an earlier job's checkpoints) listed. */
  listed(batch: readonly CopyItem[]): void {
    for (const item of batch) {
      if (item.kind === 'dir') continue;
      this.tracker.indexedFiles++;
      this.tracker.indexedBytes += item.size;
    }
  }

  /** Items discovery found on disk; returns their files and bytes (for `filesDiscovered`). */
  discovered(batch: readonly CopyItem[]): { count: number; bytes: number } {
    let count = 0;
    let bytes = 0;
    for (const item of batch) if (item.kind !== 'dir') { count++; bytes += item.size; }
    this.tracker.discoveredFiles += count;
    this.tracker.discoveredBytes += bytes;
    return { count, bytes };
  }

  /** Stale index rows: the file is queued already with the index's size; only the totals change. */
  stale(batch: readonly StaleItem[]): void {
    for (const s of batch) {
      if (this.sizeCorrected.delete(s.rel)) continue; // copied already, with its real size
      const delta = s.diskSize - s.indexedSize;
      this.staleApplied.set(s.rel, delta);
      this.tracker.correct(0, delta);
    }
  }

  /**
   * Counts what a worker reported for one item. `answered`: the second pass of a conflict the user answered
   * (counted as existing already). `mapComplete`: the destination map is complete (it counts what exists).
   */
  settled(item: CopyItem, outcome: TaskOutcome, answered: boolean, mapComplete: boolean): void {
    const isFile = item.kind !== 'dir';
    const t = this.tracker;
    switch (outcome.o) {
      case 'copied':
        if (outcome.existed && !answered) this.existing(mapComplete);
        t.copiedFiles++;
        t.copiedBytes += outcome.size;
        if (outcome.removed) t.originalsRemoved++;
        this.correctSize(item, outcome.size);
        return;
      case 'already':
        if (outcome.removed) t.originalsRemoved++;
        t.copiedFiles++;
        t.copiedBytes += outcome.size;
        t.alreadyCompleted++;
        this.correctSize(item, outcome.size);
        return;
      case 'skippedBefore':
        if (isFile) { t.skippedFiles++; t.skippedBytes += outcome.size; }
        return;
      case 'skipped':
        if (outcome.existed && isFile) this.existing(mapComplete);
        if (outcome.reason === 'vanished') {
          if (isFile) t.correct(-1, -item.size - (this.staleApplied.get(item.rel) ?? 0));
          this.staleApplied.delete(item.rel);
        } else if (isFile) {
          this.correctSize(item, outcome.size);
        }
        if (isFile) { t.skippedFiles++; t.skippedBytes += outcome.size; }
        return;
      case 'failed':
        // A folder's failure counts as a failed item of no size.
        if (isFile) this.correctSize(item, outcome.size);
        this.failed(isFile ? outcome.size : 0);
        return;
      case 'conflict':
        this.existing(mapComplete);
        if (isFile) this.correctSize(item, outcome.sourceSize);
        return;
      case 'blocked':
      case 'dir':
        return; // not settled yet (blocked), or a folder: neither counts as a file
    }
  }

  /** An item skipped without a worker: the user's answer, or a folder above it that was skipped. */
  skipped(item: CopyItem): void {
    if (item.kind !== 'dir') this.tracker.skippedFiles++;
    this.tracker.skippedBytes += item.kind === 'dir' ? 0 : item.size;
  }

  failed(size: number): void {
    this.tracker.failedFiles++;
    this.tracker.failedBytes += size;
  }

  /** A copy of which every file failed (none copied, none skipped) did nothing: it failed, not "Done". */
  get everyFileFailed(): boolean {
    const t = this.tracker;
    return t.failedFiles > 0 && t.copiedFiles === 0 && t.skippedFiles === 0;
  }

  private existing(mapComplete: boolean): void {
    if (!mapComplete) this.existingAtDest++;
  }

  /** The real size replaces the listed one in the totals (once per file, whoever reports it first). */
  private correctSize(item: CopyItem, actual: number): void {
    if (item.kind === 'dir') return;
    const applied = this.staleApplied.get(item.rel);
    if (applied !== undefined) this.staleApplied.delete(item.rel);
    const delta = actual - item.size - (applied ?? 0);
    if (delta === 0) return;
    this.tracker.correct(0, delta);
    if (item.origin === 'index' && applied === undefined) this.sizeCorrected.set(item.rel, delta);
  }
}
