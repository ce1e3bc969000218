import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readFileInfo } from '../../src/main/engine/preview/file-info';
import { FerryError } from '../../src/shared/errors';
import { newLibrary } from '../helpers/library';
import { emptyDir, symlink, tempDir, tree } from '../helpers/tree';

test('a file: kind from its name, size, dates, permissions and owner', async () => {
  const { db } = newLibrary();
  const root = tree(tempDir(), { 'notes.md': { content: 'hello', mode: 0o640, mtime: new Date('2024-05-01T10:00:00Z') } });
  const info = await readFileInfo(db, path.join(root, 'notes.md'));
  assert.equal(info.entryKind, 'file');
  assert.equal(info.kind, 'text');
  assert.equal(info.size, 5);
  assert.equal(info.modifiedMs, Date.parse('2024-05-01T10:00:00Z'));
  assert.equal(info.permissions, 'rw-r-----');
  assert.equal(info.octal, '640');
  const st = fs.statSync(path.join(root, 'notes.md'));
  assert.equal(info.owner.id, st.uid);
  assert.equal(info.group.id, st.gid);
  if (st.uid === 0) assert.equal(info.owner.name, 'root');
  // Linux with statx keeps birth times on ext4, tmpfs, btrfs: a number then, never 0 (1970).
  assert.ok(info.createdMs === null || info.createdMs > Date.parse('2020-01-01'));
  assert.equal(info.symlinkTarget, null);
  assert.equal(info.indexTotals, null);
});

test('an executable without an extension is a program; a symlink is described as the link, with its target', async () => {
  const { db } = newLibrary();
  const root = tree(tempDir(), {
    tool: { content: '#!/bin/sh\n', mode: 0o755 },
    'to-tool': symlink('tool'),
    dangling: symlink('../nowhere/at/all'),
    'to-dir': symlink('sub'),
    sub: emptyDir(),
  });
  assert.equal((await readFileInfo(db, path.join(root, 'tool'))).kind, 'executable');
  const link = await readFileInfo(db, path.join(root, 'to-tool'));
  assert.deepEqual([link.entryKind, link.kind, link.symlinkTarget, link.targetKind], ['symlink', 'link', 'tool', 'file']);
  const dangling = await readFileInfo(db, path.join(root, 'dangling'));
  assert.deepEqual([dangling.symlinkTarget, dangling.targetKind], ['../nowhere/at/all', 'missing']);
  assert.equal((await readFileInfo(db, path.join(root, 'to-dir'))).targetKind, 'dir');
});

test("a folder inside a location carries the index's totals; a missing path is ENOENT", async () => {
  const { db, indexer } = newLibrary();
  const root = tree(tempDir(), { 'photos/a.jpg': 'aaaa', 'photos/trip/b.jpg': 'bbbbbb', 'other.txt': 'x' });
  await indexer.addLocation(root);
  const info = await readFileInfo(db, path.join(root, 'photos'));
  assert.equal(info.kind, 'folder');
  assert.equal(info.indexTotals?.files, 2);
  assert.equal(info.indexTotals?.bytes, 10);
  assert.ok((info.indexTotals?.indexedAt ?? 0) > 0);
  const top = await readFileInfo(db, root);
  assert.deepEqual([top.indexTotals?.files, top.indexTotals?.bytes], [3, 11]);
  await assert.rejects(readFileInfo(db, path.join(root, 'gone')), (err) => err instanceof FerryError && err.code === 'ENOENT');
});
