import type { JobSummary } from '../../shared/types';

/** What a transfer job does with its sources: copies them, or moves them (a copy that removes the originals). */
export type Operation = 'copy' | 'move';

/** The words a person reads for each operation, in one place so the dialog, the list and notices agree. */
export const WORDS: Record<Operation, {
  /** "Copy progress", "Move cancelled" */ noun: string;
  /** "Copying 3 of 5 items" */ doing: string;
  /** "Copied 5 items" */ done: string;
  /** "5 items copied" */ past: string;
  /** "Preparing to copy…", "Could not copy", "Cannot copy “a” into itself" */ verb: string;
}> = {
  copy: { noun: 'Copy', doing: 'Copying', done: 'Copied', past: 'copied', verb: 'copy' },
  move: { noun: 'Move', doing: 'Moving', done: 'Moved', past: 'moved', verb: 'move' },
};

function asOperation(value: unknown): Operation | undefined {
  return value === 'move' || value === 'copy' ? value : undefined;
}

/** The operation an event names (`initialEstimate` and `completed` carry `"operation"`), if it names one. */
export function operationOf(event: object): Operation | undefined {
  return asOperation((event as { operation?: unknown }).operation);
}

/** A job row's operation: its saved config's `operation` (a move runs as the copy job's machine), else its kind. */
export function jobOperation(job: Pick<JobSummary, 'kind' | 'config'>): Operation {
  return asOperation(job.config.operation) ?? asOperation(job.kind) ?? 'copy';
}

/** Whether a job row is a transfer (copy or move) that the copy dialog and the jobs list describe. */
export function isTransferJob(job: Pick<JobSummary, 'kind'>): boolean {
  return asOperation(job.kind) !== undefined;
}
