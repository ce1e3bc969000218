import * as path from 'node:path';
import { displayName } from '../../../shared/display-name';
import type { HistoryKind } from '../../../shared/history';
import type { EntryKind } from '../../../shared/types';

/**
 * What the history keeps of one item of an operation (DESIGN §7.4). Every undoable operation moves items
 * between two sides, and its inverse moves them back, so one model serves all of them:
 *
 * | kind      | before (undone)      | after (done)          | between them                      |
 * |-----------|----------------------|-----------------------|-----------------------------------|
 * | rename    | on disk at `before`  | on disk at `after`    | a rename in the same folder       |
 * | move      | on disk at `before`  | on disk at `after`    | the move engine (a move job)      |
 * | trash     | on disk at `before`  | in the Trash          | trash ↔ restore                   |
 * | copy      | in the Trash         | on disk at `after`    | the copies Ferry created ↔ Trash  |
 * | newFolder | in the Trash         | on disk at `after`    | the new folder ↔ Trash            |
 *
 * A redo is the undo's own inverse: an undone copy is restored from the Trash, not copied again.
 *
 * A copy or a move that replaced a file sent it to the Trash (`replacedToTrash`): that file is an item of
 * the same entry with `replaced: true`, its sides those of a trash (on disk before, in the Trash after), so
 * one undo puts the copy in the Trash and the replaced file back under its name.
 */
export type Side = 'before' | 'after';
export type Place = 'disk' | 'trash';
export type Method = 'rename' | 'move' | 'trash';

export const KIND_SIDES: Record<HistoryKind, { before: Place; after: Place; method: Method }> = {
  rename: { before: 'disk', after: 'disk', method: 'rename' },
  move: { before: 'disk', after: 'disk', method: 'move' },
  trash: { before: 'disk', after: 'trash', method: 'trash' },
  copy: { before: 'trash', after: 'disk', method: 'trash' },
  newFolder: { before: 'trash', after: 'disk', method: 'trash' },
};

/**
 * The disk's word on an item after its last step: compared before the next one, so that an undo never acts
 * on something the user changed since. `ino` and `mtimeNs` as decimal strings (exact beyond 2^53).
 * Plain types here, the schemas that read rows back in history-schemas.ts: recording an operation (every
 * copy and move does) must not load zod, which alone costs a `ferry copy` process ~0.17 s of start-up.
 */
export interface Snapshot {
  kind: EntryKind;
  ino: string;
  size: number;
  mtimeNs: string;
}

export interface HistoryItem {
  /** The item's path on each side; on a Trash side, the path it was trashed from (and is restored to). */
  before: string;
  after: string;
  /** While the item is on a disk side: what it looked like there after the last step. */
  snapshot?: Snapshot;
  /** While the item is on a Trash side: its Trash entry. */
  trashId?: string;
  /** A file the operation replaced (and sent to the Trash), not one it made. */
  replaced?: boolean;
}

/** A kind the history knows (a row of another kind is damaged). */
export function isHistoryKind(kind: string): kind is HistoryKind {
  return Object.prototype.hasOwnProperty.call(KIND_SIDES, kind);
}

/** Where an item is on each side of its entry's operation, and what moves it between them. */
export function sidesOf(kind: HistoryKind, item: HistoryItem): { before: Place; after: Place; method: Method } {
  return item.replaced ? KIND_SIDES.trash : KIND_SIDES[kind];
}

/** The side an entry's items are on: a done operation's items are where it put them. */
export function currentSide(state: 'done' | 'undone'): Side {
  return state === 'done' ? 'after' : 'before';
}

export function otherSide(side: Side): Side {
  return side === 'after' ? 'before' : 'after';
}

/** “name”, as a sentence shows a path. */
export function quotedName(p: string): string {
  return `\u201c${displayName(path.basename(p) || p)}\u201d`;
}

/** What a menu says after "Undo " / "Redo ": "Move of “a.txt”", "Copy of 3 Items", "Rename". */
export function labelFor(kind: HistoryKind, items: readonly HistoryItem[]): string {
  if (kind === 'rename') return 'Rename';
  if (kind === 'newFolder') return 'New Folder';
  const what = { move: 'Move', copy: 'Copy', trash: 'Move to Trash' }[kind];
  const made = items.filter((i) => !i.replaced);
  const first = made[0];
  const of = made.length === 1 && first ? quotedName(kind === 'trash' ? first.before : first.after) : `${made.length} Items`;
  return `${what} of ${of}`;
}
