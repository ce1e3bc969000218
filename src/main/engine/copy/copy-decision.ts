import type { EntryKind, OverwriteMode } from '../../../shared/types';
import type { SkipReason } from '../../../shared/events';
import type { DestHint } from './copy-protocol';
import type { DestEntry } from './types';
import { notOlderThanSource, sameTimeAsCopy } from './copy-times';

/**
 * What to do with one item of a copy, decided from facts alone: the source as its lstat saw it, what is
 * at its destination, the overwrite mode, the user's answer to its conflict and whether the job is a
 * resume. No file system call here (file-copy.ts does the work an action names), so that every case of
 * the overwrite semantics (docs/architecture.md §3) is one row of a table test.
 */

/** The source as its lstat saw it. `size` is 0 for what is not a file or a link; `mtimeMs` is fractional. */
export interface SourceFacts { kind: EntryKind; size: number; mtimeMs: number }

/** The user's answer to this item's conflict (prompt mode); undefined when none was asked. */
export type ConflictAnswer = 'replace' | 'keep-both' | undefined;

/** Why nothing is written: the messages live with the other failures (copy-failures.ts). */
export type Refusal =
  /** A file or link would replace a folder. */
  | 'folderInTheWay'
  /** A folder would replace a file or link. */
  | 'fileInTheWay'
  /** A file or link sits where a parent folder of the item goes. */
  | 'fileOnThePath';

export type CopyAction =
  | { do: 'skip'; reason: SkipReason; existed: boolean }
  /** A resume finds its own earlier copy at the item's place: counted as copied, not copied again. */
  | { do: 'already' }
  /** Prompt mode: a conflict for the user. */
  | { do: 'ask' }
  /** A file or link, written beside its place and renamed into it (or, keep-both, to the next free name). */
  | { do: 'write'; how: 'create' | 'replace' | 'keep-both'; existed: boolean }
  /** The answer "replace" for a file meeting a folder: the folder goes if empty, then the file is written. */
  | { do: 'clearFolderThenWrite' }
  /** A folder is created; `clearFile`: the answer "replace" for a folder meeting a file removes the file first. */
  | { do: 'makeFolder'; clearFile: boolean }
  /** A folder meeting a folder: they merge. */
  | { do: 'folderThere' }
  | { do: 'refuse'; why: Refusal };

type Skip = Extract<CopyAction, { do: 'skip' }>;
type Refuse = Extract<CopyAction, { do: 'refuse' }>;

/** What is there stays: the one "already exists" skip of every mode that keeps it. */
const KEEP_EXISTING: Skip = { do: 'skip', reason: 'alreadyExists', existed: true };

/** The overwrite decision for one item; `existing` is what is at its destination (null: nothing). */
export function decide(source: SourceFacts, existing: DestEntry | null, mode: OverwriteMode, answer: ConflictAnswer,
  resume: boolean): CopyAction {
  if (source.kind === 'other') return { do: 'skip', reason: 'special', existed: false };
  const chosen = answer ?? mode;
  if (source.kind === 'dir') return decideFolder(existing, chosen, answer);
  if (!existing) return { do: 'write', how: 'create', existed: false };
  // A file copied by the interrupted run whose checkpoint row had not been written yet.
  if (resume && isOwnCopy(existing, source)) return { do: 'already' };
  if (existing.kind === 'dir') return decideOverFolder(chosen, answer);
  switch (chosen) {
    case 'skip': return KEEP_EXISTING;
    case 'skip-newer':
      if (notOlderThanSource(existing.mtimeMs, source.mtimeMs)) return { do: 'skip', reason: 'destinationNewer', existed: true };
      return { do: 'write', how: 'replace', existed: true };
    case 'replace': return { do: 'write', how: 'replace', existed: true };
    case 'keep-both': return { do: 'write', how: 'keep-both', existed: true };
    case 'prompt': return { do: 'ask' };
  }
}

/** A folder source. Ferry never turns a file into a folder on its own: only the answer "replace" does. */
function decideFolder(existing: DestEntry | null, chosen: OverwriteMode, answer: ConflictAnswer): CopyAction {
  if (!existing) return { do: 'makeFolder', clearFile: false };
  if (existing.kind === 'dir') return { do: 'folderThere' };
  if (chosen === 'prompt') return { do: 'ask' };
  if (chosen === 'skip' || chosen === 'skip-newer') return KEEP_EXISTING;
  if (answer === 'replace') return { do: 'makeFolder', clearFile: true };
  return { do: 'refuse', why: 'fileInTheWay' };
}

/**
 * A file or link meeting a folder. Ferry never deletes a folder to make room for a file on its own: only
 * the answer "replace" does, and only an empty one. `skip-newer` has no times to compare here: it refuses.
 */
function decideOverFolder(chosen: OverwriteMode, answer: ConflictAnswer): CopyAction {
  switch (chosen) {
    case 'skip': return KEEP_EXISTING;
    case 'keep-both': return { do: 'write', how: 'keep-both', existed: true };
    case 'prompt': return { do: 'ask' };
    case 'replace': return answer ? { do: 'clearFolderThenWrite' } : { do: 'refuse', why: 'folderInTheWay' };
    case 'skip-newer': return { do: 'refuse', why: 'folderInTheWay' };
  }
}

/**
 * A file or link in the way of a parent folder of the item (found when creating that folder fails). In
 * prompt mode the item waits for the answer about the blocking entry, which the caller looks for.
 */
export function decideBlockedPath(mode: OverwriteMode): Skip | Refuse | { do: 'findBlocker' } {
  if (mode === 'skip' || mode === 'skip-newer') return KEEP_EXISTING;
  if (mode === 'prompt') return { do: 'findBlocker' };
  return { do: 'refuse', why: 'fileOnThePath' };
}

/**
 * Whether `entry` is a copy Ferry made of `source`: the same kind and size, and the time a copy would have
 * (copy-times.ts allows for what a coarse file system keeps). How a resume knows its own copies.
 */
export function isOwnCopy(entry: DestEntry | null, source: SourceFacts): boolean {
  return entry !== null && entry.kind === source.kind && entry.size === source.size
    && sameTimeAsCopy(entry.mtimeMs, source.mtimeMs);
}

/**
 * Whether deciding a file reads the destination's size and mtime: `prompt` shows both files, `skip-newer`
 * compares times, a resume recognises its own copies. The other modes need only what is there (a kinds-only
 * destination map serves them).
 */
export function decisionsReadDestinationTimes(mode: OverwriteMode, resume: boolean): boolean {
  return resume || mode === 'prompt' || mode === 'skip-newer';
}

/**
 * What the job's hint says is at the destination, when that is enough to decide; undefined when the disk
 * must tell (an lstat): the hint does not know, or knows only the kind where the decision reads size and time.
 */
export function hintedDestination(hint: DestHint, mode: OverwriteMode, resume: boolean): DestEntry | null | undefined {
  if (hint === 'unknown') return undefined;
  if (hint !== null && Number.isNaN(hint.mtimeMs) && decisionsReadDestinationTimes(mode, resume)) return undefined;
  return hint;
}
