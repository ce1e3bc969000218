/**
 * How a destination's modification time compares with its source's, allowing for what the destination
 * can keep. One rule for the engine (a resume knowing its own copies, `skip-newer`) and the UI (the
 * conflict modal's "newer" / "same date" labels), so that they never disagree. Times are fractional
 * milliseconds. A copy's time is the source's exactly (to the nanosecond, see file-times.ts), or to the
 * microsecond where the platform cannot set nanoseconds or a source reports whole milliseconds, on most
 * filesystems; but a coarse one cuts it to its own step: whole seconds (HFS+, ext3 and other 128-byte
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

/** How the two rows of a conflict compare: the same time (as a copy would have it), or which is newer. */
export type TimeOrder = 'same' | 'destinationNewer' | 'sourceNewer';

export function compareModified(destMs: number, sourceMs: number): TimeOrder {
  if (sameTimeAsCopy(destMs, sourceMs)) return 'same';
  return destMs > sourceMs ? 'destinationNewer' : 'sourceNewer';
}
