import { z } from 'zod';
import { ListedEntry, Resolution } from './types';

/**
 * The progress contract (docs/events.md). Every event has `type`, `jobId` and `t` (ms since the job started).
 * Names and fields are fixed; more fields may be added (schemas are not strict for that reason).
 */
const base = { jobId: z.string(), t: z.number() };

export const InitialEstimateEvent = z.object({
  type: z.literal('initialEstimate'), ...base,
  knownFiles: z.number(), knownBytes: z.number(), discoveryStarting: z.boolean(),
  /** 'move' for a move, 'delete' for a permanent delete (docs/file-operations.md); absent for a copy. */
  operation: z.enum(['move', 'delete']).optional(),
});
export const DestinationAnalysisEvent = z.object({
  type: z.literal('destinationAnalysis'), ...base,
  filesFound: z.number(), complete: z.boolean(),
  /** Absent when the destination was walked for kinds only (modes whose decisions need no sizes). */
  totalBytes: z.number().optional(),
  /** Beyond the seed: conflicts expected among the sources known so far (once the map is complete). */
  expectedConflicts: z.number().optional(),
});
export const FilesDiscoveredEvent = z.object({
  type: z.literal('filesDiscovered'), ...base, count: z.number(), bytes: z.number(),
});
export const DiscoveryCompleteEvent = z.object({
  type: z.literal('discoveryComplete'), ...base, totalDiscovered: z.number(), discoveryBytes: z.number(),
});
export const ProgressEvent = z.object({
  type: z.literal('progress'), ...base,
  copiedFiles: z.number(), totalFiles: z.number(), copiedBytes: z.number(), totalBytes: z.number(),
  skippedFiles: z.number(), failedFiles: z.number(), discoveryActive: z.boolean(),
  bytesPerSecond: z.number(), etaSeconds: z.number().nullable(),
  /** Fraction in [0,1] that never decreases over a job's stream (docs/architecture.md §3). */
  fraction: z.number().optional(),
  expectedConflicts: z.number().optional(),
  paused: z.boolean().optional(),
});
export const ConflictEvent = z.object({
  type: z.literal('conflict'), ...base,
  conflictId: z.string(), source: z.string(), destination: z.string(),
  sourceSize: z.number(), destSize: z.number(), sourceModified: z.number(), destModified: z.number(),
  /** 'file' or 'dir' on each side: a file meeting a folder is a conflict too. */
  sourceKind: z.string().optional(), destKind: z.string().optional(),
});
export const SkipReason = z.enum(['alreadyExists', 'destinationNewer', 'userChoice', 'vanished', 'special']);
export type SkipReason = z.infer<typeof SkipReason>;
export const FilesSkippedEvent = z.object({
  type: z.literal('filesSkipped'), ...base, count: z.number(), reason: SkipReason,
});
export const FileFailedEvent = z.object({
  type: z.literal('fileFailed'), ...base, path: z.string(), code: z.string(), message: z.string(),
});
export const ResumeDetectedEvent = z.object({
  type: z.literal('resumeDetected'), ...base, alreadyCompleted: z.number(),
  /**
   * Files of the job not yet settled (copied or skipped) by earlier runs; null when the interrupted run
   * stopped before it had counted its sources (discovery unfinished): then the resumed run's `progress`
   * events give `totalFiles` as discovery goes.
   */
  remainingFiles: z.number().nullable(),
});
export const CompletedStatus = z.enum(['done', 'failed', 'cancelled', 'interrupted']);
export type CompletedStatus = z.infer<typeof CompletedStatus>;
export const CompletedEvent = z.object({
  type: z.literal('completed'), ...base,
  status: CompletedStatus, copiedFiles: z.number(), copiedBytes: z.number(), skippedFiles: z.number(),
  failedFiles: z.number(), discoveredFiles: z.number(), indexedFiles: z.number(), durationMs: z.number(),
  /** Why the job stopped early, e.g. "No space left on the destination device". */
  message: z.string().optional(),
  /** As on `initialEstimate` ('move' or 'delete'). A move's: the files whose original was removed (each renamed,
   * or copied then removed), and the SOURCEs moved whole by one rename before the job (their files are not
   * counted one by one). */
  operation: z.enum(['move', 'delete']).optional(),
  originalsRemoved: z.number().optional(),
  renamed: z.number().optional(),
});
/**
 * Not in §4's table but part of the stream: a job paused (by the user, or by ENOSPC) or resumed, or
 * waiting for another copy into the same place to end (`waitingFor` is that job's id).
 */
export const JobStateEvent = z.object({
  type: z.literal('jobState'), ...base,
  status: z.enum(['running', 'paused', 'waiting']), reason: z.string().optional(),
  /** While `waiting`: the other copy's job id, and the place both write (DEST/<name>). */
  waitingFor: z.string().optional(), into: z.string().optional(),
});

export const FerryEvent = z.discriminatedUnion('type', [
  InitialEstimateEvent, DestinationAnalysisEvent, FilesDiscoveredEvent, DiscoveryCompleteEvent, ProgressEvent,
  ConflictEvent, FilesSkippedEvent, FileFailedEvent, ResumeDetectedEvent, CompletedEvent, JobStateEvent,
]);
export type FerryEvent = z.infer<typeof FerryEvent>;
export type FerryEventType = FerryEvent['type'];
export type EventOf<T extends FerryEventType> = Extract<FerryEvent, { type: T }>;
/** An event before the job stamps it with `jobId` and `t`. */
export type EventBody<T extends FerryEventType = FerryEventType> =
  T extends FerryEventType ? Omit<EventOf<T>, 'jobId' | 't'> : never;

export const ConflictAnswer = z.object({
  type: z.literal('resolve').optional(),
  conflictId: z.string().min(1),
  resolution: Resolution,
  applyToAll: z.boolean().default(false),
});
export type ConflictAnswer = z.infer<typeof ConflictAnswer>;

/**
 * Not a job event: a watched folder changed on disk (docs/events.md, "Folder changes"). Sent only to the
 * window that watches it (`watchFolder`), on a stream of its own. `entries` are added or changed entries,
 * `removed` names that are gone; `reread` says "too much changed to list: read the folder again".
 */
export const FolderChangedEvent = z.object({
  type: z.literal('folderChanged'),
  watchId: z.string(),
  path: z.string(),
  reread: z.boolean(),
  entries: z.array(ListedEntry),
  removed: z.array(z.string()),
});
export type FolderChangedEvent = z.infer<typeof FolderChangedEvent>;
