import * as fs from 'node:fs';
import { fsPath } from '../fs/byte-names';
import type { SharedRateLimit } from './rate-limit';

/**
 * A regular file's bytes, copied to its temporary name by Ferry's own bounded loop. Node's copyFileSync
 * is not used: libuv's copyfile loops on sendfile until st_size bytes went, and a file that yields less
 * than its size says (any file under /sys, a file truncated while it is read) makes that loop spin for
 * ever, deaf to every signal; a file whose size says 0 (/proc) comes out empty. This loop reads into one
 * reused buffer until a read returns 0 (or the size is reached), checks the job's stop flag and speed
 * limit between chunks, and compares the source before and after: a file that changed while it was read
 * is copied again, a few times at most.
 */

/** What a copy loop needs from its worker: the job's stop flag and speed limit, and the bytes as they flow. */
export interface CopyControl {
  /** Non-zero: stop (pause or interrupt). Also what a rate-limit wait sleeps on, so a stop wakes it. */
  stopFlag: Int32Array | null;
  rate: SharedRateLimit | null;
  onBytes: ((bytes: number) => void) | null;
}

export const UNCONTROLLED: CopyControl = { stopFlag: null, rate: null, onBytes: null };

export type DataResult =
  /** `source`: the source as it was copied (mode and times to keep); `bytes`: what was really copied. */
  | { r: 'copied'; bytes: number; source: fs.BigIntStats }
  /** Still changing after every attempt; `size`: its size at the last look. */
  | { r: 'changed'; size: number }
  | { r: 'stopped' };

/** An error of the source side (open, read, fstat), so that it is reported against the source. */
export class SourceError extends Error {
  constructor(readonly errno: NodeJS.ErrnoException) { super(errno.message); }
}

/** The first copy and up to three more when the source changed while it was read. */
export const ATTEMPTS = 4;
const CHUNK = 1024 * 1024;
/** One buffer per worker thread, reused by every file. */
let buffer: Buffer | null = null;
/** The bits of a mode that open() would lose to this process's umask (read once: it does not change). */
const UMASK = process.umask();
/** Reflinks found unsupported, per source device and destination: tried once, then no syscall per file. */
const noReflink = new Set<string>();
/** Errors of a reflink attempt that say something about the file rather than about reflinks. */
const REAL_ERRORS = new Set(['ENOENT', 'EACCES', 'ENOSPC', 'EDQUOT', 'ENAMETOOLONG', 'ENOTDIR', 'EISDIR', 'EROFS', 'EMFILE', 'ENFILE', 'EIO']);

/**
 * Copies `source` (as lstat'ed in `before`) to `tmp`, created or truncated with the source's mode.
 * `fixMode`: `tmp` may already exist (a resume's leftover), so its mode is set explicitly.
 */
export function copyFileData(source: string, tmp: string, before: fs.BigIntStats, reflinkKey: string,
  ctl: CopyControl, fixMode: boolean): DataResult {
  if (before.size > 0n && !noReflink.has(reflinkKey) && !ctl.rate) {
    const cloned = tryReflink(source, tmp, before, reflinkKey);
    if (cloned) return cloned;
  }
  let st = before;
  for (let attempt = 1; ; attempt++) {
    const result = copyOnce(source, tmp, st, ctl, fixMode || attempt > 1);
    if (result.r !== 'read') return result;
    if (!moved(st, result.after)) return { r: 'copied', bytes: result.bytes, source: st };
    ctl.onBytes?.(-result.bytes); // the progress counts the next attempt's bytes instead
    if (attempt === ATTEMPTS) return { r: 'changed', size: Number(result.after.size) };
    st = result.after;
  }
}

type Once = { r: 'read'; bytes: number; after: fs.BigIntStats } | { r: 'stopped' };

function copyOnce(source: string, tmp: string, before: fs.BigIntStats, ctl: CopyControl, fixMode: boolean): Once {
  const mode = Number(before.mode) & 0o7777;
  // O_NONBLOCK: a pseudo-file that would wait for data (a trace pipe, a kernel message queue) fails
  // with EAGAIN instead of blocking the worker out of reach of a stop. Regular files ignore it.
  const input = onSource(() => fs.openSync(fsPath(source), fs.constants.O_RDONLY | fs.constants.O_NONBLOCK));
  let output = -1;
  try {
    output = fs.openSync(fsPath(tmp), 'w', mode);
    if (fixMode || (mode & ~UMASK) !== mode) fs.fchmodSync(output, mode);
    const buf = (buffer ??= Buffer.allocUnsafe(CHUNK));
    const chunk = ctl.rate ? Math.min(CHUNK, Math.max(16 * 1024, Math.floor(ctl.rate.bytesPerSecond / 10))) : CHUNK;
    const size = Number(before.size);
    let bytes = 0;
    for (;;) {
      if (ctl.stopFlag && Atomics.load(ctl.stopFlag, 0) !== 0) return { r: 'stopped' };
      const n = onSource(() => fs.readSync(input, buf, 0, chunk, null));
      if (n === 0) break;
      for (let off = 0; off < n;) off += fs.writeSync(output, buf, off, n - off);
      bytes += n;
      ctl.onBytes?.(n);
      if (ctl.rate) waitForRate(ctl, n);
      // The size reached: the end, without one more read to see 0 (a file that grew shows in the fstat).
      if (size > 0 && bytes === size) break;
    }
    return { r: 'read', bytes, after: onSource(() => fs.fstatSync(input, { bigint: true })) };
  } finally {
    fs.closeSync(input);
    if (output >= 0) fs.closeSync(output);
  }
}

function waitForRate(ctl: CopyControl, bytes: number): void {
  const waitNs = ctl.rate!.charge(bytes, process.hrtime.bigint());
  if (waitNs === 0n) return;
  // Sleeps on the stop flag: a pause or an interrupt (Atomics.notify) wakes it at once.
  const flag = ctl.stopFlag ?? new Int32Array(new SharedArrayBuffer(4));
  Atomics.wait(flag, 0, 0, Number(waitNs) / 1e6);
}

/** A reflink (copy-on-write clone) where the file system has them; null where it has not (remembered). */
function tryReflink(source: string, tmp: string, before: fs.BigIntStats, key: string): DataResult | null {
  try {
    // FICLONE_FORCE fails instead of falling back to libuv's copy loop (which can spin on pseudo-files).
    fs.copyFileSync(fsPath(source), fsPath(tmp), fs.constants.COPYFILE_FICLONE_FORCE);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (REAL_ERRORS.has(code)) return null; // the byte loop meets it again and reports it on its side
    noReflink.add(key);
    return null;
  }
  // A clone is the file at one instant: right if that instant is still the lstat's.
  const after = fs.lstatSync(fsPath(source), { bigint: true, throwIfNoEntry: false });
  if (!after || moved(before, after)) return null;
  return { r: 'copied', bytes: Number(before.size), source: before };
}

/** Whether the source is no longer the file that was stat'ed: its size, mtime, ctime or identity moved. */
function moved(a: fs.BigIntStats, b: fs.BigIntStats): boolean {
  return a.size !== b.size || a.mtimeNs !== b.mtimeNs || a.ctimeNs !== b.ctimeNs || a.ino !== b.ino || a.dev !== b.dev;
}

function onSource<T>(call: () => T): T {
  try {
    return call();
  } catch (err) {
    throw new SourceError(err as NodeJS.ErrnoException);
  }
}
