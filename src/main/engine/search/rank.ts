/**
 * How well a name matches a library search, best first: the whole name, its start, the start of a word
 * in it, anywhere in it. Pure: the search index decides the order of its hits with this alone.
 */
export const MATCH_TIERS = ['exact', 'prefix', 'word', 'substring'] as const;
export type MatchTier = (typeof MATCH_TIERS)[number];

/** A letter or digit: a match right after anything else (space, `_`, `-`, `.`, `(`) starts a word. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return WORD_CHAR.test(text[i]!);
}

/**
 * The tier of `name` (case-folded) for `query` (case-folded, non-empty), or -1 when it does not contain
 * it. Returns the index into MATCH_TIERS.
 */
export function matchTier(name: string, query: string): number {
  const at = name.indexOf(query);
  return at < 0 ? -1 : matchTierIn(name, 0, name.length, at, query);
}

/**
 * matchTier for the name at [start, end) of a longer text (a folder's joined names), given the first
 * position `at` of `query` in it: no slice is made, the search scans each of thousands of matches.
 */
export function matchTierIn(text: string, start: number, end: number, at: number, query: string): number {
  if (at === start) return end - start === query.length ? 0 : 1;
  for (; at >= 0 && at + query.length <= end; at = text.indexOf(query, at + 1)) {
    if (!isWordChar(text, at - 1)) return 2;
  }
  return 3;
}

/** One candidate as the search orders them: tier, then the shorter full path, then the path itself. */
export interface RankKey {
  tier: number;
  pathLength: number;
  path: string;
}

export function compareRank(a: RankKey, b: RankKey): number {
  return a.tier - b.tier || a.pathLength - b.pathLength || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

/**
 * The best `limit` of a stream of candidates, without sorting them all: a common query ("a") matches
 * most of a library, and only the first screenful is shown. Kept sorted; most candidates are turned
 * away by one comparison with the worst kept.
 */
export class TopRanked<T extends RankKey> {
  readonly items: T[] = [];

  constructor(private readonly limit: number) {}

  /** Whether a candidate of this tier and path length could still enter (checked before building it). */
  mayEnter(tier: number, pathLength: number): boolean {
    if (this.items.length < this.limit) return true;
    const worst = this.items[this.items.length - 1]!;
    return tier < worst.tier || (tier === worst.tier && pathLength <= worst.pathLength);
  }

  offer(item: T): void {
    const items = this.items;
    if (items.length >= this.limit && compareRank(item, items[items.length - 1]!) >= 0) return;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareRank(items[mid]!, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    items.splice(lo, 0, item);
    if (items.length > this.limit) items.pop();
  }
}
