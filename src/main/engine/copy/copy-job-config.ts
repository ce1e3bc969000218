import { z } from 'zod';
import { FerryError } from '../../../shared/errors';
import { ProgressEvent } from '../../../shared/events';
import { OverwriteMode, type JobSummary } from '../../../shared/types';

/** What a copy job row's `config` holds: everything needed to run (or resume) it; read back through the schema below. */
export interface CopyJobConfig {
  sources: string[];
  destination: string;
  overwrite: OverwriteMode;
  useIndex: boolean;
  concurrency: number;
  /** Bytes a second (a speed limit), or none. */
  rateLimit?: number;
  /** A replaced destination file goes to the Trash (hard-linked there first, so its name never disappears). */
  replacedToTrash?: boolean;
  /** A retry job: copies only the files that failed in this job (read from its checkpoints). */
  retryOf?: string;
  /** Child job rows (destination index, discovery). */
  children?: { destinationIndex?: string; discovery?: string };
  /** A move (kind 'move'): the SOURCEs' files are removed once in place. Absent for a copy. */
  operation?: 'move';
  /** A move's `--verify`: an original is removed only when its copy has the same bytes too. */
  verify?: boolean;
  /** A move's SOURCEs renamed whole before the job began (not in `sources`), for its summary. */
  renamed?: string[];
  /** What the undo history saw before the job began, so that a resumed job is recorded too (history/transfer-watch.ts). */
  undo?: UndoWatchState;
}

/**
 * The landing places (DEST/<name>) that were taken before the job began, when it began (ms), and the
 * history entry its end recorded, if any (a resumed job's end records it again, whole, in its place).
 */
export interface UndoWatchState {
  takenBefore: string[];
  startedAt: number;
  recorded?: number;
}

/**
 * The saved rows of a copy job (`jobs.config`, `jobs.progress`), read back through schemas: a row
 * written by another version of Ferry, or edited by hand, is refused with what is wrong in it instead of
 * steering a copy with a cast. Loaded only where a saved copy is resumed or retried: the schema library
 * costs ~100 ms of start-up that `ferry jobs` and a new copy do not pay.
 */
export const CopyJobConfigSchema = z.object({
  // Empty for a move whose SOURCEs were all renamed whole before its job.
  sources: z.array(z.string().min(1)),
  destination: z.string().min(1),
  overwrite: OverwriteMode,
  useIndex: z.boolean(),
  concurrency: z.number().int().min(1).max(64),
  rateLimit: z.number().int().positive().optional(),
  retryOf: z.string().min(1).optional(),
  replacedToTrash: z.boolean().optional(),
  children: z.object({ destinationIndex: z.string().optional(), discovery: z.string().optional() }).optional(),
  operation: z.literal('move').optional(),
  verify: z.boolean().optional(),
  renamed: z.array(z.string()).optional(),
  undo: z.object({
    takenBefore: z.array(z.string()), startedAt: z.number(), recorded: z.number().int().optional(),
  }).optional(),
});

/**
 * A copy's last checkpointed progress: the `progress` event's fields and the phases' counts. Every field
 * may be missing (a job interrupted before its first checkpoint saved none, older rows saved fewer); a
 * field present with the wrong type makes the row damaged.
 */
export const SavedCopyProgressSchema = ProgressEvent.omit({ type: true, jobId: true, t: true })
  .extend({ discoveredFiles: z.number(), indexedFiles: z.number() })
  .partial();
export type SavedCopyProgress = z.infer<typeof SavedCopyProgressSchema>;

// The schema and the interface in copy-job.ts must describe the same row: each side must accept the other.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesInterface: Same<z.infer<typeof CopyJobConfigSchema>, CopyJobConfig> = true;
void schemaMatchesInterface;

/** A copy job's saved row, read and checked. */
export interface SavedCopyJob { config: CopyJobConfig; progress: SavedCopyProgress | null }

/** Reads a copy job's row; JOB_NOT_RESUMABLE naming the damaged field when it does not parse. */
export function readSavedCopyJob(job: JobSummary): SavedCopyJob {
  if (job.damaged) throw damaged(job.id, job.damaged);
  const config = CopyJobConfigSchema.safeParse(job.config);
  if (!config.success) throw damaged(job.id, `config ${describeIssue(config.error)}`);
  const progress = job.progress === null ? null : SavedCopyProgressSchema.safeParse(job.progress);
  if (progress && !progress.success) throw damaged(job.id, `progress ${describeIssue(progress.error)}`);
  return { config: config.data, progress: progress ? progress.data : null };
}

function damaged(jobId: string, why: string): FerryError {
  return new FerryError('JOB_NOT_RESUMABLE', `Job ${jobId}'s saved row is damaged (${why}): it cannot be resumed or retried`);
}

function describeIssue(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'is malformed';
  return first.path.length ? `${first.path.join('.')}: ${first.message}` : first.message;
}
