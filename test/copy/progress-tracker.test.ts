import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProgressTracker } from '../../src/main/engine/copy/progress-tracker';

test('the shown fraction never goes back when discovery grows the total; ETA stays null until rates settle', () => {
  let now = 0;
  const t = new ProgressTracker(() => now);
  t.setEstimate(10, 1000);
  t.sample();
  t.copiedFiles = 5;
  t.copiedBytes = 500;
  const half = t.fraction();
  assert.equal(half, 0.5);
  assert.equal(t.etaSeconds(), null);
  t.discoveredFiles = 90;
  t.discoveredBytes = 9000;
  assert.equal(t.fraction(), 0.5, 'holds while the real fraction is lower');
  now = 3000;
  t.copiedFiles = 35;
  t.copiedBytes = 3500;
  t.sample();
  assert.ok(t.etaSeconds()! > 0);
  assert.ok(t.fraction() >= 0.5);
  assert.equal(t.totalFiles, 100);
  t.correct(-1, -100);
  assert.equal(t.totalFiles, 99);
  assert.equal(t.totalBytes, 9900);
});
