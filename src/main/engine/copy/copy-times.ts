import type * as fs from 'node:fs';

/**
 * How a destination's modification time compares with its source's, allowing for what the destination
 * can keep. A copy's time is the source's rounded to the microsecond (utimes' resolution) on most
 * filesystems, but a coarse one cuts it to its own step: whole seconds (HFS+, ext3 and other 128-byte
 * inode filesystems), two seconds (FAT: Linux rounds down, Windows up) or hundredths (exFAT). Compared
 * to the millisecond, every file Ferry copied to a USB stick would look changed: a resume would ask
 * about its own copies, and `skip-newer` would copy everything again. rsync's `--modify-window` is the
 * same allowance, chosen by hand; here the destination's own time tells its step.
 */

/** Whether `destMs` is the time a copy of a file modified at `sourceMs` would have. */
export function sameTimeAsCopy(destMs: number, sourceMs: number): boolean {
  return Math.abs(destMs - sourceMs) < allowanceMs(destMs);
}

/** Whether the destination is not older than its source (the same time counts as not older). */
export function notOlderThanSource(destMs: number, sourceMs: number): boolean {
  return destMs >= sourceMs || sameTimeAsCopy(destMs, sourceMs);
}

/**
 * A time kept in whole seconds may be up to 2 s away (FAT's step, either way), one kept in hundredths
 * up to 10 ms; any other is the copy's to the millisecond. (A time on a fine filesystem lands on a whole
 * second by chance about once in a million files, and then only widens the allowance for that one.)
 */
function allowanceMs(destMs: number): number {
  if (destMs % 1000 === 0) return 2000;
  if (destMs % 10 === 0) return 10;
  return 1;
}

/**
 * A BigIntStats' mtime in fractional milliseconds. Its `mtimeMs` is truncated to whole milliseconds,
 * while a copy's time (rounded to the microsecond) can land on the next one.
 */
export function fractionalMtimeMs(st: fs.BigIntStats): number {
  return Number(st.mtimeNs) / 1e6;
}
