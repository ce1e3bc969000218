import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { compareModified, notOlderThanSource, sameTimeAsCopy } from '../../src/main/engine/copy/copy-times';
import { processTask, tempPrefixFor } from '../../src/main/engine/copy/file-copy';
import { setTimesNs } from '../../src/main/engine/fs/file-times';
import { tempDir, tree } from '../helpers/tree';

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

test('a copy whose times file-times set to the nanosecond is known by a resume and by skip-newer', () => {
  const root = tempDir();
  const src = tree(path.join(root, 's'), { f: 'bytes' });
  const dest = tree(path.join(root, 'd'), { 's/f': 'bytes' });
  const file = path.join(src, 'f');
  execFileSync('touch', ['-m', '-d', '@1733400000.999999999', file]);
  const st = fs.statSync(file, { bigint: true });
  setTimesNs(path.join(dest, 's/f'), st.atimeNs, st.mtimeNs);
  const task = { source: file, rel: 's/f', kind: 'file' as const, hint: 'unknown' as const };
  const settings = { dest, mode: 'prompt' as const, resume: true, tempPrefix: tempPrefixFor('1234abcd-0000-4000-8000-000000000000') };
  assert.deepEqual(processTask(task, settings), { o: 'already', size: 5, destRel: 's/f' });
  assert.equal(processTask(task, { ...settings, resume: false, mode: 'skip-newer' }).o, 'skipped');
  setTimesNs(path.join(dest, 's/f'), st.atimeNs, st.mtimeNs - 5_000_000n);
  assert.equal(processTask(task, { ...settings, resume: false, mode: 'skip-newer' }).o, 'copied', '5 ms older is older');
});
