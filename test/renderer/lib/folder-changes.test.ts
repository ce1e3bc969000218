import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFolderChange } from '../../../src/renderer/lib/folder-changes';
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
