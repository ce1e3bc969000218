import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatDirectorySizes, parseDirectorySizes, readDirectorySizes, treeSize, updateDirectorySizes } from '../../src/main/engine/trash/directory-sizes';
import { tempDir, tree } from '../helpers/tree';
import { ODD_DIR_NAME } from '../helpers/odd-names';

test('directorysizes lines are "SIZE MTIME NAME" with the name percent-encoded, and read back; other lines are ignored', () => {
  const entries = [{ size: 1234, mtime: 1700000000, name: 'my folder' }, { size: 0, mtime: 1, name: ODD_DIR_NAME }];
  const text = formatDirectorySizes(entries);
  assert.equal(text, '1234 1700000000 my%20folder\n0 1 d%E9r\n');
  assert.deepEqual(parseDirectorySizes(`${text}garbage line\n12 x name\n`), entries);
});

test('an update replaces a name\'s line, drops removed names, and is written whole (no temp file left)', () => {
  const trash = tempDir();
  updateDirectorySizes(trash, [{ size: 1, mtime: 10, name: 'a' }, { size: 2, mtime: 20, name: 'b' }]);
  updateDirectorySizes(trash, [{ size: 3, mtime: 30, name: 'a' }], ['b']);
  assert.deepEqual(readDirectorySizes(trash), [{ size: 3, mtime: 30, name: 'a' }]);
  assert.deepEqual(fs.readdirSync(trash), ['directorysizes']);
});

test('a tree\'s size counts its files and links as themselves, never a link\'s target', () => {
  const dir = tree(tempDir(), { 'a.bin': Buffer.alloc(100), 'sub/b.bin': Buffer.alloc(50) });
  fs.writeFileSync(path.join(tempDir(), 'big'), Buffer.alloc(10_000));
  fs.symlinkSync('sub/b.bin', path.join(dir, 'link'));
  assert.equal(treeSize(dir), 150 + 'sub/b.bin'.length);
  assert.equal(treeSize(dir, 3), null, 'more entries than the limit: not sized (trashing stays instant)');
  assert.equal(treeSize(dir, 4), 150 + 'sub/b.bin'.length);
});
