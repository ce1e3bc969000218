import type * as fs from 'node:fs';

/** The rule itself is shared with the renderer's conflict modal (src/shared/copy-times.ts). */
export { compareModified, notOlderThanSource, sameTimeAsCopy } from '../../../shared/copy-times';

/**
 * A BigIntStats' mtime in fractional milliseconds. Its `mtimeMs` is truncated to whole milliseconds,
 * while a copy's time (rounded to the microsecond where nanoseconds cannot be set) can land on the next one.
 */
export function fractionalMtimeMs(st: fs.BigIntStats): number {
  return Number(st.mtimeNs) / 1e6;
}
