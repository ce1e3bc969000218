import type { CompletedStatus, EventBody } from '../../../shared/events';
import type { JobStore } from '../jobs/job-store';
import type { Checkpoints } from './checkpoints';
import type { CopyJobConfig, SavedCopyProgress } from './copy-job-config';
import type { ProgressTracker } from './progress-tracker';

type Child = keyof NonNullable<CopyJobConfig['children']>;

/**
 * The job's saved record: its `jobs` row (status, progress), its child rows (destination index, discovery)
 * and its checkpoints, written at the moments a later `ferry jobs` or `ferry resume` needs them. A busy
 * database never stops the copy: a failed progress save is retried by the next checkpoint.
 */
export class JobRecord {
  constructor(
    private readonly store: JobStore,
    private readonly jobId: string,
    private readonly checkpoints: Checkpoints,
    private readonly tracker: ProgressTracker,
    private readonly children: CopyJobConfig['children'] = {},
  ) {}

  setStatus(status: 'running' | 'paused', reason: string | null = null): void {
    this.store.setStatus(this.jobId, status, reason);
  }

  child(which: Child, status: 'running' | 'completed'): void {
    const id = this.children?.[which];
    if (id) this.store.setStatus(id, status);
  }

  /**
   * The saved total is the job's file count only once discovery had finished (`discoveryActive: false`, saved
   * at that moment by `saveProgress`); before that it is the index's estimate or the files found so far, and
   * nothing was saved at all before the first checkpoint: then the count is unknown (null), not 0.
   */
  resumeDetected(before: SavedCopyProgress | null): EventBody<'resumeDetected'> {
    const counts = this.checkpoints.counts();
    const settled = counts.done + counts.skipped;
    const total = before?.discoveryActive === false ? before.totalFiles : undefined;
    return {
      type: 'resumeDetected', alreadyCompleted: counts.done,
      remainingFiles: total === undefined ? null : Math.max(0, total - settled),
    };
  }

  /** About once a second: the buffered checkpoint rows and the progress, in the background of the copy. */
  checkpoint(paused: boolean): void {
    this.tracker.sample();
    try {
      this.checkpoints.flush();
      this.saveProgress(paused);
    } catch {
      // A busy database must not stop the copy: the next checkpoint retries (rows stay buffered).
    }
  }

  /** The progress now (e.g. the counted total once discovery completes); false when the database was busy. */
  trySaveProgress(paused: boolean): boolean {
    try {
      this.saveProgress(paused);
      return true;
    } catch {
      return false; // a busy database: the next checkpoint saves the same total
    }
  }

  /**
   * The job's end: the last checkpoints and progress (`paused`: it was stopped while paused), its status and
   * its children's. Throws if the database does.
   */
  ended(status: CompletedStatus, message: string | undefined, paused: boolean): void {
    this.checkpoints.flush();
    this.saveProgress(paused);
    const jobStatus = status === 'done' ? 'completed' : status;
    this.store.setStatus(this.jobId, jobStatus, message ?? null);
    for (const id of [this.children?.destinationIndex, this.children?.discovery]) {
      if (id && this.store.get(id)?.status !== 'completed') this.store.setStatus(id, status === 'done' ? 'completed' : jobStatus);
    }
  }

  private saveProgress(paused: boolean): void {
    const { type: _type, ...fields } = this.tracker.progressEvent(paused);
    this.store.saveProgress(this.jobId, { ...fields, discoveredFiles: this.tracker.discoveredFiles, indexedFiles: this.tracker.indexedFiles });
  }
}
