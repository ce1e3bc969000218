import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { FolderSizes, measureFolder } from '../../src/main/engine/preview/folder-size';
import { FerryError } from '../../src/shared/errors';
import { emptyDir, manyFiles, symlink, tempDir, tree } from '../helpers/tree';

test('counts regular files and bytes at every depth, folders too; symlinks are not followed', async () => {
  const outside = tree(tempDir(), { 'big.bin': Buffer.alloc(50_000) });
  const root = tree(tempDir(), {
    'a.txt': '12345',
    'deep/er/still/b.txt': '123',
    'deep/c.txt': '1',
    empty: emptyDir(),
    'link-to-outside': symlink(outside),
    'link-to-file': symlink(path.join(outside, 'big.bin')),
  });
  const size = await measureFolder(root);
  assert.deepEqual(size, { files: 3, bytes: 9, folders: 4, unreadable: 0, complete: true });
});

test('a file is not a folder to measure', async () => {
  const root = tree(tempDir(), { 'a.txt': 'x' });
  await assert.rejects(measureFolder(path.join(root, 'a.txt')), (e) => e instanceof FerryError && e.code === 'NOT_A_DIRECTORY');
});

test('cancelling by request id answers with the counts so far, marked incomplete', async () => {
  const root = tree(tempDir(), manyFiles(3000, 10, 60));
  const sizes = new FolderSizes();
  const running = sizes.measure(root, 'req-1');
  sizes.cancel('req-1');
  const partial = await running;
  assert.equal(partial.complete, false);
  assert.ok(partial.files < 3000, `counted ${partial.files} of 3000 after the cancel`);
  // The same id again starts afresh and runs to the end.
  const full = await sizes.measure(root, 'req-1');
  assert.deepEqual([full.files, full.bytes, full.complete], [3000, 30_000, true]);
});
