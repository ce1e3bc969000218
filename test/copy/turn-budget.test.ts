import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TurnBudget } from '../../src/main/engine/copy/turn-budget';

function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) { /* hold the thread, as a long dispatch would */ }
}

test('past its budget in one turn it says stop, and calls back once on the next turn with a fresh budget', async () => {
  let resumed = 0;
  const budget = new TurnBudget(2, () => { resumed++; });
  assert.equal(budget.spent(), false);
  busy(3);
  assert.equal(budget.spent(), true);
  assert.equal(budget.spent(), true, 'still spent within the same turn');
  assert.equal(resumed, 0, 'not called back within the turn');
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setImmediate(r));
  assert.equal(resumed, 1, 'called back once, however often it said stop');
  assert.equal(budget.spent(), false, 'a new turn has a new budget');
});
