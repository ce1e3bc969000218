import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { conflictRowLabels } from '../../../src/renderer/lib/conflict-labels';
import { processTask, tempPrefixFor } from '../../../src/main/engine/copy/file-copy';
import { setTimesNs } from '../../../src/main/engine/fs/file-times';
import { tempDir, tree } from '../../helpers/tree';

/**
 * The conflict the engine reports for a file `s/f` modified at `when` (touch -d, to the nanosecond) that
 * already exists at the destination, as the earlier copy made it, then with `destWhen` if given.
 */
function realConflict(when: string, destWhen?: string) {
  const root = tempDir();
  const src = tree(path.join(root, 's'), { f: 'same bytes' });
  const dest = fs.mkdirSync(path.join(root, 'd'), { recursive: true })!;
  const file = path.join(src, 'f');
  execFileSync('touch', ['-m', '-d', when, file]);
  const task = { source: file, rel: 's/f', kind: 'file' as const, hint: 'unknown' as const };
  const settings = { dest, mode: 'replace' as const, resume: false, tempPrefix: tempPrefixFor('1234abcd-0000-4000-8000-000000000000') };
  assert.equal(processTask(task, settings).o, 'copied');
  const copy = path.join(dest, 's/f');
  if (destWhen) execFileSync('touch', ['-m', '-d', destWhen, copy]);
  const out = processTask(task, { ...settings, mode: 'prompt' });
  assert.equal(out.o, 'conflict');
  return { conflict: out as Extract<typeof out, { o: 'conflict' }>, file, copy };
}

test('an identical earlier copy is "same date", not "Existing (newer)"', () => {
  // The source reports whole milliseconds (…123), the copy its exact time (…123.456789): no longer "newer".
  const { conflict } = realConflict('@1733400000.123456789');
  assert.deepEqual(conflictRowLabels(conflict), { existing: 'Existing (same date)', copying: 'Copying' });
});

test('a copy whose time was set to the nanosecond by file-times is "same date" too', () => {
  const { conflict, file, copy } = realConflict('@1733400000.999999999');
  const st = fs.statSync(file, { bigint: true });
  setTimesNs(copy, st.atimeNs, st.mtimeNs);
  const again = processTask({ source: file, rel: 's/f', kind: 'file', hint: 'unknown' },
    { dest: path.dirname(path.dirname(copy)), mode: 'prompt', resume: false, tempPrefix: tempPrefixFor('1234abcd-0000-4000-8000-000000000000') });
  assert.equal(again.o, 'conflict');
  assert.deepEqual(conflictRowLabels(again as typeof conflict), { existing: 'Existing (same date)', copying: 'Copying' });
  assert.equal(conflictRowLabels(conflict).existing, 'Existing (same date)');
});

test('a copy on a filesystem of whole seconds is "same date"; a minute away, the newer row says so', () => {
  assert.equal(conflictRowLabels(realConflict('@1733400000.708999800', '@1733400000').conflict).existing, 'Existing (same date)');
  assert.deepEqual(conflictRowLabels(realConflict('@1733400000.5', '@1733400060.5').conflict),
    { existing: 'Existing (newer)', copying: 'Copying' });
  assert.deepEqual(conflictRowLabels(realConflict('@1733400000.5', '@1733399940.5').conflict),
    { existing: 'Existing', copying: 'Copying (newer)' });
});
