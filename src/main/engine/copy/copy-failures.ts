import * as fs from 'node:fs';
import * as path from 'node:path';
import { toErrorValue, type ErrorCode, type ErrorSide } from '../../../shared/errors';
import type { BatchSettings, CopyTask, NoSpace, TaskOutcome } from './copy-protocol';
import type { DestEntry } from './types';
import { kindOfStats } from '../fs/entry-kind';
import { fsPath } from '../fs/byte-names';
import { SourceError } from './file-data';
import { decideBlockedPath, type Refusal } from './copy-decision';

/**
 * What a failed file operation of a copy means for the user: which side it names (source or
 * destination), whether the destination is full (the job pauses), or a file is in the way of a folder.
 * And the probes of the destination those decisions take.
 */

/** DEST/rel for a '/'-separated rel (concatenation: path.join's normalising shows in a copy's profile). */
export function destPath(dest: string, rel: string): string {
  return path.sep === '/' ? `${dest}/${rel}` : path.join(dest, rel);
}

export function classifyWriteError(err: unknown, task: CopyTask, s: BatchSettings, size: number): TaskOutcome | NoSpace {
  if (err instanceof SourceError) {
    if (err.errno.code === 'ENOENT') return vanishedWhileCopied(task.source, size);
    return failure(err.errno, task.source, size, 'source');
  }
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' && !exists(task.source)) return vanishedWhileCopied(task.source, size);
  // A reflink's error names no side: an unreadable source must not read as an unwritable destination.
  if ((code === 'EACCES' || code === 'EPERM') && !readable(task.source)) return failure(err, task.source, size, 'source');
  // The file's own name, not its temporary one (a full disk included).
  return blockedOrFailed(err, s, destPath(s.dest, task.rel), size);
}

function vanishedWhileCopied(source: string, size: number): TaskOutcome {
  return { o: 'failed', code: 'SOURCE_VANISHED', path: source, size, message: `The file disappeared while it was being copied: ${source}` };
}

/**
 * A failed write or folder creation at `finalPath`: a full destination (the one place that tells it), a
 * file in the way of a folder (ENOTDIR/EEXIST while creating folders), or a failure.
 */
export function blockedOrFailed(err: unknown, s: BatchSettings, finalPath: string, size: number): TaskOutcome | NoSpace {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return { o: 'nospace', code, message: toErrorValue(err, finalPath, 'destination').message, path: finalPath };
  }
  if (code !== 'ENOTDIR' && code !== 'EEXIST') return failure(err, finalPath, size);
  const action = decideBlockedPath(s.mode);
  switch (action.do) {
    case 'skip': return { o: 'skipped', reason: action.reason, size, existed: action.existed };
    case 'findBlocker': {
      const at = blockingAncestor(s.dest, finalPath);
      return at === null ? refusal('fileOnThePath', finalPath, size) : { o: 'blocked', at, size };
    }
    case 'refuse': return refusal(action.why, finalPath, size);
  }
}

const REFUSALS: Record<Refusal, { code: ErrorCode; message: (p: string) => string }> = {
  folderInTheWay: { code: 'EISDIR', message: (p) => `A folder is in the way at ${p}; Ferry never deletes a folder to make room for a file` },
  fileInTheWay: { code: 'ENOTDIR', message: (p) => `A file is in the way of the folder ${p}; it was not replaced` },
  fileOnThePath: { code: 'ENOTDIR', message: (p) => `A file is in the way of a folder on the path to ${p}; it was not replaced` },
};

/** What a refusal to overwrite (copy-decision.ts) tells the user. */
export function refusal(why: Refusal, finalPath: string, size: number): TaskOutcome {
  const r = REFUSALS[why];
  return { o: 'failed', code: r.code, path: finalPath, size, message: r.message(finalPath) };
}

/** The nearest ancestor of `finalPath` under DEST that exists and is not a folder, relative to DEST. */
function blockingAncestor(dest: string, finalPath: string): string | null {
  for (let p = path.dirname(finalPath); p.length > dest.length && p.startsWith(dest + path.sep); p = path.dirname(p)) {
    const e = lstatOrNull(p);
    if (e && e.kind !== 'dir') return path.relative(dest, p).split(path.sep).join('/');
  }
  return null;
}

export function failure(err: unknown, where: string, size: number, side: ErrorSide = 'destination'): TaskOutcome {
  const v = toErrorValue(err, where, side);
  return { o: 'failed', code: v.code as ErrorCode, message: v.message, path: where, size };
}

export function lstatOrNull(p: string): DestEntry | null {
  try {
    // Most destinations do not exist yet: no exception for that (an exception per file costs more than the lstat).
    const st = fs.lstatSync(fsPath(p), { throwIfNoEntry: false });
    if (!st) return null;
    const kind = kindOfStats(st);
    return { kind, size: kind === 'dir' ? 0 : st.size, mtimeMs: st.mtimeMs };
  } catch {
    return null;
  }
}

function readable(p: string): boolean {
  try { fs.accessSync(fsPath(p), fs.constants.R_OK); return true; } catch { return false; }
}

export function exists(p: string): boolean {
  try { return fs.lstatSync(fsPath(p), { throwIfNoEntry: false }) !== undefined; } catch { return false; }
}
