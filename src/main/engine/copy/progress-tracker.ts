import type { EventBody } from '../../../shared/events';

/**
 * A copy's counters and the numbers a person sees: totals that grow with discovery and shrink with
 * vanished files, a fraction that never goes backwards (shown = max(shown, real)), and an ETA from
 * both the file rate and the byte rate (many small files are not bytes-bound), hidden until it settles.
 */
export class ProgressTracker {
  copiedFiles = 0;
  copiedBytes = 0;
  skippedFiles = 0;
  skippedBytes = 0;
  failedFiles = 0;
  failedBytes = 0;
  /** A move's files whose original was removed (counted in copiedFiles too). */
  originalsRemoved = 0;
  /** Files settled by an earlier run of a resumed job (counted in copiedFiles too). */
  alreadyCompleted = 0;
  discoveredFiles = 0;
  discoveredBytes = 0;
  indexedFiles = 0;
  indexedBytes = 0;
  expectedConflicts: number | undefined;
  discoveryActive = true;

  private estimateFiles = 0;
  private estimateBytes = 0;
  private indexStreamDone = false;
  /** Size corrections: disk size minus listed size (stale index rows, vanished files). */
  private correctionFiles = 0;
  private correctionBytes = 0;
  /** Bytes of the files in flight, from the workers' ticks. */
  private inFlightFiles = 0;
  private inFlightBytes = 0;
  private shownFraction = 0;
  private readonly samples: { at: number; files: number; bytes: number }[] = [];

  constructor(private readonly now: () => number = () => performance.now()) {}

  setEstimate(files: number, bytes: number): void {
    this.estimateFiles = files;
    this.estimateBytes = bytes;
  }

  indexStreamFinished(): void { this.indexStreamDone = true; }

  /** A processed file whose real size differs from what its producer listed (or which vanished). */
  correct(files: number, bytes: number): void {
    this.correctionFiles += files;
    this.correctionBytes += bytes;
  }

  setInFlight(files: number, bytes: number): void {
    this.inFlightFiles = files;
    this.inFlightBytes = bytes;
  }

  get totalFiles(): number {
    const indexed = this.indexStreamDone ? this.indexedFiles : Math.max(this.estimateFiles, this.indexedFiles);
    return Math.max(0, indexed + this.discoveredFiles + this.correctionFiles);
  }

  get totalBytes(): number {
    const indexed = this.indexStreamDone ? this.indexedBytes : Math.max(this.estimateBytes, this.indexedBytes);
    return Math.max(0, indexed + this.discoveredBytes + this.correctionBytes);
  }

  get settledFiles(): number {
    return this.copiedFiles + this.skippedFiles + this.failedFiles;
  }

  private get settledBytes(): number {
    return this.copiedBytes + this.skippedBytes + this.failedBytes + this.inFlightBytes;
  }

  /** Real fraction done, blending files and bytes; the shown one never decreases. */
  fraction(): number {
    const files = this.totalFiles > 0 ? (this.settledFiles + this.inFlightFiles) / this.totalFiles : 0;
    const bytes = this.totalBytes > 0 ? this.settledBytes / this.totalBytes : files;
    const real = Math.min(1, Math.max(0, (files + bytes) / 2));
    this.shownFraction = Math.max(this.shownFraction, real);
    return this.shownFraction;
  }

  finish(): void {
    this.shownFraction = 1;
  }

  /** Call about once a second with the copy counters, for the rates. */
  sample(): void {
    const at = this.now();
    this.samples.push({ at, files: this.copiedFiles + this.inFlightFiles, bytes: this.copiedBytes + this.inFlightBytes });
    while (this.samples.length > 2 && at - this.samples[0]!.at > 5_000) this.samples.shift();
  }

  private rates(): { files: number; bytes: number; seconds: number } {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.at - first.at < 1) return { files: 0, bytes: 0, seconds: 0 };
    const seconds = (last.at - first.at) / 1000;
    return { files: (last.files - first.files) / seconds, bytes: (last.bytes - first.bytes) / seconds, seconds };
  }

  bytesPerSecond(): number {
    return Math.max(0, Math.round(this.rates().bytes));
  }

  /** Seconds left, or null until two seconds of rates exist. The slower of the two estimates wins. */
  etaSeconds(): number | null {
    const r = this.rates();
    if (r.seconds < 2 || (r.files <= 0 && r.bytes <= 0)) return null;
    const leftFiles = Math.max(0, this.totalFiles - this.settledFiles - this.inFlightFiles);
    const leftBytes = Math.max(0, this.totalBytes - this.settledBytes);
    const byFiles = r.files > 0 ? leftFiles / r.files : 0;
    const byBytes = r.bytes > 0 ? leftBytes / r.bytes : 0;
    return Math.round(Math.max(byFiles, byBytes));
  }

  progressEvent(paused = false): EventBody<'progress'> {
    return {
      type: 'progress',
      copiedFiles: this.copiedFiles, totalFiles: this.totalFiles,
      copiedBytes: this.copiedBytes + this.inFlightBytes, totalBytes: this.totalBytes,
      skippedFiles: this.skippedFiles, failedFiles: this.failedFiles,
      discoveryActive: this.discoveryActive,
      bytesPerSecond: this.bytesPerSecond(), etaSeconds: this.etaSeconds(),
      fraction: this.fraction(),
      ...(this.expectedConflicts !== undefined ? { expectedConflicts: this.expectedConflicts } : {}),
      ...(paused ? { paused: true } : {}),
    };
  }
}
