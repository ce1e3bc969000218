import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { processTask, tempPrefixFor } from '../../src/main/engine/copy/file-copy';
import { setTimesNs } from '../../src/main/engine/fs/file-times';
import { tempDir, tree } from '../helpers/tree';

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
