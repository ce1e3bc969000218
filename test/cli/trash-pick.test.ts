import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { pickTrashed } from '../../src/main/hosts/cli/commands/trash-pick';
import type { TrashedItem } from '../../src/shared/trash';
import { FerryError } from '../../src/shared/errors';

const item = (id: string, originalPath: string, deletedAt: number): TrashedItem => ({
  id, name: originalPath.slice(originalPath.lastIndexOf('/') + 1), originalPath, deletedAt, kind: 'file', size: 1, trashDir: '/t',
});
// Newest first, as listTrash gives them.
const items = [
  item('/t/files/a 2.txt', '/home/u/x/a.txt', 30),
  item('/t/files/a.txt', '/home/u/x/a.txt', 20),
  item('/t/files/b.txt', '/home/u/y/b.txt', 15),
  item('/t/files/b 2.txt', '/home/u/z/b.txt', 10),
];
const codeOf = (f: () => unknown) => {
  try { f(); } catch (err) { return (err as FerryError).code; }
  return 'picked';
};

test('an item is named by its id, its original path (the latest trashed there), or a name only it has', () => {
  assert.equal(pickTrashed(items, '/t/files/a.txt', '/').id, '/t/files/a.txt');
  assert.equal(pickTrashed(items, '/home/u/x/a.txt', '/').id, '/t/files/a 2.txt');
  assert.equal(pickTrashed(items, 'x/a.txt', '/home/u').id, '/t/files/a 2.txt', 'relative to the current folder');
  assert.equal(pickTrashed(items, 'a.txt', '/elsewhere').id, '/t/files/a 2.txt', 'one original place: its latest');
  assert.equal(pickTrashed(items, 'b.txt', '/home/u/z').id, '/t/files/b 2.txt', 'the path in the current folder wins');
});

test('a name several places had is refused (their places are listed), an unknown one is not found', () => {
  assert.equal(codeOf(() => pickTrashed(items, 'b.txt', '/elsewhere')), 'INVALID_INPUT');
  assert.equal(codeOf(() => pickTrashed(items, 'nothing', '/')), 'TRASH_ITEM_NOT_FOUND');
});
