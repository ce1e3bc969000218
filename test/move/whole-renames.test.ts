import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renameWhole } from '../../src/main/engine/move/whole-renames';
import { readLocationByPath } from '../../src/main/engine/db/locations';
import { newLibrary, rowsOf } from '../helpers/library';
import { tempDir, tree } from '../helpers/tree';

test('renameWhole renames into free names only, keeps inodes, and the index follows', async () => {
  const base = fs.realpathSync(tempDir('ferry-whole-'));
  const loc = tree(path.join(base, 'loc'), { 'src/big/a.txt': 'a', 'src/big/deep/b.txt': 'b', 'src/taken/c.txt': 'c', 'src/empty-clash/x': 'x', 'dest/taken/other.txt': 'o' });
  fs.mkdirSync(path.join(loc, 'dest/empty-clash'));
  const { db, indexer } = newLibrary();
  const location = await indexer.addLocation(loc);
  const ino = fs.lstatSync(path.join(loc, 'src/big/deep/b.txt')).ino;
  const sources = ['big', 'taken', 'empty-clash'].map((n) => path.join(loc, 'src', n));

  const r = renameWhole(db, sources, path.join(loc, 'dest'));
  assert.deepEqual(r, { renamed: [sources[0]], remaining: [sources[1], sources[2]] });
  assert.equal(fs.lstatSync(path.join(loc, 'dest/big/deep/b.txt')).ino, ino);
  // An empty folder at DEST is not replaced by a rename: the job decides (here, a merge).
  assert.deepEqual(fs.readdirSync(path.join(loc, 'dest/empty-clash')), []);
  const paths = rowsOf(db, location.id).map((row) => (row.relative_path ? `${row.relative_path}/${row.name}` : row.name));
  assert.ok(paths.includes('dest/big/deep/b.txt') && !paths.some((p) => p.startsWith('src/big')), paths.join(' '));
  assert.equal(readLocationByPath(db, loc)!.fileCount, 5);
});
