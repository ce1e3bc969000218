import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OutcomeLedger } from '../../src/main/engine/copy/outcome-ledger';
import { ProgressTracker } from '../../src/main/engine/copy/progress-tracker';
import type { CopyItem } from '../../src/main/engine/copy/types';

const file = (rel: string, size: number, origin: CopyItem['origin'] = 'index'): CopyItem =>
  ({ source: `/src/${rel}`, rel, kind: 'file', size, mtimeMs: 0, origin });
const dir = (rel: string): CopyItem => ({ source: `/src/${rel}`, rel, kind: 'dir', size: 4096, mtimeMs: 0, origin: 'discovery' });

function ledger(): OutcomeLedger {
  const l = new OutcomeLedger(new ProgressTracker(() => 0));
  l.tracker.indexStreamFinished();
  return l;
}

test('a stale index row and the copy of the same file correct the total once, in either order', () => {
  for (const staleFirst of [true, false]) {
    const l = ledger();
    const a = file('s/a', 100);
    l.listed([a, file('s/b', 10)]);
    const stale = () => l.stale([{ rel: 's/a', indexedSize: 100, diskSize: 150 }]);
    if (staleFirst) stale();
    l.settled(a, { o: 'copied', size: 150, destRel: 's/a', existed: false }, false, true);
    if (!staleFirst) stale();
    assert.equal(l.tracker.totalBytes, 160, `stale ${staleFirst ? 'first' : 'last'}`);
    assert.equal(l.tracker.copiedBytes, 150);
    assert.equal(l.tracker.totalFiles, 2);
  }
});

test('a vanished file leaves the totals, with its stale correction; it counts as skipped', () => {
  const l = ledger();
  const a = file('s/a', 100);
  l.listed([a, file('s/b', 10)]);
  l.stale([{ rel: 's/a', indexedSize: 100, diskSize: 300 }]);
  assert.equal(l.tracker.totalBytes, 310);
  l.settled(a, { o: 'skipped', reason: 'vanished', size: 0, existed: false }, false, true);
  assert.deepEqual([l.tracker.totalFiles, l.tracker.totalBytes, l.tracker.skippedFiles], [1, 10, 1]);
});

test('discovered files count toward the total; folders count as neither files nor bytes', () => {
  const l = ledger();
  assert.deepEqual(l.discovered([dir('s'), file('s/x', 5, 'discovery'), file('s/y', 7, 'discovery')]), { count: 2, bytes: 12 });
  l.listed([dir('t')]);
  l.settled(dir('s'), { o: 'dir', existed: false, atimeNs: 0n, mtimeNs: 0n }, false, true);
  assert.deepEqual([l.tracker.totalFiles, l.tracker.totalBytes, l.tracker.settledFiles], [2, 12, 0]);
});

test('files met at DEST count as existing only until the destination map is complete, and an answered conflict once', () => {
  const l = ledger();
  const a = file('s/a', 1);
  l.settled(a, { o: 'conflict', sourceSize: 1, sourceModified: 0, destSize: 2, destModified: 0, sourceKind: 'file', destKind: 'file' }, false, false);
  l.settled(a, { o: 'copied', size: 1, destRel: 's/a', existed: true }, true, false);
  l.settled(file('s/b', 1), { o: 'skipped', reason: 'alreadyExists', size: 1, existed: true }, false, false);
  l.settled(file('s/c', 1), { o: 'copied', size: 1, destRel: 's/c', existed: true }, false, true);
  assert.equal(l.existingAtDest, 2);
  assert.deepEqual([l.tracker.copiedFiles, l.tracker.skippedFiles], [2, 1]);
});

test('an earlier run\'s files count as copied and already completed; its skips as skipped', () => {
  const l = ledger();
  l.listed([file('s/a', 4), file('s/b', 6)]);
  l.settled(file('s/a', 4), { o: 'already', size: 4, destRel: 's/a' }, false, true);
  l.settled(file('s/b', 6), { o: 'skippedBefore', size: 6 }, false, true);
  const t = l.tracker;
  assert.deepEqual([t.copiedFiles, t.copiedBytes, t.alreadyCompleted, t.skippedFiles, t.skippedBytes], [1, 4, 1, 1, 6]);
});

test('every file failed is a failed job; one copied or skipped file is not', () => {
  const l = ledger();
  const failure = { o: 'failed', code: 'EACCES', message: 'denied', path: '/src/s/a', size: 3 } as const;
  l.settled(file('s/a', 3), failure, false, true);
  l.settled(dir('s/d'), { ...failure, size: 4096 }, false, true);
  assert.deepEqual([l.tracker.failedFiles, l.tracker.failedBytes], [2, 3], 'a folder fails with no bytes');
  assert.equal(l.everyFileFailed, true);
  l.skipped(file('s/b', 8));
  assert.equal(l.everyFileFailed, false);
  assert.equal(l.tracker.skippedBytes, 8);
});
