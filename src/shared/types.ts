import { z } from 'zod';
import { OVERWRITE_MODES } from './overwrite-modes';
import type { IndexRules as IndexRulesShape } from './index-rules';

export const OverwriteMode = z.enum(OVERWRITE_MODES);
export type OverwriteMode = z.infer<typeof OverwriteMode>;

export const Resolution = z.enum(['replace', 'skip', 'keep-both', 'stop']);
export type Resolution = z.infer<typeof Resolution>;

export const JobStatus = z.enum(['queued', 'waiting', 'running', 'paused', 'completed', 'failed', 'cancelled', 'interrupted']);
export type JobStatus = z.infer<typeof JobStatus>;

export const JobKind = z.enum(['copy', 'move', 'destination-index', 'discovery', 'index', 'delete']);
export type JobKind = z.infer<typeof JobKind>;

export const EntryKind = z.enum(['file', 'dir', 'symlink', 'other']);
export type EntryKind = z.infer<typeof EntryKind>;

/** Indexing rules stored per location, checked where they cross the API boundary (index-rules.ts: the plain shape). */
export const IndexRules = z.object({
  skipGit: z.boolean().default(true),
  skipNodeModules: z.boolean().default(true),
  skipHidden: z.boolean().default(true),
  skipSystemFiles: z.boolean().default(true),
  respectGitignore: z.boolean().default(true),
  extraIgnores: z.array(z.string()).default([]),
}) satisfies z.ZodType<IndexRulesShape>;
export type IndexRules = IndexRulesShape;
export { DEFAULT_INDEX_RULES } from './index-rules';

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

/** One entry as the engine sends it: no `path`, which is `folder path + name` (the renderer joins them). */
export const ListedEntry = z.object({
  name: z.string(),
  kind: EntryKind,
  size: z.number(),
  mtimeMs: z.number(),
  hidden: z.boolean(),
  /** A folder this Ferry may not list or enter (shown with a lock); absent otherwise. */
  noAccess: z.boolean().optional(),
  /** A regular file with an execute bit (a program or a script: its icon says so); absent otherwise. */
  executable: z.boolean().optional(),
  /** A symlink's target (absolute), and what it leads to (absent when nothing is there: a dangling link). */
  linkTarget: z.string().optional(),
  linkKind: EntryKind.optional(),
  /**
   * The inode number (lstat's), so that a name gone and a name come with the same inode in one change are
   * known as one item renamed (live folders keep it selected). Absent when the entry could not be lstat-ed.
   */
  ino: z.number().optional(),
});
export type ListedEntry = z.infer<typeof ListedEntry>;

/** An entry as the UI uses it: the listed entry plus its full path (selection, copy and drag use paths). */
export const FolderEntry = ListedEntry.extend({ path: z.string() });
export type FolderEntry = z.infer<typeof FolderEntry>;

/** Most entries one listing call or page carries: keeps each message well under a megabyte or two. */
export const MAX_LISTING_PAGE = 20_000;

/**
 * The first page of a folder listing. Entries come in the default order (folders first, then names in
 * natural order) across all pages. When `complete` is false the rest is fetched with `listFolderPage`
 * from `nextOffset` using `listingId` (null once complete: nothing is kept on the engine side then).
 */
export const FolderListing = z.object({
  path: z.string(),
  parent: z.string().nullable(),
  listingId: z.string().nullable(),
  /** Names the folder held when read; entries that vanish before they are examined are dropped. */
  total: z.number().int(),
  entries: z.array(ListedEntry),
  /** Where the next page starts, in the listing's order (entries that vanished still count). */
  nextOffset: z.number().int(),
  complete: z.boolean(),
});
export type FolderListing = z.infer<typeof FolderListing>;

export const FolderPage = z.object({
  entries: z.array(ListedEntry),
  nextOffset: z.number().int(),
  complete: z.boolean(),
});
export type FolderPage = z.infer<typeof FolderPage>;

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
  /** Why the job's saved row could not be read (its config or progress is not a JSON object): shown, never resumed. */
  damaged: z.string().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
  finishedAt: z.number().nullable(),
});
export type JobSummary = z.infer<typeof JobSummary>;
