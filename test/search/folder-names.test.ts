import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FolderNamesCollector, folderNamesRow, splitNames } from '../../src/main/engine/search/folder-names';
import { emptyDir, symlink, tempDir, tree } from '../helpers/tree';
import { newLibrary, rowsOf, searchRowsOf } from '../helpers/library';

test('folderNamesRow joins names between separators, folded alike, and splitNames reads them back in order', () => {
  const row = folderNamesRow('a/b', ['Zeta.TXT', 'line\nbreak', ' x ', 'ÄÖÜ']);
  assert.equal(row.names, '/Zeta.TXT/line\nbreak/ x /ÄÖÜ/');
  assert.equal(row.folded, '/zeta.txt/line\nbreak/ x /äöü/');
  assert.deepEqual(splitNames(row.names), ['Zeta.TXT', 'line\nbreak', ' x ', 'ÄÖÜ']);
  assert.deepEqual(splitNames(row.folded).length, 4);
});

test('the collector hands out a folder when its own row arrives (post-order), the root at the end, and no row for an empty folder', () => {
  const c = new FolderNamesCollector();
  assert.equal(c.add('a', 'f1', false), undefined);
  assert.equal(c.add('a/b', 'g', false), undefined);
  assert.deepEqual(c.add('a', 'b', true), folderNamesRow('a/b', ['g']));
  assert.equal(c.add('a', 'empty', true), undefined);
  assert.equal(c.add('a', 'f2', false), undefined);
  assert.deepEqual(c.add('', 'a', true), folderNamesRow('a', ['f1', 'b', 'empty', 'f2']));
  assert.equal(c.add('', 'top.txt', false), undefined);
  assert.deepEqual(c.drain(), [folderNamesRow('', ['a', 'top.txt'])]);
  assert.deepEqual(c.drain(), []);
});

test('after an index run, the search rows are exactly the indexed entries grouped by folder (rules, empty folders, symlinks)', async () => {
  const root = fs.realpathSync(tree(tempDir(), {
    'src/a.ts': 'a', 'src/deep/er/b.ts': 'b', 'src/empty': emptyDir(), 'node_modules/pkg/i.js': 'skipped',
    '.hidden/h.txt': 'skipped', 'README.md': 'r', 'link': symlink('src'), 'many/1': '1', 'many/2': '2', 'many/3': '3',
  }));
  const { db, indexer } = newLibrary();
  const loc = await indexer.addLocation(root);
  const expected = new Map<string, string[]>();
  for (const r of rowsOf(db, loc.id)) expected.set(r.relative_path, [...(expected.get(r.relative_path) ?? []), r.name]);
  const fromEntries = [...expected].map(([folder, names]) => ({ folder, names: names.sort() }))
    .sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
  assert.deepEqual(searchRowsOf(db, loc.id), fromEntries);
  assert.ok(!fromEntries.some((f) => f.folder.startsWith('node_modules') || f.folder.startsWith('.hidden')));
  assert.deepEqual(fromEntries.find((f) => f.folder === '')?.names, ['README.md', 'link', 'many', 'src']);

  // A re-index after changes rewrites them to the new state, the folders that went gone with them.
  fs.rmSync(path.join(root, 'many'), { recursive: true });
  fs.writeFileSync(path.join(root, 'src/empty/now.txt'), 'n');
  await indexer.reindex(loc.id);
  const after = searchRowsOf(db, loc.id);
  assert.equal(after.find((f) => f.folder === 'many'), undefined);
  assert.deepEqual(after.find((f) => f.folder === 'src/empty')?.names, ['now.txt']);
  assert.deepEqual(after.find((f) => f.folder === '')?.names, ['README.md', 'link', 'src']);
});
