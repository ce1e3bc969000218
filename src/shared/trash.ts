import { z } from 'zod';
import { EntryKind } from './types';

/** One item in a trash folder, as every host shows it (docs/file-operations.md "Trash"). */
export const TrashedItem = z.object({
  /**
   * The item's path inside its trash (`…/Trash/files/NAME`): unique across every trash folder, and what
   * restore and delete take. The engine accepts only ids of items that are in a trash folder.
   */
  id: z.string(),
  /** The name it had (the last part of `originalPath`). */
  name: z.string(),
  /** Where it was, absolute (a `$topdir` trash's relative `Path=` joined to its mount's top folder). */
  originalPath: z.string(),
  /** When it was trashed (ms since the epoch), or null when its `.trashinfo` has no readable date. */
  deletedAt: z.number().nullable(),
  kind: EntryKind,
  /** Bytes: a file's size, a folder's from `directorysizes` when known; null when unknown. */
  size: z.number().nullable(),
  /** The trash folder that holds it. */
  trashDir: z.string(),
});
export type TrashedItem = z.infer<typeof TrashedItem>;

/** What to do when a restored item's original place is taken. `ask`: nothing, the item is reported as a conflict. */
export const RestoreConflict = z.enum(['ask', 'keep-both', 'replace', 'skip']);
export type RestoreConflict = z.infer<typeof RestoreConflict>;

export const RestoreResult = z.object({
  /** Restored items: where each one is now (its original path, or the Keep Both name beside it). */
  restored: z.array(z.object({ id: z.string(), path: z.string() })),
  /** Items whose original place is taken, left in the trash (onConflict `ask`). */
  conflicts: z.array(z.object({ id: z.string(), path: z.string() })),
  /** Items left in the trash by `skip`. */
  skipped: z.array(z.string()),
  /** Items replaced at their original place: what was there went to the trash (undo-able itself). */
  replaced: z.array(TrashedItem),
});
export type RestoreResult = z.infer<typeof RestoreResult>;
