import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { removeEmptiedFolders } from '../../src/main/engine/move/emptied-folders';
import { ODD_DIR, bytePath } from '../helpers/odd-names';
import { emptyDir, symlink, tempDir, tree } from '../helpers/tree';

/** The end of a move: only empty folders go, deepest first; whatever stayed keeps its folders. */
const cases: { name: string; spec: Parameters<typeof tree>[1]; fifo?: string; left: string[]; removed: number }[] = [
  { name: 'a tree of empty folders goes entirely', spec: { 'a/b/c': emptyDir(), 'a/d': emptyDir() }, left: [], removed: 4 },
  { name: 'a file that stayed keeps the folders that lead to it', spec: { 'a/b/kept.txt': 'k', 'a/c/d': emptyDir() }, left: ['a', 'a/b', 'a/b/kept.txt'], removed: 2 },
  { name: 'a symlink that stayed is kept (and its target folder is never followed)', spec: { 'a/link': symlink('/'), 'a/e': emptyDir() }, left: ['a', 'a/link'], removed: 1 },
  { name: 'a FIFO that stayed keeps its folder', spec: { 'a/x': emptyDir() }, fifo: 'a/x/pipe', left: ['a', 'a/x', 'a/x/pipe'], removed: 0 },
];

function listAll(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      out.push(r);
      if (fs.lstatSync(path.join(dir, name)).isDirectory()) walk(path.join(dir, name), r);
    }
  };
  if (fs.existsSync(root)) walk(root, '');
  return out;
}

for (const c of cases) {
  test(`removeEmptiedFolders: ${c.name}`, () => {
    const root = tempDir('ferry-emptied-');
    tree(root, c.spec);
    if (c.fifo) assert.equal(spawnSync('mkfifo', [path.join(root, c.fifo)]).status, 0);
    assert.equal(removeEmptiedFolders([path.join(root, 'a')]), c.removed);
    assert.deepEqual(listAll(root), c.left);
  });
}

test('removeEmptiedFolders: folders whose names are not UTF-8, and SOURCEs that are files or gone', () => {
  const root = tempDir('ferry-emptied-');
  fs.mkdirSync(bytePath(root, 'a', ODD_DIR, 'inner'), { recursive: true });
  fs.writeFileSync(path.join(root, 'file.txt'), 'a file SOURCE is not a folder to remove');
  assert.equal(removeEmptiedFolders([path.join(root, 'a'), path.join(root, 'file.txt'), path.join(root, 'gone')]), 3);
  assert.deepEqual(fs.readdirSync(root), ['file.txt']);
});
