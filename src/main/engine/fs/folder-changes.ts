/**
 * Deciding how a watched folder's changes reach a window (the doing, fs.watch and lstat, is in
 * folder-watchers.ts). A few changed names are sent as entries; past MAX_NAMED_CHANGES names, or when the
 * file system did not say which name changed, the window is told to read the folder again instead: a
 * 20,000-file copy into an open folder costs a few re-reads, not 20,000 rows of messages.
 */

/** Most names one change message describes; beyond, the window re-reads the folder. */
export const MAX_NAMED_CHANGES = 200;
/** A burst's first message waits this long, so that a file's create, write and close arrive as one change. */
export const FIRST_DELAY_MS = 100;
/** While a folder keeps changing in bulk (the last message said "re-read"), messages come at most this often. */
export const BUSY_DELAY_MS = 1_000;
/** After this long without a bulk message, a change is quick again. */
export const BUSY_FOR_MS = 2_000;

export type ChangeBatch = { reread: true } | { reread: false; names: string[] };

/** The names changed since the last batch (deduplicated), or "unknown" once they are too many to name. */
export class PendingChanges {
  private names = new Set<string>();
  private unknown = false;

  /** A change of `name`; null when the file system did not name it. */
  add(name: string | null): void {
    if (this.unknown) return;
    if (name === null) {
      this.unknown = true;
      this.names.clear();
      return;
    }
    this.names.add(name);
    if (this.names.size > MAX_NAMED_CHANGES) {
      this.unknown = true;
      this.names.clear();
    }
  }

  get empty(): boolean {
    return !this.unknown && this.names.size === 0;
  }

  /** What happened since the last call, and starts afresh. */
  take(): ChangeBatch {
    const batch: ChangeBatch = this.unknown ? { reread: true } : { reread: false, names: [...this.names] };
    this.names = new Set();
    this.unknown = false;
    return batch;
  }
}

/**
 * How long to wait before sending the changes that just started to gather: quick for a file or a few,
 * slow while the folder is being filled in bulk (the last message, `lastRereadAt`, was a re-read).
 */
export function delayBeforeSending(now: number, lastRereadAt: number | null): number {
  return lastRereadAt !== null && now - lastRereadAt < BUSY_FOR_MS ? BUSY_DELAY_MS : FIRST_DELAY_MS;
}
