import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareModified, notOlderThanSource, sameTimeAsCopy } from '../../src/shared/copy-times';

const SOURCE = 1_796_161_191_708.9998; // a time in fractional ms, as lstat reports it

test('a copy on a fine filesystem: the same time to within the millisecond, either side', () => {
  assert.ok(sameTimeAsCopy(1_796_161_191_709, SOURCE), 'rounded to the microsecond, on the next millisecond');
  assert.ok(sameTimeAsCopy(1_796_161_191_708.999, SOURCE));
  assert.ok(!sameTimeAsCopy(1_796_161_191_707.5, SOURCE), '1.5 ms earlier is another time');
  assert.ok(!sameTimeAsCopy(1_796_161_191_710.2, SOURCE));
});

test('a copy on a coarse filesystem: whole seconds (1 s, FAT 2 s either way), hundredths (exFAT)', () => {
  assert.ok(sameTimeAsCopy(1_796_161_191_000, SOURCE), 'cut to the second (HFS+, ext3)');
  assert.ok(sameTimeAsCopy(1_796_161_190_000, SOURCE), 'cut to two seconds (FAT on Linux)');
  assert.ok(sameTimeAsCopy(1_796_161_192_000, SOURCE), 'rounded up to two seconds (FAT on Windows)');
  assert.ok(!sameTimeAsCopy(1_796_161_189_000, SOURCE), 'more than 2 s away is another time');
  assert.ok(sameTimeAsCopy(1_796_161_191_700, SOURCE), 'cut to the hundredth (exFAT)');
  assert.ok(!sameTimeAsCopy(1_796_161_191_690, SOURCE), 'two hundredths away is another time');
});

test('skip-newer: a destination as new or newer, or the same time as kept by its filesystem, is not older', () => {
  assert.ok(notOlderThanSource(SOURCE + 5_000, SOURCE));
  assert.ok(notOlderThanSource(SOURCE, SOURCE));
  assert.ok(notOlderThanSource(1_796_161_191_000, SOURCE), 'the copy on a 1 s filesystem');
  assert.ok(!notOlderThanSource(SOURCE - 60_000, SOURCE), 'an older file');
  assert.ok(!notOlderThanSource(1_796_161_191_707.5, SOURCE), 'older by 1.5 ms on a fine filesystem');
});

test('compareModified (the conflict modal\'s rule) agrees with sameTimeAsCopy', () => {
  assert.equal(compareModified(1_796_161_191_709, SOURCE), 'same');
  assert.equal(compareModified(1_796_161_191_000, SOURCE), 'same', 'a copy on a 1 s filesystem');
  assert.equal(compareModified(SOURCE + 60_000, SOURCE), 'destinationNewer');
  assert.equal(compareModified(SOURCE - 60_000, SOURCE), 'sourceNewer');
});
