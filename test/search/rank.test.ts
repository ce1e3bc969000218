import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MATCH_TIERS, TopRanked, compareRank, matchTier, type RankKey } from '../../src/main/engine/search/rank';

test('matchTier: exact > prefix > word start > substring, -1 for no match', () => {
  const table: Array<[string, string, string | null]> = [
    ['report.pdf', 'report.pdf', 'exact'],
    ['report.pdf', 'report', 'prefix'],
    ['report.pdf', 'pdf', 'word'],          // after '.'
    ['my report.txt', 'report', 'word'],    // after ' '
    ['old_report', 'report', 'word'],       // after '_'
    ['x-report', 'rep', 'word'],            // after '-'
    ['(draft)', 'draft', 'word'],           // after '('
    ['reports', 'port', 'substring'],
    ['reportreport', 'report', 'prefix'],   // the best occurrence counts
    ['xreport report', 'report', 'word'],   // a later occurrence at a word start beats the first
    ['résumé final', 'sumé', 'substring'],  // an accented letter is a letter
    ['année 2024', '2024', 'word'],
    ['abc', 'abd', null],
  ];
  for (const [name, query, tier] of table) {
    const got = matchTier(name, query);
    assert.equal(got < 0 ? null : MATCH_TIERS[got], tier, `${name} / ${query}`);
  }
});

test('compareRank: tier first, then the shorter path, then the path', () => {
  const k = (tier: number, path: string): RankKey => ({ tier, pathLength: path.length, path });
  const sorted = [k(3, '/a'), k(1, '/long/path/x'), k(1, '/b/x'), k(1, '/a/x'), k(0, '/very/long/path/name')].sort(compareRank);
  assert.deepEqual(sorted.map((s) => s.path), ['/very/long/path/name', '/a/x', '/b/x', '/long/path/x', '/a']);
});

test('TopRanked keeps the best `limit` of a stream, in order, whatever the arrival order', () => {
  const keys: RankKey[] = [];
  for (let i = 0; i < 500; i++) {
    const path = `/f${(i * 7919) % 500}/${'n'.repeat(i % 13)}`;
    keys.push({ tier: i % 4, pathLength: path.length, path });
  }
  const top = new TopRanked<RankKey>(25);
  for (const key of keys) if (top.mayEnter(key.tier, key.pathLength)) top.offer(key);
  assert.deepEqual(top.items, [...keys].sort(compareRank).slice(0, 25));
});
