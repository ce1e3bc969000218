import * as fs from 'node:fs';
import * as path from 'node:path';
import { toErrorValue, type ErrorCode, type ErrorSide } from '../../../shared/errors';
import type { BatchSettings, CopyTask, NoSpace, TaskOutcome } from './copy-protocol';
import type { OverwriteMode } from '../../../shared/types';
import type { DestEntry } from './types';
import { keepBothName } from './keep-both-name';
import { kindOfStats } from '../fs/entry-kind';
import { fractionalMtimeMs, notOlderThanSource, sameTimeAsCopy } from './copy-times';

/**
 * One file's copy, synchronous, run inside a copy worker thread (blocking is free there, and a sync
 * call costs less than a promise round trip). Decides by overwrite mode, copies to a temporary name
 * beside the destination, keeps mode and times, then renames into place: a file never appears
 * half-written under its final name, and a replaced file stays whole until the new one is.
 */

type SourceKind = 'file' | 'dir' | 'symlink' | 'special';

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
  if (Buffer.byteLength(plain) <= NAME_MAX) return dir + plain;
  // Loaded only here: node:crypto costs each copy worker ~30 ms of start-up, and most names fit.
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  const digest = createHash('sha1').update(name).digest('hex').slice(0, 16);
  return `${dir}${tempPrefix}#${digest}.tmp`;
}

/** DEST/rel for a '/'-separated rel (concatenation: path.join's normalising shows in a copy's profile). */
function destPath(dest: string, rel: string): string {
  return path.sep === '/' ? `${dest}/${rel}` : path.join(dest, rel);
}

export function tempPrefixFor(jobId: string): string {
  return `.ferry-${jobId.replace(/-/g, '').slice(0, 8)}-`;
}

export function processTask(task: CopyTask, s: BatchSettings): TaskOutcome | NoSpace {
  let st: fs.BigIntStats;
  try {
    st = fs.lstatSync(task.source, { bigint: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      if (s.resume) removeQuietly(tempPathFor(destPath(s.dest, task.rel), s.tempPrefix));
      return { o: 'skipped', reason: 'vanished', size: 0, existed: false };
    }
    return failure(err, task.source, 0, 'source');
  }
  const kind: SourceKind = st.isSymbolicLink() ? 'symlink' : st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'special';
  const size = kind === 'dir' ? 0 : Number(st.size);
  if (kind === 'special') return { o: 'skipped', reason: 'special', size: 0, existed: false };
  const finalPath = destPath(s.dest, task.rel);

  if (task.doneBefore && kind !== 'dir') {
    const done = lstatOrNull(destPath(s.dest, task.doneBefore.destRel));
    if (done && done.kind === kind && done.size === size && sameTimeAsCopy(done.mtimeMs, fractionalMtimeMs(st))) {
      return { o: 'already', size, destRel: task.doneBefore.destRel };
    }
  }
  const existing = task.hint === 'unknown' || (task.hint && Number.isNaN(task.hint.mtimeMs) && decisionsReadDestinationTimes(s.mode, s.resume))
    ? lstatOrNull(finalPath) : task.hint;
  if (kind === 'dir') return copyDirectory(task, s, st, finalPath, existing);
  if (!existing) return write(task, s, st, kind, finalPath, 'create', false);

  if (s.resume && existing.kind === kind && existing.size === size && sameTimeAsCopy(existing.mtimeMs, fractionalMtimeMs(st))) {
    // A file copied by the interrupted run whose checkpoint row had not been written yet.
    return { o: 'already', size, destRel: task.rel };
  }
  const mode = task.force ?? s.mode;
  if (existing.kind === 'dir') {
    switch (mode) {
      case 'skip': return { o: 'skipped', reason: 'alreadyExists', size, existed: true };
      case 'keep-both': return write(task, s, st, kind, finalPath, 'keep-both', true);
      case 'prompt': return conflict(st, kind, existing);
      case 'replace':
        if (task.force) return replaceEmptyDirectory(task, s, st, kind, finalPath);
        return refuseFolderInTheWay(finalPath, size);
      default: return refuseFolderInTheWay(finalPath, size);
    }
  }
  switch (mode) {
    case 'skip': return { o: 'skipped', reason: 'alreadyExists', size, existed: true };
    case 'skip-newer':
      if (notOlderThanSource(existing.mtimeMs, fractionalMtimeMs(st))) {
        return { o: 'skipped', reason: 'destinationNewer', size, existed: true };
      }
      return write(task, s, st, kind, finalPath, 'replace', true);
    case 'replace': return write(task, s, st, kind, finalPath, 'replace', true);
    case 'keep-both': return write(task, s, st, kind, finalPath, 'keep-both', true);
    case 'prompt': return conflict(st, kind, existing);
  }
}

/**
 * Whether deciding a file reads the destination's size and mtime: `prompt` shows both files, `skip-newer`
 * compares times, a resume recognises its own copies. The other modes need only what is there (a kinds-only
 * destination map serves them).
 */
export function decisionsReadDestinationTimes(mode: OverwriteMode, resume: boolean): boolean {
  return resume || mode === 'prompt' || mode === 'skip-newer';
}

function copyDirectory(task: CopyTask, s: BatchSettings, st: fs.BigIntStats, finalPath: string,
  existing: DestEntry | null): TaskOutcome | NoSpace {
  if (existing?.kind === 'dir') return { o: 'dir', existed: true, ...times(st) };
  if (existing) {
    // A folder meeting a file: Ferry never turns a file into a folder on its own.
    const mode = task.force ?? s.mode;
    if (mode === 'prompt') return conflict(st, 'dir', existing);
    if (mode === 'skip' || mode === 'skip-newer') return { o: 'skipped', reason: 'alreadyExists', size: 0, existed: true };
    if (task.force === 'replace') {
      try { fs.unlinkSync(finalPath); } catch (err) { return failure(err, finalPath, 0); }
    } else {
      return {
        o: 'failed', code: 'ENOTDIR', path: finalPath, size: 0,
        message: `A file is in the way of the folder ${finalPath}; it was not replaced`,
      };
    }
  }
  try {
    fs.mkdirSync(finalPath, { recursive: true });
    fs.chmodSync(finalPath, Number(st.mode) & 0o7777);
    return { o: 'dir', existed: false, ...times(st) };
  } catch (err) {
    return blockedOrFailed(err, s, finalPath, 0);
  }
}

type WriteKind = 'create' | 'replace' | 'keep-both';

function write(task: CopyTask, s: BatchSettings, st: fs.BigIntStats, kind: 'file' | 'symlink', finalPath: string,
  how: WriteKind, existed: boolean): TaskOutcome | NoSpace {
  const size = Number(st.size);
  const tmp = tempPathFor(finalPath, s.tempPrefix);
  try {
    writeTemp(task.source, tmp, st, kind);
  } catch (err) {
    removeQuietly(tmp);
    return classifyWriteError(err, task, s, tmp, size);
  }
  try {
    if (how === 'keep-both') {
      const destRel = placeBeside(tmp, finalPath, task.rel);
      return { o: 'copied', size, destRel, existed };
    }
    fs.renameSync(tmp, finalPath);
    return { o: 'copied', size, destRel: task.rel, existed };
  } catch (err) {
    removeQuietly(tmp);
    return failure(err, finalPath, size);
  }
}

function writeTemp(source: string, tmp: string, st: fs.BigIntStats, kind: 'file' | 'symlink'): void {
  const attempt = () => {
    if (kind === 'symlink') {
      removeQuietly(tmp);
      fs.symlinkSync(fs.readlinkSync(source), tmp);
      fs.lutimesSync(tmp, seconds(st.atimeNs), seconds(st.mtimeNs));
    } else {
      // COPYFILE_FICLONE: a reflink where the filesystem can, a plain (copy_file_range) copy otherwise.
      // libuv creates the copy with the source's mode and fchmod()s it to exactly that mode (umask aside).
      fs.copyFileSync(source, tmp, fs.constants.COPYFILE_FICLONE);
      fs.utimesSync(tmp, seconds(st.atimeNs), seconds(st.mtimeNs));
    }
  };
  try {
    attempt();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || !exists(source)) throw err;
    // The destination folder is not there yet (a file can arrive before its folder's own item).
    fs.mkdirSync(path.dirname(tmp), { recursive: true });
    attempt();
  }
}

function times(st: fs.BigIntStats): { atime: number; mtime: number } {
  return { atime: seconds(st.atimeNs), mtime: seconds(st.mtimeNs) };
}

/**
 * Seconds for utimes from nanoseconds. libuv truncates the fraction, and a double holds a 2026 time to
 * about 0.24 µs: half a microsecond more makes the truncation land on the right microsecond.
 */
function seconds(ns: bigint): number {
  return Number(ns / 1_000_000_000n) + (Number(ns % 1_000_000_000n) + 500) / 1e9;
}

/** Keep Both: claims the next free Finder name with link() (fails if taken, unlike rename). */
function placeBeside(tmp: string, finalPath: string, rel: string): string {
  const dir = path.dirname(finalPath);
  const relDir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/') + 1) : '';
  for (let tries = 0; ; tries++) {
    const name = keepBothName(path.basename(finalPath), (n) => exists(path.join(dir, n)));
    try {
      fs.linkSync(tmp, path.join(dir, name));
      fs.unlinkSync(tmp);
      return relDir + name;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || tries > 100) throw err;
    }
  }
}

function replaceEmptyDirectory(task: CopyTask, s: BatchSettings, st: fs.BigIntStats, kind: 'file' | 'symlink',
  finalPath: string): TaskOutcome | NoSpace {
  try {
    fs.rmdirSync(finalPath);
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
  return write(task, s, st, kind, finalPath, 'create', true);
}

function refuseFolderInTheWay(finalPath: string, size: number): TaskOutcome {
  return {
    o: 'failed', code: 'EISDIR', path: finalPath, size,
    message: `A folder is in the way at ${finalPath}; Ferry never deletes a folder to make room for a file`,
  };
}

function conflict(st: fs.BigIntStats, kind: SourceKind, existing: DestEntry): TaskOutcome {
  return {
    o: 'conflict', sourceSize: kind === 'dir' ? 0 : Number(st.size), sourceModified: Number(st.mtimeMs),
    destSize: existing.size, destModified: existing.mtimeMs, sourceKind: kind, destKind: existing.kind,
  };
}

function classifyWriteError(err: unknown, task: CopyTask, s: BatchSettings, tmp: string, size: number): TaskOutcome | NoSpace {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    const v = toErrorValue(err, destPath(s.dest, task.rel), 'destination');
    return { o: 'nospace', code, message: v.message, path: destPath(s.dest, task.rel) };
  }
  if (code === 'ENOENT' && !exists(task.source)) {
    return {
      o: 'failed', code: 'SOURCE_VANISHED', path: task.source, size,
      message: `The file disappeared while it was being copied: ${task.source}`,
    };
  }
  // copyfile's error names no side: an unreadable source must not read as an unwritable destination.
  if ((code === 'EACCES' || code === 'EPERM') && !readable(task.source)) return failure(err, task.source, size, 'source');
  return blockedOrFailed(err, s, destPath(s.dest, task.rel), size);
}

/** ENOTDIR/EEXIST while creating folders: a file sits where a parent folder should be. */
function blockedOrFailed(err: unknown, s: BatchSettings, finalPath: string, size: number): TaskOutcome | NoSpace {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return { o: 'nospace', code, message: toErrorValue(err, finalPath).message, path: finalPath };
  }
  if (code === 'ENOTDIR' || code === 'EEXIST') {
    if (s.mode === 'skip' || s.mode === 'skip-newer') return { o: 'skipped', reason: 'alreadyExists', size, existed: true };
    const at = s.mode === 'prompt' ? blockingAncestor(s.dest, finalPath) : null;
    if (at !== null) return { o: 'blocked', at, size };
    return {
      o: 'failed', code: 'ENOTDIR', path: finalPath, size,
      message: `A file is in the way of a folder on the path to ${finalPath}; it was not replaced`,
    };
  }
  return failure(err, finalPath, size);
}

/** The nearest ancestor of `finalPath` under DEST that exists and is not a folder, relative to DEST. */
function blockingAncestor(dest: string, finalPath: string): string | null {
  for (let p = path.dirname(finalPath); p.length > dest.length && p.startsWith(dest + path.sep); p = path.dirname(p)) {
    const e = lstatOrNull(p);
    if (e && e.kind !== 'dir') return path.relative(dest, p).split(path.sep).join('/');
  }
  return null;
}

function failure(err: unknown, where: string, size: number, side: ErrorSide = 'destination'): TaskOutcome {
  const v = toErrorValue(err, where, side);
  return { o: 'failed', code: v.code as ErrorCode, message: v.message, path: where, size };
}

export function lstatOrNull(p: string): DestEntry | null {
  try {
    // Most destinations do not exist yet: no exception for that (an exception per file costs more than the lstat).
    const st = fs.lstatSync(p, { throwIfNoEntry: false });
    if (!st) return null;
    const kind = kindOfStats(st);
    return { kind, size: kind === 'dir' ? 0 : st.size, mtimeMs: st.mtimeMs };
  } catch {
    return null;
  }
}

function readable(p: string): boolean {
  try { fs.accessSync(p, fs.constants.R_OK); return true; } catch { return false; }
}

function exists(p: string): boolean {
  try { return fs.lstatSync(p, { throwIfNoEntry: false }) !== undefined; } catch { return false; }
}

function removeQuietly(p: string): void {
  try { fs.unlinkSync(p); } catch { /* not there: nothing to clean */ }
}
