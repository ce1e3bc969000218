import type { EventOf, FerryEvent, SkipReason } from '../../shared/events';
import type { JobSummary } from '../../shared/types';
import { isTransferJob, operationOf, type Operation } from './operation';

export interface FailedFile { path: string; code: string; message: string }

/** What one copy dialog shows, folded from the job's event stream (pure: see `applyCopyEvent`). */
export interface CopyView {
  jobId: string;
  /** Copy or move: known when the job is started here, else from its `initialEstimate` (or `completed`). */
  operation: Operation;
  /** Where the copy goes (for the dialog's subtitle). */
  destination: string;
  phase: 'preparing' | 'copying' | 'finished';
  totalFiles: number;
  totalBytes: number;
  copiedFiles: number;
  copiedBytes: number;
  skippedFiles: number;
  failedFiles: number;
  /** Files discovery added beyond the index (sum of filesDiscovered batches). */
  discoveredFiles: number;
  discoveryActive: boolean;
  etaSeconds: number | null;
  /** The bar's value in [0,1]; only ever grows. */
  shownFraction: number;
  paused: boolean;
  pauseReason?: string;
  /** Waiting for another copy into this place (DEST/<name>) to end before starting. */
  waitingInto?: string;
  resumedCompleted?: number;
  skippedByReason: Partial<Record<SkipReason, number>>;
  failures: FailedFile[];
  completed?: EventOf<'completed'>;
  /** Items of this copy that already exist at the destination (once the destination map is complete). */
  expectedConflicts?: number;
  /** startCopy itself was refused (nothing copied). */
  startError?: string;
}

const MAX_LISTED_FAILURES = 500;

export function newCopyView(jobId: string, destination = '', operation: Operation = 'copy'): CopyView {
  return {
    jobId, operation, destination, phase: 'preparing', totalFiles: 0, totalBytes: 0, copiedFiles: 0, copiedBytes: 0,
    skippedFiles: 0, failedFiles: 0, discoveredFiles: 0, discoveryActive: false, etaSeconds: null,
    shownFraction: 0, paused: false, skippedByReason: {}, failures: [],
  };
}

function realFraction(v: CopyView): number {
  const doneFiles = v.copiedFiles + v.skippedFiles + v.failedFiles;
  if (v.totalBytes > 0) return Math.min(1, v.copiedBytes / v.totalBytes);
  if (v.totalFiles > 0) return Math.min(1, doneFiles / v.totalFiles);
  return 0;
}

/**
 * "Preparing to copy…" lasts until something is known: an estimate of zero files while discovery is
 * only starting (nothing indexed) is not yet an estimate worth showing as "Copying 0 of 0 items".
 */
function nextPhase(v: CopyView, known: boolean): CopyView['phase'] {
  if (v.phase !== 'preparing') return v.phase;
  return known ? 'copying' : 'preparing';
}

/** Folds one event into the view. The bar keeps max(shown, real): discovery growing the total never pulls it back. */
export function applyCopyEvent(v: CopyView, e: FerryEvent): CopyView {
  switch (e.type) {
    case 'initialEstimate':
      return {
        ...v, operation: operationOf(e) ?? v.operation, phase: nextPhase(v, e.knownFiles > 0 || !e.discoveryStarting),
        totalFiles: Math.max(v.totalFiles, e.knownFiles), totalBytes: Math.max(v.totalBytes, e.knownBytes),
        discoveryActive: e.discoveryStarting,
      };
    case 'filesDiscovered':
      return { ...v, phase: nextPhase(v, e.count > 0), discoveredFiles: v.discoveredFiles + e.count, totalFiles: v.totalFiles + e.count };
    case 'discoveryComplete':
      return { ...v, phase: nextPhase(v, true), discoveryActive: false, discoveredFiles: Math.max(v.discoveredFiles, e.totalDiscovered) };
    case 'progress': {
      const next: CopyView = {
        ...v, phase: nextPhase(v, e.totalFiles > 0 || !e.discoveryActive),
        totalFiles: e.totalFiles, totalBytes: e.totalBytes, copiedFiles: e.copiedFiles, copiedBytes: e.copiedBytes,
        skippedFiles: e.skippedFiles, failedFiles: e.failedFiles, discoveryActive: e.discoveryActive,
        etaSeconds: e.etaSeconds, paused: e.paused ?? v.paused, expectedConflicts: e.expectedConflicts ?? v.expectedConflicts,
      };
      const fraction = e.fraction ?? realFraction(next);
      return { ...next, shownFraction: Math.max(v.shownFraction, Math.min(1, fraction)) };
    }
    case 'destinationAnalysis':
      return e.expectedConflicts === undefined ? v : { ...v, expectedConflicts: e.expectedConflicts };
    case 'filesSkipped':
      return { ...v, skippedByReason: { ...v.skippedByReason, [e.reason]: (v.skippedByReason[e.reason] ?? 0) + e.count } };
    case 'fileFailed':
      return v.failures.length >= MAX_LISTED_FAILURES ? v
        : { ...v, failures: [...v.failures, { path: e.path, code: e.code, message: e.message }] };
    case 'resumeDetected':
      return { ...v, phase: 'copying', resumedCompleted: e.alreadyCompleted };
    case 'jobState':
      return {
        ...v, paused: e.status === 'paused', pauseReason: e.status === 'paused' ? e.reason : undefined,
        // A pause while waiting keeps the wait: it goes on once resumed.
        waitingInto: e.status === 'waiting' ? e.into ?? '' : e.status === 'paused' ? v.waitingInto : undefined,
      };
    case 'completed':
      return {
        ...v, operation: operationOf(e) ?? v.operation, phase: 'finished', completed: e, paused: false, discoveryActive: false,
        copiedFiles: e.copiedFiles, copiedBytes: e.copiedBytes, skippedFiles: e.skippedFiles, failedFiles: e.failedFiles,
        shownFraction: e.status === 'done' ? 1 : v.shownFraction,
      };
    default:
      return v;
  }
}

const ENDED: Record<string, EventOf<'completed'>['status']> = {
  completed: 'done', failed: 'failed', cancelled: 'cancelled', interrupted: 'interrupted',
};

/**
 * The `completed` event a window missed (its connection dropped as the job ended), rebuilt from the
 * job's row: its final status and last saved counts. Null while the job has not ended.
 */
export function completedFromSummary(job: JobSummary): EventOf<'completed'> | null {
  const status = ENDED[job.status];
  if (!status || !isTransferJob(job)) return null;
  const p = job.progress ?? {};
  const count = (key: string) => (typeof p[key] === 'number' ? (p[key] as number) : 0);
  return {
    type: 'completed', jobId: job.id, t: 0, status,
    copiedFiles: count('copiedFiles'), copiedBytes: count('copiedBytes'), skippedFiles: count('skippedFiles'),
    failedFiles: count('failedFiles'), discoveredFiles: count('discoveredFiles'), indexedFiles: count('indexedFiles'),
    durationMs: Math.max(0, (job.finishedAt ?? job.updatedAt) - job.createdAt),
    ...(job.error ? { message: job.error } : {}),
  };
}
