import * as path from 'node:path';
import type { ErrorCode } from '../../../shared/errors';
import { displayName } from '../../../shared/display-name';
import { quotedName, type Method, type Place, type Snapshot } from './history-item';

/**
 * Does the disk still match an operation's record? Pure: what was observed comes in, a refusal (or none)
 * goes out, so that every case is a row of a table test (test/history/disk-match.test.ts). The doing
 * (lstat, the Trash's list) is in observe.ts.
 */

/** One item's step from where it is (`from`) to the other side (`to`). */
export interface Step {
  method: Method;
  from: { place: Place; path: string; snapshot?: Snapshot; trashId?: string };
  to: { place: Place; path: string };
}

/** What the disk says now about the places a step touches. */
export interface Observed {
  /** From a disk side: the item at `from.path` now (null: nothing there). From the Trash: whether its entry is still there. */
  source: Snapshot | null | { inTrash: boolean };
  /** To a disk side: whatever is at `to.path` now (null: the name is free). */
  target?: Snapshot | null;
  /** To a disk side: the folder `to.path` goes into ('notDir': it, or a folder on its path, is not a folder). */
  targetParent?: 'dir' | 'missing' | 'notDir';
}

export interface Refusal {
  code: ErrorCode;
  message: string;
  path: string;
}

/** Why this step cannot run on the disk as it is, or null when it can. */
export function refusalFor(step: Step, seen: Observed): Refusal | null {
  return sourceRefusal(step, seen) ?? targetRefusal(step, seen);
}

function sourceRefusal(step: Step, seen: Observed): Refusal | null {
  const { from } = step;
  const name = quotedName(from.path);
  if (from.place === 'trash') {
    const inTrash = seen.source !== null && 'inTrash' in seen.source && seen.source.inTrash;
    return inTrash && from.trashId ? null : { code: 'ITEM_GONE', message: `${name} is no longer in the Trash`, path: from.path };
  }
  const now = seen.source;
  if (now === null || 'inTrash' in now) {
    return { code: 'ITEM_GONE', message: `${name} is no longer in ${folderName(from.path)}`, path: from.path };
  }
  const was = from.snapshot;
  if (!was) return { code: 'ITEM_CHANGED', message: `${name} was not recorded as it was: it cannot be checked`, path: from.path };
  if (now.kind !== was.kind || now.ino !== was.ino) {
    return { code: 'ITEM_CHANGED', message: `${name} in ${folderName(from.path)} is another item now`, path: from.path };
  }
  if (!contentsMatch(was, now, step.method)) {
    return { code: 'ITEM_CHANGED', message: `${name} was changed since`, path: from.path };
  }
  return null;
}

/**
 * A file must have the same size and modification time. A folder moved or renamed back carries whatever
 * it holds now (its own inode says it is the same folder); a folder about to go to the Trash must not
 * have changed inside (its modification time), so that an undo never trashes what the user put there since.
 */
function contentsMatch(was: Snapshot, now: Snapshot, method: Method): boolean {
  if (now.kind === 'dir') return method !== 'trash' || now.mtimeNs === was.mtimeNs;
  return now.size === was.size && now.mtimeNs === was.mtimeNs;
}

function targetRefusal(step: Step, seen: Observed): Refusal | null {
  const { to, from } = step;
  if (to.place === 'trash') return null;
  const target = seen.target ?? null;
  // A case-only rename on a case-insensitive file system finds the item itself under its other name.
  const itself = target !== null && from.place === 'disk' && from.snapshot !== undefined && target.ino === from.snapshot.ino
    && target.kind === from.snapshot.kind && to.path.toLowerCase() === from.path.toLowerCase();
  if (target !== null && !itself) {
    return { code: 'NAME_TAKEN', message: `the name ${quotedName(to.path)} is taken in ${folderName(to.path)}`, path: to.path };
  }
  // A restore creates the folders it needs (the Trash's own rule), and so does a move back (its source folders
  // went when it emptied them: the executor makes them again); a rename needs its folder. None through a file.
  const makesFolders = step.method === 'trash' || step.method === 'move';
  if (seen.targetParent === 'notDir' || (!makesFolders && seen.targetParent !== 'dir')) {
    const parent = path.dirname(to.path);
    return seen.targetParent === 'notDir'
      ? { code: 'ITEM_CHANGED', message: `${quotedName(parent)} is no longer a folder`, path: parent }
      : { code: 'ITEM_GONE', message: `the folder ${quotedName(parent)} is no longer there`, path: parent };
  }
  return null;
}

/** “folder”: the folder a path is in, as a sentence names it. */
function folderName(p: string): string {
  const parent = path.dirname(p);
  return parent === p || parent === '/' ? '“/”' : `\u201c${displayName(path.basename(parent))}\u201d`;
}
