import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BUSY_DELAY_MS, BUSY_FOR_MS, delayBeforeSending, FIRST_DELAY_MS, MAX_NAMED_CHANGES, PendingChanges,
} from '../../src/main/engine/fs/folder-changes';

test('a few changed names are sent once each, and the batch starts afresh', () => {
  const pending = new PendingChanges();
  assert.equal(pending.empty, true);
  for (const name of ['a.txt', 'b.txt', 'a.txt', 'a.txt']) pending.add(name);
  assert.equal(pending.empty, false);
  assert.deepEqual(pending.take(), { reread: false, names: ['a.txt', 'b.txt'] });
  assert.equal(pending.empty, true);
  assert.deepEqual(pending.take(), { reread: false, names: [] });
});

test('past the limit, or when the file system names no file, the window is told to read the folder again', () => {
  const many = new PendingChanges();
  for (let i = 0; i <= MAX_NAMED_CHANGES; i++) many.add(`f${i}`);
  assert.deepEqual(many.take(), { reread: true });
  assert.deepEqual(many.take(), { reread: false, names: [] }, 'the next batch names its files again');

  const exactlyAtLimit = new PendingChanges();
  for (let i = 0; i < MAX_NAMED_CHANGES; i++) exactlyAtLimit.add(`f${i}`);
  const batch = exactlyAtLimit.take();
  assert.equal(batch.reread, false);

  const unnamed = new PendingChanges();
  unnamed.add('a');
  unnamed.add(null);
  unnamed.add('b');
  assert.deepEqual(unnamed.take(), { reread: true });
});

test('changes go out quickly, and slowly while the folder is being filled in bulk', () => {
  const now = 100_000;
  const table: Array<[lastRereadAt: number | null, expected: number]> = [
    [null, FIRST_DELAY_MS],
    [now - 10, BUSY_DELAY_MS],
    [now - BUSY_FOR_MS + 1, BUSY_DELAY_MS],
    [now - BUSY_FOR_MS, FIRST_DELAY_MS],
    [now - 60_000, FIRST_DELAY_MS],
  ];
  for (const [lastRereadAt, expected] of table) assert.equal(delayBeforeSending(now, lastRereadAt), expected, String(lastRereadAt));
});
