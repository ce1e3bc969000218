import { z } from 'zod';
import { OVERWRITE_MODES } from './overwrite-modes';

export const OverwriteMode = z.enum(OVERWRITE_MODES);
export type OverwriteMode = z.infer<typeof OverwriteMode>;

export const Resolution = z.enum(['replace', 'skip', 'keep-both', 'stop']);
export type Resolution = z.infer<typeof Resolution>;

export const JobStatus = z.enum(['queued', 'running', 'paused', 'completed', 'failed', 'cancelled', 'interrupted']);
export type JobStatus = z.infer<typeof JobStatus>;

export const JobKind = z.enum(['copy', 'destination-index', 'discovery', 'index']);
export type JobKind = z.infer<typeof JobKind>;

export const EntryKind = z.enum(['file', 'dir', 'symlink', 'other']);
export type EntryKind = z.infer<typeof EntryKind>;

/** Indexing rules stored per location. Every rule is on by default. */
export const IndexRules = z.object({
  skipGit: z.boolean().default(true),
  skipNodeModules: z.boolean().default(true),
  skipHidden: z.boolean().default(true),
  skipSystemFiles: z.boolean().default(true),
  respectGitignore: z.boolean().default(true),
  /** Extra glob patterns in .gitignore syntax, relative to the location root. */
  extraIgnores: z.array(z.string()).default([]),
});
export type IndexRules = z.infer<typeof IndexRules>;
export const DEFAULT_INDEX_RULES: IndexRules = IndexRules.parse({});

export const Location = z.object({
  id: z.number().int(),
  path: z.string(),
  name: z.string(),
  rules: IndexRules,
  fileCount: z.number().int(),
  totalBytes: z.number(),
  lastIndexedAt: z.number().nullable(),
  /** Folders the last index could not read. */
  unreadableCount: z.number().int(),
});
export type Location = z.infer<typeof Location>;

export const FolderEntry = z.object({
  name: z.string(),
  path: z.string(),
  kind: EntryKind,
  size: z.number(),
  mtimeMs: z.number(),
  hidden: z.boolean(),
});
export type FolderEntry = z.infer<typeof FolderEntry>;

export const FolderListing = z.object({
  path: z.string(),
  parent: z.string().nullable(),
  entries: z.array(FolderEntry),
});
export type FolderListing = z.infer<typeof FolderListing>;

export const Place = z.object({ name: z.string(), path: z.string() });
export type Place = z.infer<typeof Place>;

export const JobSummary = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: JobKind,
  status: JobStatus,
  priority: z.number().int(),
  /** Kind-specific configuration, e.g. a copy's sources, destination and overwrite mode. */
  config: z.record(z.string(), z.unknown()),
  /** Last checkpointed progress (the fields of the `progress` event for a copy). */
  progress: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  finishedAt: z.number().nullable(),
});
export type JobSummary = z.infer<typeof JobSummary>;
