import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JobScheduler } from '../../src/main/engine/jobs/scheduler';

test('when slots are short, the highest priority waiter gets the next slot, FIFO among equals', async () => {
  const s = new JobScheduler(1);
  const first = await s.acquire(0);
  const order: string[] = [];
  const low = s.acquire(1).then((r) => { order.push('low'); r(); });
  const midA = s.acquire(5).then((r) => { order.push('midA'); r(); });
  const high = s.acquire(100).then((r) => { order.push('high'); r(); });
  const midB = s.acquire(5).then((r) => { order.push('midB'); r(); });
  first();
  await Promise.all([low, midA, high, midB]);
  assert.deepEqual(order, ['high', 'midA', 'midB', 'low']);
  assert.equal(s.available, 1);
});

test('an aborted wait leaves the queue and a double release frees one slot only', async () => {
  const s = new JobScheduler(1);
  const held = await s.acquire(0);
  const ac = new AbortController();
  const waiting = s.acquire(10, ac.signal);
  ac.abort();
  await assert.rejects(waiting, /aborted/);
  assert.equal(s.queued, 0);
  held();
  held();
  assert.equal(s.available, 1);
});
