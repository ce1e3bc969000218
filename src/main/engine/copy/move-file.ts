import * as fs from 'node:fs';
import * as path from 'node:path';
import { toErrorValue, type ErrorCode } from '../../../shared/errors';
import { fsPath } from '../fs/byte-names';
import { isOwnCopy, type SourceFacts } from './copy-decision';
import { destPath, exists, failure, lstatOrNull } from './copy-failures';
import { fractionalMtimeMs } from './copy-times';
import { kindOfStats } from '../fs/entry-kind';
import { keepBothName } from './keep-both-name';
import { makeFolders } from './made-folders';
import type { BatchSettings, CopyTask, NoSpace, Stopped, TaskOutcome } from './copy-protocol';

type Outcome = TaskOutcome | NoSpace | Stopped;

/**
 * One file's move, inside a copy worker (docs/file-operations.md, "Moving"): what `decide` chose to write is
 * moved instead. On the source's own file system it is one rename (or, for Keep Both, a link to the free
 * name then the unlink of the old one), so the bytes never travel; across file systems (EXDEV) the file is
 * copied exactly as a copy does it (temp, then rename into place), and only then is the original removed,
 * once the copy under its final name has the original's size and mtime (and content, with `verify`).
 * So at every instant the file is whole under its final name in at least one place.
 */

/** Errors of rename/link that mean "not on this file system, or not this way": the bytes must be copied. */
const COPY_INSTEAD = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK']);

export type Placed = Extract<TaskOutcome, { o: 'copied' }>;

/**
 * Source device → DEST pairs that answered EXDEV in this worker: their next files go straight to the copy,
 * without a rename (and the folder making its ENOENT asks for) that can only fail again. (A bind mount of the
 * source's device answers EXDEV too: the files of that device beside it are then copied, not renamed — slower,
 * never wrong.)
 */
const acrossDevices = new Set<string>();

/**
 * A move of `task.source` to its final path (`how` as decided): a rename on its own file system; across file
 * systems `copy` (the copy's own write), then the original removed once the copy is checked (settleOriginal).
 */
export function moveFile(task: CopyTask, s: BatchSettings, finalPath: string, how: 'create' | 'replace' | 'keep-both',
  existed: boolean, size: number, sourceDev: bigint, copy: () => Outcome): Outcome {
  const devices = `${sourceDev}>${s.dest}`;
  try {
    const moved: Moved | CopyInstead = acrossDevices.has(devices) ? { copy: 'EXDEV', madeFolders: 0 }
      : how === 'keep-both' ? linkBeside(task.source, finalPath, task.rel) : renameInto(task.source, task.rel, finalPath);
    if ('copy' in moved) {
      if (moved.copy === 'EXDEV') acrossDevices.add(devices);
      const copied = copy();
      if (copied.o !== 'copied') return copied;
      // The rename may have made the file's folders before it was refused: the copy then found them.
      const madeFolders = moved.madeFolders + (copied.madeFolders ?? 0);
      return settleOriginal(task, s, { ...copied, ...(madeFolders > 0 ? { madeFolders } : {}) });
    }
    // A Keep Both link leaves the original's name behind: it goes now (a rename took it already).
    if (how === 'keep-both') {
      const removed = removeOriginal(task.source, size);
      if (removed) return removed;
    }
    return { o: 'copied', size, destRel: moved.destRel, existed, removed: true, ...(moved.madeFolders > 0 ? { madeFolders: moved.madeFolders } : {}) };
  } catch (err) {
    return failure(err, task.source, size, 'source');
  }
}

/**
 * Where a file was moved (relative to DEST), and how many of its folders that took to make (made-folders.ts);
 * or why it must be copied instead (the error code of the rename or link), with the folders made before that.
 */
type Moved = { destRel: string; madeFolders: number };
type CopyInstead = { copy: string; madeFolders: number };

/** rename(2) into place. The destination's folder is made if missing. */
function renameInto(source: string, rel: string, finalPath: string): Moved | CopyInstead {
  // A file can arrive before its folder's own item: the folder is made, once (ENOENT with the source there;
  // Linux says ENOENT for a missing folder before it says EXDEV for another file system).
  for (let madeFolders = -1; ; ) {
    try {
      fs.renameSync(fsPath(source), fsPath(finalPath));
      return { destRel: rel, madeFolders: Math.max(0, madeFolders) };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (COPY_INSTEAD.has(code)) return { copy: code, madeFolders: Math.max(0, madeFolders) };
      if (madeFolders >= 0 || code !== 'ENOENT' || !exists(source)) throw err;
      madeFolders = makeFolders(path.dirname(finalPath));
    }
  }
}

/** Keep Both without copying: link() claims the next free name (it fails if taken, unlike rename). */
function linkBeside(source: string, finalPath: string, rel: string): Moved | CopyInstead {
  const dir = path.dirname(finalPath);
  const relDir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/') + 1) : '';
  for (let tries = 0; ; tries++) {
    const name = keepBothName(path.basename(finalPath), (n) => exists(path.join(dir, n)));
    try {
      fs.linkSync(fsPath(source), fsPath(path.join(dir, name)));
      return { destRel: relDir + name, madeFolders: 0 };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (COPY_INSTEAD.has(code)) return { copy: code, madeFolders: 0 };
      if (code !== 'EEXIST' || tries > 100) throw err;
    }
  }
}

/**
 * The original of a file whose copy is in place (just written, or found by a resume): removed when the copy
 * under its final name has the original's kind, size and mtime (and, with `verify`, the same bytes); else
 * kept, and the file reported. Never removes an original that changed after it was copied.
 */
export function settleOriginal(task: CopyTask, s: BatchSettings, placed: Placed): TaskOutcome {
  let st: fs.BigIntStats;
  try {
    st = fs.lstatSync(fsPath(task.source), { bigint: true });
  } catch (err) {
    // Gone already (a resume after the unlink, before the checkpoint): the copy is what is left.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ...placed, removed: true };
    return failure(err, task.source, placed.size, 'source');
  }
  const kind = kindOfStats(st);
  const source: SourceFacts = { kind, size: kind === 'file' || kind === 'symlink' ? Number(st.size) : 0, mtimeMs: fractionalMtimeMs(st) };
  const copyPath = destPath(s.dest, placed.destRel);
  if (!isOwnCopy(lstatOrNull(copyPath), source) || (s.move?.verify && kind === 'file' && !sameBytes(task.source, copyPath))) {
    return kept(task.source, placed.size, 'SOURCE_CHANGED',
      `${task.source} was copied, but the original does not match its copy (it changed meanwhile); the original was kept`);
  }
  return removeOriginal(task.source, placed.size) ?? { ...placed, removed: true };
}

/** unlink(2) of an original; null when done, else its failure (the copy stays). */
function removeOriginal(source: string, size: number): TaskOutcome | null {
  try {
    fs.unlinkSync(fsPath(source));
    return null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    const v = toErrorValue(err, source, 'source');
    return kept(source, size, v.code, `${source}: copied but the original could not be removed (${v.code}: ${v.message})`);
  }
}

function kept(source: string, size: number, code: ErrorCode, message: string): TaskOutcome {
  return { o: 'failed', code, message, path: source, size };
}

/** Whether the file or link at `b` holds what `a` holds: the same bytes, or the same link target. */
export function sameContent(a: string, b: string, kind: string): boolean {
  try {
    if (kind === 'symlink') return fs.readlinkSync(fsPath(a), 'buffer').equals(fs.readlinkSync(fsPath(b), 'buffer'));
    return kind === 'file' && sameBytes(a, b);
  } catch {
    return false;
  }
}

/** `--verify`: the copy's bytes are the original's (a SHA-256 of each, read in chunks). */
function sameBytes(a: string, b: string): boolean {
  return digest(a) === digest(b);
}

function digest(file: string): string {
  // Loaded only here (see file-copy.ts: node:crypto costs a worker's start-up).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  const hash = createHash('sha256');
  const fd = fs.openSync(fsPath(file), 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}
