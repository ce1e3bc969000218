import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BatchSettings, CopyTask, NoSpace, Stopped, TaskOutcome } from './copy-protocol';
import type { DestEntry } from './types';
import { keepBothName } from './keep-both-name';
import { fractionalMtimeMs } from './copy-times';
import { kindOfStats } from '../fs/entry-kind';
import { encodeName, fsPath, hasEscapedBytes } from '../fs/byte-names';
import { setTimesNs } from '../fs/file-times';
import { ATTEMPTS, copyFileData, SourceError, UNCONTROLLED, type CopyControl } from './file-data';
import { blockedOrFailed, classifyWriteError, destPath, exists, failure, lstatOrNull, refusal } from './copy-failures';
import { decide, hintedDestination, isOwnCopy, type CopyAction, type SourceFacts } from './copy-decision';
import { moveFile, sameContent, settleOriginal } from './move-file';
import { makeFolders } from './made-folders';

/** Re-exported for the job, which builds its destination map with or without times by it. */

/**
 * One file's copy, synchronous, run inside a copy worker thread (blocking is free there, and a sync
 * call costs less than a promise round trip). `decide` (copy-decision.ts) chooses by overwrite mode, and
 * `execute` does it: copies to a temporary name beside the destination (file-data.ts: the bytes), keeps
 * mode and times, then renames into place: a file never appears half-written under its final name, and a replaced file stays whole until the new
 * one is. Paths may hold names that are not valid UTF-8 (byte-names.ts): every call takes `fsPath(p)`.
 */

/** The longest file name most file systems take (bytes). */
const NAME_MAX = 255;

/**
 * The temporary name of a destination file: deterministic (job + name), so that a run resumed after a
 * crash overwrites — and so removes — the leftover of the file it was copying. The name itself where it
 * fits (unique in its folder, and telling in a listing); a digest of it for names near the length limit.
 */
export function tempPathFor(finalPath: string, tempPrefix: string): string {
  const slash = finalPath.lastIndexOf(path.sep);
  const dir = finalPath.slice(0, slash + 1);
  const name = finalPath.slice(slash + 1);
  const plain = `${tempPrefix}${name}.tmp`;
  // The length on disk: a byte that is not UTF-8 is one byte there, not the 3 of its escape's UTF-8.
  const escaped = hasEscapedBytes(name);
  if ((escaped ? encodeName(plain).length : Buffer.byteLength(plain)) <= NAME_MAX) return dir + plain;
  // Loaded only here: node:crypto costs each copy worker ~30 ms of start-up, and most names fit.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  const digest = createHash('sha1').update(escaped ? encodeName(name) : name).digest('hex').slice(0, 16);
  return `${dir}${tempPrefix}#${digest}.tmp`;
}

export function tempPrefixFor(jobId: string): string {
  return `.ferry-${jobId.replace(/-/g, '').slice(0, 8)}-`;
}

/**
 * Copies one item. `ctl`: the job's stop flag and speed limit, checked between chunks (a stop returns
 * `stopped`: the task is given back unstarted, its temp removed).
 */
export function processTask(task: CopyTask, s: BatchSettings, ctl: CopyControl = UNCONTROLLED): TaskOutcome | NoSpace | Stopped {
  const outcome = decideAndCopy(task, s, ctl);
  // A resume removes every leftover of its job: the temp an interrupted run left of this file goes,
  // whatever this run decides (already there, skipped, failed…). A copy renamed its own temp already.
  if (s.resume && outcome.o !== 'copied' && outcome.o !== 'dir') removeTempOf(task, s);
  return outcome;
}

/** Removes the temp file a run of this job may have left of `task` (its name is deterministic). */
export function removeTempOf(task: CopyTask, s: BatchSettings): void {
  if (task.kind !== 'dir') removeQuietly(tempPathFor(destPath(s.dest, task.rel), s.tempPrefix));
}

/** One item as the worker sees it: its task, the source's lstat and facts, and where it lands. */
interface Item {
  task: CopyTask;
  s: BatchSettings;
  st: fs.BigIntStats;
  source: SourceFacts;
  finalPath: string;
  ctl: CopyControl;
}

function decideAndCopy(task: CopyTask, s: BatchSettings, ctl: CopyControl): TaskOutcome | NoSpace | Stopped {
  let st: fs.BigIntStats;
  try {
    st = fs.lstatSync(fsPath(task.source), { bigint: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { o: 'skipped', reason: 'vanished', size: 0, existed: false };
    return failure(err, task.source, 0, 'source');
  }
  const kind = kindOfStats(st);
  const source: SourceFacts = { kind, size: kind === 'file' || kind === 'symlink' ? Number(st.size) : 0, mtimeMs: fractionalMtimeMs(st) };
  const finalPath = destPath(s.dest, task.rel);
  // Checkpointed as copied (maybe to another name: keep-both): verified where it went, before anything else
  // is looked at, so that a resume costs one lstat per finished file.
  if (task.doneBefore && (kind === 'file' || kind === 'symlink')
    && isOwnCopy(lstatOrNull(destPath(s.dest, task.doneBefore.destRel)), source)) {
    return settled({ task, s, st, source, finalPath, ctl }, { o: 'already', size: source.size, destRel: task.doneBefore.destRel });
  }
  // A special is skipped whatever is there: no lstat of the destination for it.
  let existing: DestEntry | null = null;
  if (kind !== 'other') {
    const hinted = hintedDestination(task.hint, s.mode, s.resume);
    existing = hinted === undefined ? lstatOrNull(finalPath) : hinted;
  }
  let action = decide(source, existing, s.mode, task.force, s.resume);
  // Without a checkpoint, "its own copy" is a guess from size and time (the run was cut between the rename
  // and its row); the bytes confirm it before it counts, for a move removes the original on it. A file that
  // was there before the job, by chance of the same size and time, is then decided as any other.
  if (action.do === 'already' && !sameContent(task.source, finalPath, kind)) action = decide(source, existing, s.mode, task.force, false);
  return execute(action, { task, s, st, source, finalPath, ctl }, existing);
}

/** Does what `decide` chose: the only place that changes the destination for an item. */
function execute(action: CopyAction, item: Item, existing: DestEntry | null): TaskOutcome | NoSpace | Stopped {
  const { task, st, source, finalPath } = item;
  switch (action.do) {
    case 'skip': return { o: 'skipped', reason: action.reason, size: source.size, existed: action.existed };
    case 'already': return settled(item, { o: 'already', size: source.size, destRel: task.rel });
    case 'ask': return conflict(st, source, existing!);
    case 'write': return place(item, action.how, action.existed);
    case 'clearFolderThenWrite': return replaceEmptyDirectory(item);
    case 'makeFolder': return makeFolder(item, action.clearFile);
    case 'folderThere': return { o: 'dir', existed: true, ...times(st) };
    case 'refuse': return refusal(action.why, finalPath, source.size);
  }
}

/** A file or link to its final place: written there (a copy), or moved there (a move: move-file.ts). */
function place(item: Item, how: WriteKind, existed: boolean): TaskOutcome | NoSpace | Stopped {
  if (!item.s.move) return write(item, how, existed);
  // Replace, undoable, for a move too: the replaced file goes to the Trash first, once (the copy fallback does not again).
  const trashFirst = how === 'replace' && item.s.replacedToTrash === true;
  if (trashFirst) {
    try { trashReplaced(item.finalPath); } catch (err) { return failure(err, item.finalPath, item.source.size); }
  }
  return moveFile(item.task, item.s, item.finalPath, how, existed, item.source.size, item.st.dev, () => write(item, trashFirst ? 'create' : how, existed));
}

/** A copy found in place by a resume: a move removes its original now (checked against it first). */
function settled(item: Item, already: Extract<TaskOutcome, { o: 'already' }>): TaskOutcome {
  if (!item.s.move) return already;
  const r = settleOriginal(item.task, item.s, { o: 'copied', size: already.size, destRel: already.destRel, existed: true });
  return r.o === 'copied' ? { ...already, removed: true } : r;
}

function makeFolder(item: Item, clearFile: boolean): TaskOutcome | NoSpace {
  const { s, st, finalPath } = item;
  if (clearFile) {
    try {
      if (s.replacedToTrash) trashReplaced(finalPath);
      fs.unlinkSync(fsPath(finalPath));
    } catch (err) { return failure(err, finalPath, 0); }
  }
  try {
    const made = makeFolders(finalPath);
    fs.chmodSync(fsPath(finalPath), Number(st.mode) & 0o7777);
    return { o: 'dir', existed: false, ...times(st), ...(made > 0 ? { madeFolders: made } : {}) };
  } catch (err) {
    return blockedOrFailed(err, s, finalPath, 0);
  }
}

type WriteKind = Extract<CopyAction, { do: 'write' }>['how'];

function write(item: Item, how: WriteKind, existed: boolean): TaskOutcome | NoSpace | Stopped {
  const { task, s, st, finalPath, ctl } = item;
  const kind = item.source.kind as 'file' | 'symlink';
  const tmp = tempPathFor(finalPath, s.tempPrefix);
  let size: number;
  let made: { madeFolders?: number } = {};
  try {
    const written = writeTemp(task.source, tmp, st, kind, s, ctl);
    if (written.r === 'stopped' || written.r === 'changed') {
      removeQuietly(tmp);
      if (written.r === 'stopped') return { o: 'stopped' };
      return {
        o: 'failed', code: 'SOURCE_CHANGED', path: task.source, size: written.size,
        message: `The file kept changing while it was being copied (${ATTEMPTS} tries); it was not copied: ${task.source}`,
      };
    }
    size = written.bytes;
    if (written.madeFolders > 0) made = { madeFolders: written.madeFolders };
  } catch (err) {
    removeQuietly(tmp);
    return classifyWriteError(err, task, s, Number(st.size));
  }
  try {
    if (how === 'keep-both') {
      const destRel = placeBeside(tmp, finalPath, task.rel);
      return { o: 'copied', size, destRel, existed, ...made };
    }
    // Replace, undoable: the old file is linked into the Trash first; the rename below then takes its name.
    if (how === 'replace' && s.replacedToTrash) trashReplaced(finalPath);
    fs.renameSync(fsPath(tmp), fsPath(finalPath));
    return { o: 'copied', size, destRel: task.rel, existed, ...made };
  } catch (err) {
    removeQuietly(tmp);
    return failure(err, finalPath, size);
  }
}

/** `madeFolders`: how many folders the file's folder took to make (see made-folders.ts). */
type Written = { r: 'copied'; bytes: number; madeFolders: number } | { r: 'changed'; size: number } | { r: 'stopped' };

function writeTemp(source: string, tmp: string, st: fs.BigIntStats, kind: 'file' | 'symlink', s: BatchSettings,
  ctl: CopyControl): Written {
  const attempt = (): Written => {
    if (kind === 'symlink') {
      removeQuietly(tmp);
      const target = onSourceSide(() => fs.readlinkSync(fsPath(source), { encoding: 'buffer' }));
      fs.symlinkSync(target, fsPath(tmp));
      setTimesNs(fsPath(tmp), st.atimeNs, st.mtimeNs, true);
      return { r: 'copied', bytes: Number(st.size), madeFolders: 0 };
    }
    const data = copyFileData(source, tmp, st, `${st.dev}>${s.dest}`, ctl, s.resume);
    if (data.r !== 'copied') return data;
    // The times of the source as it was copied (a retried copy's, when it changed meanwhile).
    setTimesNs(fsPath(tmp), data.source.atimeNs, data.source.mtimeNs);
    return { r: 'copied', bytes: data.bytes, madeFolders: 0 };
  };
  try {
    return attempt();
  } catch (err) {
    // The destination folder is not there yet (a file can arrive before its folder's own item).
    if (err instanceof SourceError || (err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    const made = makeFolders(path.dirname(tmp));
    const written = attempt();
    return written.r === 'copied' ? { ...written, madeFolders: made } : written;
  }
}

function onSourceSide<T>(call: () => T): T {
  try { return call(); } catch (err) { throw new SourceError(err as NodeJS.ErrnoException); }
}

/** Nanoseconds, exact: folder times are set through file-times.ts at the end of the job. */
function times(st: fs.BigIntStats): { atimeNs: bigint; mtimeNs: bigint } {
  return { atimeNs: st.atimeNs, mtimeNs: st.mtimeNs };
}

/** Keep Both: claims the next free Finder name with link() (fails if taken, unlike rename). */
function placeBeside(tmp: string, finalPath: string, rel: string): string {
  const dir = path.dirname(finalPath);
  const relDir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/') + 1) : '';
  for (let tries = 0; ; tries++) {
    const name = keepBothName(path.basename(finalPath), (n) => exists(path.join(dir, n)));
    try {
      fs.linkSync(fsPath(tmp), fsPath(path.join(dir, name)));
      fs.unlinkSync(fsPath(tmp));
      return relDir + name;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || tries > 100) throw err;
    }
  }
}

/** The answer "replace" for a file meeting a folder: an empty folder goes, a full one stays. */
function replaceEmptyDirectory(item: Item): TaskOutcome | NoSpace | Stopped {
  const { st, finalPath } = item;
  try {
    fs.rmdirSync(fsPath(finalPath));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') {
      return {
        o: 'failed', code: 'ENOTEMPTY', path: finalPath, size: Number(st.size),
        message: `${finalPath} is a folder that is not empty; Ferry does not delete a folder to replace it with a file`,
      };
    }
    return failure(err, finalPath, Number(st.size));
  }
  return place(item, 'create', true);
}

function conflict(st: fs.BigIntStats, source: SourceFacts, existing: DestEntry): TaskOutcome {
  return {
    o: 'conflict', sourceSize: source.size, sourceModified: Number(st.mtimeMs),
    destSize: existing.size, destModified: existing.mtimeMs, sourceKind: source.kind, destKind: existing.kind,
  };
}

/** Loaded on first use: most copies replace nothing, and the workers' start-up is measured (bench/). */
function trashReplaced(finalPath: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('../trash/trash-put') as typeof import('../trash/trash-put')).trashByLink(finalPath);
}

function removeQuietly(p: string): void {
  try { fs.unlinkSync(fsPath(p)); } catch { /* not there: nothing to clean */ }
}
