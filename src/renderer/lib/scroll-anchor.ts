/**
 * Keeping the rows on screen in place when rows come or go above them (a live folder, a page merged into a
 * size order): the row at the top edge of the view is the anchor, and the list scrolls by the height of the
 * rows inserted or removed above it, so that the anchor stays at the same distance from the top, to the pixel.
 * The browser's own scroll anchoring cannot do it: the rows are placed by transform in a spacer of fixed
 * height, which that mechanism does not follow.
 *
 * At the very top (offset 0) nothing is anchored: the view shows the start of the folder, and a name that
 * sorts first appears there, as in a folder just opened.
 */
export function anchoredOffset(before: readonly string[], after: readonly string[], offset: number, rowHeight: number): number {
  if (before === after || offset <= 0 || rowHeight <= 0) return offset;
  const first = Math.floor(offset / rowHeight);
  // The common case, a row changed in place or added below the view: the anchor is where it was.
  if (first >= before.length || before[first] === after[first]) return offset;
  let indexOf: Map<string, number> | null = null;
  // The anchor itself may be gone: then the first row after it that is still there holds the view.
  for (let k = first; k < before.length; k++) {
    const key = before[k]!;
    const at = after[k] === key ? k : (indexOf ??= new Map(after.map((p, i) => [p, i]))).get(key);
    if (at !== undefined) return Math.max(0, offset + (at - k) * rowHeight);
  }
  return offset;
}
