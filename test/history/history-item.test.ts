import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labelFor, sidesOf, type HistoryItem } from '../../src/main/engine/history/history-item';

const at = (p: string, extra: Partial<HistoryItem> = {}): HistoryItem => ({ before: p, after: p, ...extra });

test('labels say what the step does, as a menu shows them after "Undo "', () => {
  assert.equal(labelFor('rename', [{ before: '/d/a', after: '/d/b' }]), 'Rename');
  assert.equal(labelFor('newFolder', [at('/d/New Folder')]), 'New Folder');
  assert.equal(labelFor('move', [{ before: '/s/a.txt', after: '/d/a.txt' }]), 'Move of “a.txt”');
  assert.equal(labelFor('move', [at('/d/a'), at('/d/b'), at('/d/c')]), 'Move of 3 Items');
  assert.equal(labelFor('trash', [at('/d/old.txt')]), 'Move to Trash of “old.txt”');
  // A file the copy replaced is part of the step, not one of the items copied.
  assert.equal(labelFor('copy', [at('/d/a.txt'), at('/d/a.txt', { replaced: true })]), 'Copy of “a.txt”');
  assert.equal(labelFor('copy', [at('/d/\udcff.bin')]), 'Copy of “\ufffd.bin”');
});

test('a replaced file moves between its path and the Trash, the copy that replaced it the other way', () => {
  assert.deepEqual(sidesOf('copy', at('/d/a.txt')), { before: 'trash', after: 'disk', method: 'trash' });
  assert.deepEqual(sidesOf('copy', at('/d/a.txt', { replaced: true })), { before: 'disk', after: 'trash', method: 'trash' });
  assert.deepEqual(sidesOf('rename', at('/d/a.txt')), { before: 'disk', after: 'disk', method: 'rename' });
});
