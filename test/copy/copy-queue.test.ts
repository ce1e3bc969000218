import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CopyQueue } from '../../src/main/engine/copy/copy-queue';
import type { CopyItem } from '../../src/main/engine/copy/types';

const item = (n: number): CopyItem => ({ source: `/s/${n}`, rel: `s/${n}`, kind: 'file', size: n, mtimeMs: 0, origin: 'index' });

test('the queue is FIFO, puts handed-back items first, and holds producers at its high-water mark', async () => {
  const q = new CopyQueue(4);
  q.push([1, 2, 3].map(item));
  let released = false;
  await q.waitForRoom();
  q.push([4, 5].map(item));
  const wait = q.waitForRoom().then(() => { released = true; });
  await new Promise((r) => setImmediate(r));
  assert.equal(released, false, 'a full queue holds the producer');
  const first = q.take(2);
  await wait;
  assert.equal(released, true);
  assert.deepEqual(first.map((i) => i.size), [1, 2]);
  q.unshift([first[1]!]);
  assert.deepEqual(q.take(10).map((i) => i.size), [2, 3, 4, 5]);
  assert.equal(q.size, 0);
});
