/**
 * The real operations an undo or a redo runs (the facade gives them: the same engine code a user's own
 * rename, move, trash and restore go through, so that the index follows and the Trash stays the one
 * gio reads). The executor checks the disk first; these only do.
 */
export interface HistoryActions {
  /** Renames `from` to `to` (the same folder); `to` is free (checked). */
  rename(from: string, to: string): Promise<void>;
  /**
   * Moves `sources` into `folder` (each lands as `folder/<its name>`, free: checked) by the move engine,
   * and resolves once the move job has ended; throws when an item could not be moved.
   */
  move(sources: string[], folder: string): Promise<void>;
  /** Moves `paths` to the Trash; resolves with each one's Trash entry id, in the same order. */
  trash(paths: string[]): Promise<string[]>;
  /** Restores these Trash entries to where they were trashed from (their names are free: checked). */
  restore(trashIds: string[]): Promise<void>;
  /** Whether each of these Trash entries is still in the Trash (in the same order). */
  inTrash(trashIds: string[]): Promise<boolean[]>;
}
