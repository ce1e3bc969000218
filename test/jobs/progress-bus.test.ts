import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProgressBus } from '../../src/main/engine/jobs/progress-bus';
import type { FerryEvent } from '../../src/shared/events';

const progress = (copiedFiles: number): FerryEvent => ({
  type: 'progress', jobId: 'j', t: copiedFiles, copiedFiles, totalFiles: 100, copiedBytes: 0, totalBytes: 0,
  skippedFiles: 0, failedFiles: 0, discoveryActive: false, bytesPerSecond: 0, etaSeconds: null,
});

test('a burst of progress is coalesced to the newest state, and the last state precedes completed', () => {
  let clock = 0;
  const bus = new ProgressBus(50, () => clock);
  const seen: FerryEvent[] = [];
  bus.subscribe((e) => seen.push(e));
  for (let i = 1; i <= 1000; i++) { clock = i / 10; bus.publish(progress(i)); } // 1000 events in 100 ms
  bus.publish({ type: 'completed', jobId: 'j', t: 200, status: 'done', copiedFiles: 1000, copiedBytes: 0,
    skippedFiles: 0, failedFiles: 0, discoveredFiles: 0, indexedFiles: 0, durationMs: 200 });
  const progressSeen = seen.filter((e) => e.type === 'progress');
  assert.ok(progressSeen.length <= 4, `got ${progressSeen.length} progress messages for 100 ms`);
  assert.equal(seen.at(-2)?.type, 'progress');
  assert.equal((seen.at(-2) as { copiedFiles: number }).copiedFiles, 1000);
  assert.equal(seen.at(-1)?.type, 'completed');
  bus.publish(progress(2000));
  assert.equal(seen.length, progressSeen.length + 1, 'nothing after completed');
});

test('skipped counts add up per reason and discovered batches add up', () => {
  let clock = 0;
  const bus = new ProgressBus(50, () => clock);
  const seen: FerryEvent[] = [];
  bus.subscribe((e) => seen.push(e));
  bus.publish({ type: 'filesSkipped', jobId: 'j', t: 0, count: 1, reason: 'alreadyExists' }); // first goes at once
  for (let i = 0; i < 10; i++) {
    clock = 1 + i;
    bus.publish({ type: 'filesSkipped', jobId: 'j', t: clock, count: 2, reason: 'alreadyExists' });
    bus.publish({ type: 'filesSkipped', jobId: 'j', t: clock, count: 1, reason: 'vanished' });
    bus.publish({ type: 'filesDiscovered', jobId: 'j', t: clock, count: 3, bytes: 30 });
  }
  bus.publish({ type: 'fileFailed', jobId: 'j', t: 20, path: '/x', code: 'EACCES', message: 'Permission denied' });
  const total = (reason: string) => seen.filter((e) => e.type === 'filesSkipped' && e.reason === reason)
    .reduce((n, e) => n + (e as { count: number }).count, 0);
  assert.equal(total('alreadyExists'), 21);
  assert.equal(total('vanished'), 10);
  const discovered = seen.filter((e) => e.type === 'filesDiscovered') as { count: number; bytes: number }[];
  assert.equal(discovered.reduce((n, e) => n + e.count, 0), 30);
  assert.equal(discovered.reduce((n, e) => n + e.bytes, 0), 300);
  assert.ok(seen.length <= 6, `coalesced into ${seen.length} messages`);
  assert.equal(seen.at(-1)?.type, 'fileFailed');
});

test('coalesced events go out in time order: t never goes back', () => {
  let clock = 0;
  const bus = new ProgressBus(50, () => clock);
  const seen: FerryEvent[] = [];
  bus.subscribe((e) => seen.push(e));
  bus.publish(progress(1)); // goes at once (t = 1), opening a 50 ms window
  clock = 10;
  bus.publish({ ...progress(2), t: 10 });
  bus.publish({ type: 'filesSkipped', jobId: 'j', t: 20, count: 1, reason: 'alreadyExists' });
  bus.publish({ type: 'filesDiscovered', jobId: 'j', t: 30, count: 1, bytes: 1 });
  bus.flush();
  assert.deepEqual(seen.map((e) => e.t), [1, 10, 20, 30]);
});
