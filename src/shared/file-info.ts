import { z } from 'zod';
import { FILE_KINDS } from './file-kind';
import { EntryKind } from './types';

/** Files and bytes under a folder (regular files only, as the index counts them), and its folders. */
export const FolderTotals = z.object({
  files: z.number().int().nonnegative(),
  bytes: z.number().nonnegative(),
});
export type FolderTotals = z.infer<typeof FolderTotals>;

const Principal = z.object({
  id: z.number().int(),
  /** From the system's user or group database; null when the id has no name there. */
  name: z.string().nullable(),
});

/** What Get Info shows about one path (an lstat: a symlink is described as the link, with its target). */
export const FileInfo = z.object({
  path: z.string(),
  name: z.string(),
  entryKind: EntryKind,
  kind: z.enum(FILE_KINDS),
  /** A file's bytes; a folder's own entry size (its contents come from `indexTotals` or `folderSize`). */
  size: z.number(),
  /** A folder's totals as the library index last saw them; null when no location covers it. */
  indexTotals: FolderTotals.extend({ indexedAt: z.number().nullable() }).nullable(),
  /** Birth time where the file system keeps one (null elsewhere). */
  createdMs: z.number().nullable(),
  modifiedMs: z.number(),
  accessedMs: z.number(),
  /** Full st_mode (type and permission bits). */
  mode: z.number().int(),
  /** `rwxr-xr-x` (with s/t for setuid, setgid and sticky), and the same as octal `755` (`4755` with those). */
  permissions: z.string(),
  octal: z.string(),
  owner: Principal,
  group: Principal,
  /** A symlink's target as written in it (relative or absolute), and what it leads to now. */
  symlinkTarget: z.string().nullable(),
  targetKind: z.union([EntryKind, z.literal('missing')]).nullable(),
});
export type FileInfo = z.infer<typeof FileInfo>;

/** A folder's size counted on disk, in the background; `complete` is false when it was cancelled. */
export const FolderSize = FolderTotals.extend({
  folders: z.number().int().nonnegative(),
  /** Sub-folders that could not be read (their contents are not counted). */
  unreadable: z.number().int().nonnegative(),
  complete: z.boolean(),
});
export type FolderSize = z.infer<typeof FolderSize>;

/** The space of the file system a path is on (statfs): what an unprivileged user may still write. */
export const DiskSpace = z.object({ free: z.number().nonnegative(), total: z.number().nonnegative() });
export type DiskSpace = z.infer<typeof DiskSpace>;

/** Longest edge of a thumbnail, in pixels, when the caller names none; the most one may ask for. */
export const DEFAULT_THUMBNAIL_EDGE = 256;
export const MAX_THUMBNAIL_EDGE = 1024;

/** An image's thumbnail as a `data:` URL (the CSP allows those), or null when the file is no image it can decode. */
export const Thumbnail = z.object({ dataUrl: z.string().nullable() });
export type Thumbnail = z.infer<typeof Thumbnail>;
