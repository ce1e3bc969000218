import * as fs from 'node:fs';

/**
 * Setting a file's access and modification times. Every caller goes through here so that the precision
 * is decided in one place. Node's utimes family takes seconds as a double and libuv then cuts them to
 * the microsecond, so this keeps microseconds.
 */

/** Sets `p`'s times from nanoseconds since the epoch; `link` sets a symlink's own times (never its target's). */
export function setTimesNs(p: string | Buffer, atimeNs: bigint, mtimeNs: bigint, link = false): void {
  if (link) fs.lutimesSync(p, seconds(atimeNs), seconds(mtimeNs));
  else fs.utimesSync(p, seconds(atimeNs), seconds(mtimeNs));
}

/** The asynchronous `setTimesNs` (libuv's pool), for many folders at the end of a job. */
export function setTimesNsAsync(p: string | Buffer, atimeNs: bigint, mtimeNs: bigint): Promise<void> {
  return fs.promises.utimes(p, seconds(atimeNs), seconds(mtimeNs));
}

/**
 * Seconds for utimes from nanoseconds. libuv truncates the fraction, and a double holds a 2026 time to
 * about 0.24 µs: half a microsecond more makes the truncation land on the right microsecond.
 */
function seconds(ns: bigint): number {
  return Number(ns / 1_000_000_000n) + (Number(ns % 1_000_000_000n) + 500) / 1e9;
}
