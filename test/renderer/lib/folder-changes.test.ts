import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFolderChange, pairRenames } from '../../../src/renderer/lib/folder-changes';
import type { FolderEntry, ListedEntry } from '../../../src/shared/types';

const listed = (name: string, size = 1): ListedEntry => ({ name, kind: 'file', size, mtimeMs: 1, hidden: false });
const entry = (name: string, size = 1): FolderEntry => ({ ...listed(name, size), path: `/f/${name}` });

test('a change adds new entries, replaces changed ones in place and drops removed names', () => {
  const before = [entry('a'), entry('b'), entry('c')];
  const after = applyFolderChange(before, '/f', [listed('b', 9), listed('new')], ['c']);
  assert.deepEqual(after, [entry('a'), entry('b', 9), entry('new')]);
  assert.deepEqual(before.map((e) => e.name), ['a', 'b', 'c'], 'the listing given is not changed');
});

test('an entry removed and back within one change stays; a change that changes nothing returns the same rows', () => {
  const before = [entry('a'), entry('b')];
  assert.equal(applyFolderChange(before, '/f', [listed('a')], []), before);
  assert.equal(applyFolderChange(before, '/f', [], ['gone']), before);
  assert.equal(applyFolderChange(before, '/f', [], []), before);
  assert.deepEqual(applyFolderChange(before, '/f', [listed('b', 2)], ['b']), [entry('a'), entry('b', 2)]);
});

test('pairRenames: a name gone and a name come with the same inode, kind, size and mtime are one item renamed', () => {
  const row = (name: string, ino: number | undefined, over: Partial<ListedEntry> = {}): FolderEntry =>
    ({ ...listed(name), ...(ino === undefined ? {} : { ino }), ...over, path: `/f/${name}` });
  const came = (name: string, ino: number, over: Partial<ListedEntry> = {}): ListedEntry => ({ ...listed(name), ino, ...over });
  const cases: { why: string; rows: FolderEntry[]; changed: ListedEntry[]; removed: string[]; renamed: [string, string][] }[] = [
    { why: 'mv a b', rows: [row('a', 7), row('x', 8)], changed: [came('b', 7)], removed: ['a'], renamed: [['/f/a', '/f/b']] },
    { why: 'two renames in one batch pair each with its own inode',
      rows: [row('a', 7), row('b', 8)], changed: [came('d', 8), came('c', 7)], removed: ['a', 'b'],
      renamed: [['/f/a', '/f/c'], ['/f/b', '/f/d']] },
    { why: 'a temp file renamed over an existing name (an editor\'s save)',
      rows: [row('doc', 5), row('doc.tmp', 9)], changed: [came('doc', 9)], removed: ['doc.tmp'], renamed: [['/f/doc.tmp', '/f/doc']] },
    { why: 'a folder pairs whatever its mtime', rows: [row('d', 3, { kind: 'dir', size: 0, mtimeMs: 1 })],
      changed: [came('e', 3, { kind: 'dir', size: 0, mtimeMs: 2 })], removed: ['d'], renamed: [['/f/d', '/f/e']] },
    { why: 'moved out of the folder: nothing came', rows: [row('a', 7)], changed: [], removed: ['a'], renamed: [] },
    { why: 'another inode came', rows: [row('a', 7)], changed: [came('b', 70)], removed: ['a'], renamed: [] },
    { why: 'a file created in an inode freed in the same batch has a new mtime',
      rows: [row('a', 7)], changed: [came('b', 7, { mtimeMs: 2 })], removed: ['a'], renamed: [] },
    { why: 'same inode but another size', rows: [row('a', 7)], changed: [came('b', 7, { size: 2 })], removed: ['a'], renamed: [] },
    { why: 'same inode but another kind', rows: [row('a', 7)], changed: [came('b', 7, { kind: 'symlink' })], removed: ['a'], renamed: [] },
    { why: 'a row listed without an inode (not lstat-able) never pairs', rows: [row('a', undefined)],
      changed: [came('b', 7)], removed: ['a'], renamed: [] },
    { why: 'two hard links of one inode removed, one name came: one pair',
      rows: [row('a', 7), row('a2', 7)], changed: [came('b', 7)], removed: ['a', 'a2'], renamed: [['/f/a', '/f/b']] },
    { why: 'a name merely changed is no rename', rows: [row('a', 7), row('b', 8)], changed: [came('b', 8, { size: 4 })], removed: [], renamed: [] },
  ];
  for (const c of cases) {
    assert.deepEqual([...pairRenames(c.rows, '/f', c.changed, c.removed)].sort(), c.renamed, c.why);
  }
});

test('a row whose inode changed under the same name (replaced) is a change', () => {
  const before: FolderEntry[] = [{ ...entry('a'), ino: 1 }];
  const after = applyFolderChange(before, '/f', [{ ...listed('a'), ino: 2 }], []);
  assert.notEqual(after, before);
  assert.equal(after[0]!.ino, 2);
});
