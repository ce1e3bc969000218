/** Sorted runs this long are made with Array.prototype.sort, then merged in steps. */
const RUN = 2048;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Sorts `items` (a new array; the input is left alone) without holding the event loop for long: a
 * natural-order sort of 100,000 names costs about half a second of Intl.Collator comparisons, and the
 * host (the browser host's WebSocket, Electron's main process) must keep answering meanwhile. A
 * bottom-up merge sort whose work is cut into steps of at most `stepCompares` comparisons, yielding
 * between steps. Stable. Stops early (returning null) when `cancelled()` turns true.
 */
export async function sortYielding<T>(
  items: readonly T[],
  compare: (a: T, b: T) => number,
  options: { stepCompares?: number; cancelled?: () => boolean } = {},
): Promise<T[] | null> {
  const stepCompares = options.stepCompares ?? 20_000;
  const cancelled = options.cancelled ?? (() => false);
  const n = items.length;
  let src = items.slice();
  let dst = new Array<T>(n);
  // Checked inline, not through an awaited helper: a microtask per comparison would cost more than the sort.
  let spent = 0;

  for (let lo = 0; lo < n; lo += RUN) {
    const run = src.slice(lo, lo + RUN).sort(compare);
    for (let k = 0; k < run.length; k++) src[lo + k] = run[k]!;
    spent += run.length * 11; // a run costs about RUN·log2(RUN) comparisons
    if (spent >= stepCompares) {
      spent = 0;
      await yieldToEventLoop();
      if (cancelled()) return null;
    }
  }
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        dst[k++] = compare(src[j]!, src[i]!) < 0 ? src[j++]! : src[i++]!;
        if (++spent >= stepCompares) {
          spent = 0;
          await yieldToEventLoop();
          if (cancelled()) return null;
        }
      }
      while (i < mid) dst[k++] = src[i++]!;
      while (j < hi) dst[k++] = src[j++]!;
    }
    [src, dst] = [dst, src];
  }
  return src;
}

/**
 * The `k` smallest items in order, in about n comparisons for input in no particular order (most items
 * lose against the current k-th at once). Equal to `sorted.slice(0, k)` when `compare` is a total order.
 */
export function smallest<T>(items: readonly T[], k: number, compare: (a: T, b: T) => number): T[] {
  if (k <= 0) return [];
  const best: T[] = items.slice(0, k).sort(compare);
  for (let idx = k; idx < items.length; idx++) {
    const item = items[idx]!;
    if (compare(item, best[k - 1]!) >= 0) continue;
    let lo = 0;
    let hi = k - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(best[mid]!, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, item);
    best.pop();
  }
  return best;
}
