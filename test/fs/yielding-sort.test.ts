import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { smallest, sortYielding } from '../../src/main/engine/fs/yielding-sort';

const byNumber = (a: number, b: number) => a - b;

test('sortYielding sorts like Array.prototype.sort, stably, and leaves its input alone', async () => {
  await fc.assert(fc.asyncProperty(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 9_000 }), async (values) => {
    const items = values.map((v, i) => ({ v, i }));
    const before = items.slice();
    const sorted = await sortYielding(items, (a, b) => a.v - b.v, { stepCompares: 500 });
    assert.deepEqual(sorted, before.slice().sort((a, b) => a.v - b.v || a.i - b.i));
    assert.deepEqual(items, before);
  }), { numRuns: 40 });
});

test('sortYielding lets the event loop run between its steps, and stops when cancelled', async () => {
  const values = Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 50_000);
  let ticks = 0;
  let counting = true;
  const tick = () => { ticks += 1; if (counting) setImmediate(tick); };
  setImmediate(tick);
  const sorted = await sortYielding(values, byNumber, { stepCompares: 5_000 });
  counting = false;
  assert.deepEqual(sorted, values.slice().sort(byNumber));
  assert.ok(ticks > 20, `other callbacks ran during the sort (${ticks} ticks)`);

  let steps = 0;
  const stopped = await sortYielding(values, (a, b) => { steps += 1; return a - b; }, { stepCompares: 5_000, cancelled: () => steps > 20_000 });
  assert.equal(stopped, null);
  assert.ok(steps < 60_000, 'it stopped soon after being cancelled, not at the end');
});

test('smallest(k) is the first k of the sorted items', () => {
  fc.assert(fc.property(fc.array(fc.integer(), { maxLength: 2_000 }), fc.integer({ min: 0, max: 300 }), (values, k) => {
    assert.deepEqual(smallest(values, k, byNumber), values.slice().sort(byNumber).slice(0, k));
  }));
});
