import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyCopyEvent, completedFromSummary, newCopyView, type CopyView } from '../../../src/renderer/lib/copy-progress';
import type { JobSummary } from '../../../src/shared/types';
import { copyDetail, copyTitle, foundMoreText, skipLines, waitingText } from '../../../src/renderer/lib/copy-text';
import type { FerryEvent } from '../../../src/shared/events';

const J = 'job-1';
const fold = (events: FerryEvent[], view: CopyView = newCopyView(J, '/dest/Backup')) => events.reduce(applyCopyEvent, view);

function progress(p: Partial<Extract<FerryEvent, { type: 'progress' }>>): FerryEvent {
  return {
    type: 'progress', jobId: J, t: 0, copiedFiles: 0, totalFiles: 0, copiedBytes: 0, totalBytes: 0, skippedFiles: 0,
    failedFiles: 0, discoveryActive: false, bytesPerSecond: 0, etaSeconds: null, ...p,
  };
}

test('says "Preparing to copy…" until an estimate that knows something', () => {
  let v = fold([]);
  assert.equal(copyTitle(v), 'Preparing to copy…');
  v = fold([{ type: 'initialEstimate', jobId: J, t: 1, knownFiles: 0, knownBytes: 0, discoveryStarting: true }]);
  assert.equal(copyTitle(v), 'Preparing to copy…', 'an empty index and discovery only starting: nothing known yet');
  v = applyCopyEvent(v, { type: 'filesDiscovered', jobId: J, t: 2, count: 56, bytes: 5600 });
  assert.equal(copyTitle(v), 'Copying 0 of 56 items');
});

test('writes Finder\'s line: "Copying 1,234 of 5,678 items — 1.2 GB of 3.4 GB — about 2 minutes"', () => {
  const v = fold([
    { type: 'initialEstimate', jobId: J, t: 1, knownFiles: 5678, knownBytes: 3.4e9, discoveryStarting: false },
    progress({ copiedFiles: 1234, totalFiles: 5678, copiedBytes: 1.2e9, totalBytes: 3.4e9, etaSeconds: 118 }),
  ]);
  assert.equal(copyTitle(v), 'Copying 1,234 of 5,678 items');
  assert.equal(copyDetail(v), 'Copying 1,234 of 5,678 items — 1.2 GB of 3.4 GB — about 2 minutes');
});

test('"Found 56 more…" while discovery runs, gone once it is complete', () => {
  let v = fold([
    { type: 'initialEstimate', jobId: J, t: 1, knownFiles: 100, knownBytes: 1000, discoveryStarting: true },
    { type: 'filesDiscovered', jobId: J, t: 2, count: 50, bytes: 10 },
    { type: 'filesDiscovered', jobId: J, t: 3, count: 6, bytes: 10 },
  ]);
  assert.equal(foundMoreText(v), 'Found 56 more…');
  v = applyCopyEvent(v, { type: 'discoveryComplete', jobId: J, t: 4, totalDiscovered: 56, discoveryBytes: 20 });
  assert.equal(foundMoreText(v), null);
});

test('the bar never goes backwards when discovery grows the total', () => {
  const v1 = fold([progress({ copiedFiles: 50, totalFiles: 100, copiedBytes: 500, totalBytes: 1000 })]);
  assert.equal(v1.shownFraction, 0.5);
  const v2 = applyCopyEvent(v1, progress({ copiedFiles: 51, totalFiles: 400, copiedBytes: 510, totalBytes: 4000 }));
  assert.equal(v2.shownFraction, 0.5, 'holds instead of jumping back to 12.75%');
  const v3 = applyCopyEvent(v2, progress({ copiedFiles: 300, totalFiles: 400, copiedBytes: 3000, totalBytes: 4000 }));
  assert.equal(v3.shownFraction, 0.75);
});

test('property: whatever the stream of progress events, the shown fraction only grows', () => {
  const arbProgress = fc.record({
    copiedBytes: fc.nat(10_000), totalBytes: fc.nat(10_000), copiedFiles: fc.nat(100), totalFiles: fc.nat(100),
    fraction: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  });
  fc.assert(fc.property(fc.array(arbProgress, { maxLength: 40 }), (steps) => {
    let v = newCopyView(J);
    for (const s of steps) {
      const next = applyCopyEvent(v, progress(s));
      if (next.shownFraction < v.shownFraction || next.shownFraction > 1) return false;
      v = next;
    }
    return true;
  }));
});

test('the summary counts skips by reason and keeps failures with their reasons', () => {
  const v = fold([
    { type: 'filesSkipped', jobId: J, t: 1, count: 2, reason: 'alreadyExists' },
    { type: 'filesSkipped', jobId: J, t: 2, count: 1, reason: 'alreadyExists' },
    { type: 'filesSkipped', jobId: J, t: 3, count: 1, reason: 'vanished' },
    { type: 'fileFailed', jobId: J, t: 4, path: '/src/locked.txt', code: 'EACCES', message: 'Permission denied: /src/locked.txt' },
    { type: 'completed', jobId: J, t: 5, status: 'done', copiedFiles: 10, copiedBytes: 100, skippedFiles: 4, failedFiles: 1, discoveredFiles: 0, indexedFiles: 15, durationMs: 5 },
  ]);
  assert.deepEqual(skipLines(v), ['3 items already at the destination', '1 item no longer on disk']);
  assert.deepEqual(v.failures, [{ path: '/src/locked.txt', code: 'EACCES', message: 'Permission denied: /src/locked.txt' }]);
  assert.equal(copyTitle(v), 'Copied 10 of 11 items');
  assert.equal(v.phase, 'finished');
});

test('pause and resume follow jobState events; cancelled and interrupted jobs say so', () => {
  let v = fold([{ type: 'jobState', jobId: J, t: 1, status: 'paused', reason: 'No space left on the destination device' }]);
  assert.equal(v.paused, true);
  assert.equal(v.pauseReason, 'No space left on the destination device');
  v = applyCopyEvent(v, { type: 'jobState', jobId: J, t: 2, status: 'running' });
  assert.equal(v.paused, false);
  const done = (status: 'cancelled' | 'interrupted') => copyTitle(applyCopyEvent(v, {
    type: 'completed', jobId: J, t: 3, status, copiedFiles: 1, copiedBytes: 1, skippedFiles: 0, failedFiles: 0, discoveredFiles: 0, indexedFiles: 0, durationMs: 3,
  }));
  assert.equal(done('cancelled'), 'Copy cancelled');
  assert.equal(done('interrupted'), 'Copy interrupted');
});

test('a `completed` missed while disconnected is rebuilt from the job row; a running job gives none', () => {
  const row: JobSummary = {
    id: J, parentId: null, kind: 'copy', status: 'failed', priority: 0, config: {}, error: 'No space left on the destination device',
    progress: { copiedFiles: 7, copiedBytes: 7000, skippedFiles: 2, failedFiles: 1, discoveredFiles: 3, indexedFiles: 6 },
    createdAt: 1_000, updatedAt: 4_000, finishedAt: 3_500,
  };
  const ended = completedFromSummary(row)!;
  assert.deepEqual(ended, {
    type: 'completed', jobId: J, t: 0, status: 'failed', copiedFiles: 7, copiedBytes: 7000, skippedFiles: 2, failedFiles: 1,
    discoveredFiles: 3, indexedFiles: 6, durationMs: 2_500, message: 'No space left on the destination device',
  });
  const v = fold([progress({ copiedFiles: 5, totalFiles: 10 }), ended]);
  assert.equal(v.phase, 'finished');
  assert.equal(v.copiedFiles, 7);
  assert.equal(completedFromSummary({ ...row, status: 'completed' })!.status, 'done');
  assert.equal(completedFromSummary({ ...row, status: 'running' }), null);
  assert.equal(completedFromSummary({ ...row, status: 'paused' }), null);
  assert.equal(completedFromSummary({ ...row, kind: 'index' }), null);
});

test('the conflicts to expect come from the destination analysis and later progress', () => {
  const analysis: FerryEvent = { type: 'destinationAnalysis', jobId: J, t: 0, filesFound: 9, totalBytes: 90, complete: true, expectedConflicts: 3 };
  let v = fold([analysis]);
  assert.equal(v.expectedConflicts, 3);
  v = fold([progress({ totalFiles: 5 })], v);
  assert.equal(v.expectedConflicts, 3, 'a progress without the field keeps it');
  v = fold([progress({ totalFiles: 6, expectedConflicts: 4 })], v);
  assert.equal(v.expectedConflicts, 4);
});

test('while another copy into the same place runs: "Waiting for another copy into “src” to finish…", kept through a pause', () => {
  const waiting: FerryEvent = { type: 'jobState', jobId: J, t: 2, status: 'waiting', reason: 'Waiting (job abc)', waitingFor: 'abc', into: '/dest/Backup/src' };
  let v = fold([{ type: 'initialEstimate', jobId: J, t: 1, knownFiles: 0, knownBytes: 0, discoveryStarting: true }, waiting]);
  assert.equal(waitingText(v), 'Waiting for another copy into “src” to finish…');
  v = applyCopyEvent(v, { type: 'jobState', jobId: J, t: 3, status: 'paused' });
  assert.equal(waitingText(v), 'Waiting for another copy into “src” to finish…');
  v = applyCopyEvent(v, { type: 'jobState', jobId: J, t: 4, status: 'running' });
  assert.equal(waitingText(v), null, 'running: no longer waiting');
});
