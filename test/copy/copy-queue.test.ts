import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CopyQueue } from '../../src/main/engine/copy/copy-queue';
import { ConflictPolicy } from '../../src/main/engine/copy/conflicts';
import { ProgressTracker } from '../../src/main/engine/copy/progress-tracker';
import { FerryError } from '../../src/shared/errors';
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

test('the conflict policy settles one answer, or every pending and later conflict with applyToAll', () => {
  const settled: [string, string][] = [];
  const p = new ConflictPolicy<string>((c, r) => settled.push([c, r]));
  const a = p.add('a')!;
  const b = p.add('b')!;
  p.add('c');
  assert.throws(() => p.resolve({ conflictId: 'zzz', resolution: 'skip', applyToAll: false }),
    (e: unknown) => e instanceof FerryError && e.code === 'CONFLICT_NOT_FOUND');
  p.resolve({ conflictId: b, resolution: 'replace', applyToAll: false });
  p.resolve({ conflictId: a, resolution: 'skip', applyToAll: true });
  assert.equal(p.size, 0);
  assert.equal(p.add('d'), null, 'a later conflict is answered at once');
  assert.deepEqual(settled, [['b', 'replace'], ['a', 'skip'], ['c', 'skip'], ['d', 'skip']]);
});

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
