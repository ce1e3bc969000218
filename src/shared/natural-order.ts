const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * Names as people sort them ("file 2" before "file 10", case and accents aside), and never 0 for two
 * different names: a total order, so that the engine's pages and the window's sort agree exactly.
 */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
