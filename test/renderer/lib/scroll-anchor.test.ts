import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { anchoredOffset } from '../../../src/renderer/lib/scroll-anchor';

const H = 28;
const rows = (...names: string[]) => names;
const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);

test('the row at the top of the view keeps its distance from the top when rows come or go above it', () => {
  const before = range('f', 100);
  const cases: { why: string; after: string[]; offset: number; expected: number }[] = [
    { why: '50 rows inserted above', after: [...range('0', 50), ...before], offset: 40 * H + 11, expected: 90 * H + 11 },
    { why: '10 rows removed above', after: before.slice(10), offset: 40 * H + 11, expected: 30 * H + 11 },
    { why: 'rows added below only', after: [...before, ...range('z', 5)], offset: 40 * H + 11, expected: 40 * H + 11 },
    { why: 'one row above renamed to sort below', after: [...before.slice(0, 3), ...before.slice(4, 90), 'renamed', ...before.slice(90)],
      offset: 40 * H, expected: 39 * H },
    { why: 'the anchor row itself went: the next row still there holds the view',
      after: [...range('0', 5), ...before.slice(0, 40), ...before.slice(41)], offset: 40 * H + 3, expected: 44 * H + 3 },
    { why: 'at the very top nothing is anchored: the new first rows show', after: [...range('0', 50), ...before], offset: 0, expected: 0 },
    { why: 'every row from the anchor on is gone: the offset stays (the browser clamps it)', after: before.slice(0, 40), offset: 60 * H, expected: 60 * H },
    { why: 'the same rows', after: before, offset: 40 * H, expected: 40 * H },
  ];
  for (const c of cases) assert.equal(anchoredOffset(before, c.after, c.offset, H), c.expected, c.why);
  assert.equal(anchoredOffset(rows('a', 'b'), rows('a', 'b'), 5 * H, H), 5 * H, 'scrolled past the rows (a stale offset): unchanged');
});

test('whatever is inserted or removed around it, the anchor row stays at the same distance from the top (property)', () => {
  fc.assert(fc.property(
    fc.integer({ min: 1, max: 60 }), fc.array(fc.boolean(), { maxLength: 80 }), fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 80 }),
    fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: H - 1 }),
    (count, removals, insertions, anchorAt, within) => {
      const before = range('r', count);
      const anchor = Math.min(anchorAt, count - 1);
      const after: string[] = [];
      before.forEach((p, i) => {
        for (let k = 0; k < (insertions[i] ?? 0); k++) after.push(`new-${i}-${k}`);
        if (i === anchor || !removals[i]) after.push(p);
      });
      const offset = anchor * H + within;
      const next = anchoredOffset(before, after, offset, H);
      if (offset === 0) return next === 0;
      return after.indexOf(before[anchor]!) * H - next === anchor * H - offset;
    }));
});
