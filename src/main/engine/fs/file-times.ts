import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import { encodeName } from './byte-names';

/**
 * Setting a file's access and modification times. Every caller goes through here so that the precision
 * is decided in one place.
 *
 * Node's utimes family takes seconds as a double and libuv then cuts them to the microsecond, while
 * `cp -a` and rsync keep the nanoseconds. So the times are set by a small Node-API addon
 * (native/file-times: one utimensat(2) call, the path as bytes, the times as integers), built next to
 * better-sqlite3 by scripts/build.js. Where it is missing or cannot load (a platform without utimensat,
 * a failed compile), the times fall back to utimes' microseconds, said once on stderr.
 */

interface TimesAddon {
  utimens(p: Buffer, atimeNs: bigint, mtimeNs: bigint, nofollow: boolean): number;
  utimensAsync(p: Buffer, atimeNs: bigint, mtimeNs: bigint, nofollow: boolean, done: (result: number) => void): void;
}

/** The addon's build output, from this file's place in out/node/src/main/engine/fs, or next to a packaged app. */
function addonCandidates(): string[] {
  const root = path.resolve(__dirname, '..', '..', '..', '..', '..', '..');
  const found = [path.join(root, 'native', 'file-times', 'build', 'Release', 'ferry_file_times.node')];
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) found.push(path.join(resources, 'native', 'ferry_file_times.node'));
  return found;
}

let addon: TimesAddon | null | undefined;
let fallbackReason = '';

function loadAddon(): TimesAddon | null {
  if (addon !== undefined) return addon;
  addon = null;
  if (process.env.FERRY_NATIVE_TIMES === '0') fallbackReason = 'FERRY_NATIVE_TIMES=0';
  else {
    const reasons: string[] = [];
    for (const file of addonCandidates()) {
      if (!fs.existsSync(file)) { reasons.push(`${file} not built`); continue; }
      try {
        // A native addon is loaded by its path at run time, which only require() does.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        addon = require(file) as TimesAddon;
        break;
      } catch (err) {
        reasons.push(`${file}: ${(err as Error).message}`);
      }
    }
    if (!addon) fallbackReason = reasons.join('; ');
  }
  if (!addon) {
    // Once per thread: each worker_thread loads its own copy of this module.
    process.stderr.write(`ferry: note: file times are kept to the microsecond only (native time addon unavailable: ${fallbackReason}).\n`);
  }
  return addon;
}

/** 'ns' when times are set exactly, 'us' when they fall back to utimes' microseconds (and why). */
export function timesPrecision(): { unit: 'ns' | 'us'; reason: string } {
  return loadAddon() ? { unit: 'ns', reason: '' } : { unit: 'us', reason: fallbackReason };
}

/** Sets `p`'s times from nanoseconds since the epoch; `link` sets a symlink's own times (never its target's). */
export function setTimesNs(p: string | Buffer, atimeNs: bigint, mtimeNs: bigint, link = false): void {
  const native = loadAddon();
  if (native) {
    const result = native.utimens(bytes(p), atimeNs, mtimeNs, link);
    if (result !== 0) throw systemError(result, p);
  } else if (link) fs.lutimesSync(p, seconds(atimeNs), seconds(mtimeNs));
  else fs.utimesSync(p, seconds(atimeNs), seconds(mtimeNs));
}

/** The asynchronous `setTimesNs` (libuv's pool), for many folders at the end of a job. */
export function setTimesNsAsync(p: string | Buffer, atimeNs: bigint, mtimeNs: bigint): Promise<void> {
  const native = loadAddon();
  if (!native) return fs.promises.utimes(p, seconds(atimeNs), seconds(mtimeNs));
  return new Promise((resolve, reject) => {
    native.utimensAsync(bytes(p), atimeNs, mtimeNs, false, (result) => {
      if (result === 0) resolve();
      else reject(systemError(result, p));
    });
  });
}

/** A path's exact bytes: a string may hold escaped bytes of a name that is not UTF-8 (byte-names.ts). */
function bytes(p: string | Buffer): Buffer {
  return typeof p === 'string' ? encodeName(p) : p;
}

/** An error like fs's own (`code`, `errno`, `syscall`, `path`), from the addon's negative errno. */
function systemError(errno: number, p: string | Buffer): NodeJS.ErrnoException {
  const [code, description] = util.getSystemErrorMap().get(errno) ?? [`E${-errno}`, 'unknown error'];
  const shown = typeof p === 'string' ? p : p.toString();
  const err: NodeJS.ErrnoException = new Error(`${code}: ${description}, utimensat '${shown}'`);
  err.errno = errno;
  err.code = code;
  err.syscall = 'utimensat';
  err.path = shown;
  return err;
}

/**
 * Seconds for utimes from nanoseconds. libuv truncates the fraction, and a double holds a 2026 time to
 * about 0.24 µs: half a microsecond more makes the truncation land on the right microsecond.
 */
function seconds(ns: bigint): number {
  return Number(ns / 1_000_000_000n) + (Number(ns % 1_000_000_000n) + 500) / 1e9;
}
