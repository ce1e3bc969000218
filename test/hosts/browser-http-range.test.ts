import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideRange, type RangeDecision } from '../../src/main/hosts/browser/http-range';

test('a single byte range, as media elements send it', () => {
  const table: Array<[string | undefined, number, RangeDecision]> = [
    [undefined, 100, { kind: 'whole' }],
    ['bytes=0-', 100, { kind: 'partial', start: 0, end: 99 }],
    ['bytes=10-19', 100, { kind: 'partial', start: 10, end: 19 }],
    ['bytes=90-500', 100, { kind: 'partial', start: 90, end: 99 }],
    ['bytes=-30', 100, { kind: 'partial', start: 70, end: 99 }],
    ['bytes=-300', 100, { kind: 'partial', start: 0, end: 99 }],
    ['bytes=100-', 100, { kind: 'unsatisfiable' }],
    ['bytes=-0', 100, { kind: 'unsatisfiable' }],
    ['bytes=0-', 0, { kind: 'unsatisfiable' }],
    ['bytes=5-2', 100, { kind: 'whole' }],
    ['bytes=0-1,5-6', 100, { kind: 'whole' }],
    ['items=0-1', 100, { kind: 'whole' }],
    ['bytes=abc', 100, { kind: 'whole' }],
    ['bytes=-', 100, { kind: 'whole' }],
  ];
  for (const [header, size, decision] of table) assert.deepEqual(decideRange(header, size), decision, `${header} of ${size}`);
});
