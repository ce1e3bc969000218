import type { Db } from '../db/library';
import type { Release } from '../jobs/scheduler';
import type { BatchSettings } from './copy-protocol';
import type { CopyJobConfig } from './copy-job-config';
import { DeltaDiscovery } from './delta-discovery';
import { DiscoveryPhase } from './discovery-phase';
import { tempPrefixFor } from './file-copy';
import { FolderTimes } from './folder-times';
import { IndexPreparation, estimateFromIndex } from './index-preparation';
import { IndexStream, RetryFailures, type Producer } from './producers';
import type { ProgressTracker } from './progress-tracker';
import type { IndexEstimate } from './types';
import type { EventBody } from '../../../shared/events';

export interface OperationContext {
  db: Db;
  dbFile: string;
  jobId: string;
  config: CopyJobConfig;
  /** A resumed run: checkpoints of the earlier runs are honoured. */
  resume: boolean;
  /** Aborted when the job stops. */
  signal: AbortSignal;
  /** A worker slot at discovery's priority, or null when the job stops first. */
  acquireDiscoverySlot(): Promise<Release | null>;
  /** Whether the job wants discovery to walk now (live, not paused, room in the queue). */
  mayDiscover(): boolean;
}

export interface Estimate extends IndexEstimate {
  /** The disk will be walked: the count may still grow. */
  discoveryStarting: boolean;
}

/**
 * What the job machine runs (copy-job.ts): the machine owns the state, the queue, the workers, conflicts and
 * completion; the operation says where the work comes from, what the workers are told, and what happens at
 * the end. `copyOperation` is the copy; the move (move/move-operation.ts) is the same producers with its own
 * batch settings (each source removed once its copy is in place) and an end that removes the emptied source
 * folders; Trash and Delete can be operations with producers of their own. The machine gains no branches for them.
 */
export interface Operation {
  /** What the workers are told with every batch. */
  readonly settings: BatchSettings;
  /** The first numbers (`initialEstimate`), from the index's folder aggregates: within 100 ms. */
  estimate(): Estimate;
  /** The producers of this run's work, given the estimate (which sources the index covers). */
  producers(estimate: Estimate): Producer[];
  /** A folder was created or merged into, with its source's times. */
  folderSettled(rel: string, atimeNs: bigint, mtimeNs: bigint): void;
  /** The job is done (every item settled): the last touches at the destination. */
  completed(): Promise<void>;
  /** The job was cancelled (it will not be resumed): what it did stays, and what knows of it follows. */
  cancelled?(): void;
  /** What this operation adds to `initialEstimate` and `completed` (a move says so, and what it removed). */
  readonly estimateFields: Partial<EventBody<'initialEstimate'>>;
  completedFields(tracker: ProgressTracker): Partial<EventBody<'completed'>>;
}

/** The copy: index stream and discovery (or a retry job's failures), folder times restored at the end. */
export function copyOperation(ctx: OperationContext): Operation {
  const c = ctx.config;
  const folderTimes = new FolderTimes();
  const settings: BatchSettings = {
    dest: c.destination, mode: c.overwrite, resume: ctx.resume, tempPrefix: tempPrefixFor(ctx.jobId),
    ...(c.replacedToTrash ? { replacedToTrash: true } : {}),
    // Workers write checkpoints to the library file (an in-memory library has none they could open).
    ...(ctx.dbFile !== ':memory:' ? { checkpoint: { dbFile: ctx.dbFile, jobId: ctx.jobId } } : {}),
  };
  return {
    settings,
    estimate() {
      const e = c.useIndex && !c.retryOf ? estimateFromIndex(ctx.db, c.sources) : { knownFiles: 0, knownBytes: 0, covered: [] };
      return { ...e, discoveryStarting: !c.retryOf };
    },
    producers(estimate) {
      if (c.retryOf) return [new RetryFailures(ctx.db, c.retryOf, c.sources)];
      const covered = c.useIndex && estimate.covered.some(Boolean);
      return [
        new IndexStream(covered ? new IndexPreparation(ctx.db, c.sources) : null, ctx.signal),
        new DiscoveryPhase(new DeltaDiscovery({ dbFile: c.useIndex ? ctx.dbFile : null, sources: c.sources, useIndex: c.useIndex }), () => ctx.acquireDiscoverySlot(), () => ctx.mayDiscover()),
      ];
    },
    folderSettled: (rel, atimeNs, mtimeNs) => folderTimes.note(rel, atimeNs, mtimeNs),
    completed: () => folderTimes.restore(c.destination),
    estimateFields: {},
    completedFields: () => ({}),
  };
}
