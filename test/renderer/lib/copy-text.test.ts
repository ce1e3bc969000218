import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyCopyEvent, completedFromSummary, newCopyView, type CopyView } from '../../../src/renderer/lib/copy-progress';
import { copyDetail, copyTitle, doneLine, preparingText, waitingText } from '../../../src/renderer/lib/copy-text';
import type { FerryEvent } from '../../../src/shared/events';
import type { JobSummary } from '../../../src/shared/types';

const J = 'job-1';
const fold = (events: FerryEvent[], view: CopyView) => events.reduce(applyCopyEvent, view);
/** An event as the engine sends it for a move: `operation` on initialEstimate and completed (DESIGN §7.1). */
const withOperation = <T extends FerryEvent>(e: T, operation: 'copy' | 'move') => ({ ...e, operation }) as T;

test('a move says so at every step: preparing, moving N of M, moved, and its summary line', () => {
  let v = newCopyView(J, '/home/me/Backup', 'move');
  assert.equal(copyTitle(v), 'Preparing to move…');
  assert.equal(preparingText(v), 'Preparing to move…');
  v = fold([
    { type: 'initialEstimate', jobId: J, t: 1, knownFiles: 5678, knownBytes: 3.4e9, discoveryStarting: false },
    { type: 'progress', jobId: J, t: 2, copiedFiles: 1234, totalFiles: 5678, copiedBytes: 1.2e9, totalBytes: 3.4e9, skippedFiles: 0,
      failedFiles: 0, discoveryActive: false, bytesPerSecond: 1e7, etaSeconds: 120 },
  ], v);
  assert.equal(copyTitle(v), 'Moving 1,234 of 5,678 items');
  assert.match(copyDetail(v), /^Moving 1,234 of 5,678 items — 1\.2 GB of 3\.4 GB — about 2 minutes$/);
  v = applyCopyEvent(v, { type: 'completed', jobId: J, t: 3, status: 'done', copiedFiles: 5678, copiedBytes: 3.4e9, skippedFiles: 0,
    failedFiles: 0, discoveredFiles: 0, indexedFiles: 0, durationMs: 1000 });
  assert.equal(copyTitle(v), 'Moved 5,678 items');
  assert.equal(doneLine(v), '5,678 items moved (3.4 GB)');
});

test('a move\'s failure, cancel, interruption and refusal read as a move\'s', () => {
  const ended = (status: 'done' | 'cancelled' | 'interrupted', failedFiles = 0) => applyCopyEvent(newCopyView(J, '/d', 'move'), {
    type: 'completed', jobId: J, t: 1, status, copiedFiles: 3, copiedBytes: 30, skippedFiles: 0, failedFiles, discoveredFiles: 0, indexedFiles: 0, durationMs: 5,
  });
  assert.equal(copyTitle(ended('done', 1)), 'Moved 3 of 4 items');
  assert.equal(copyTitle(ended('cancelled')), 'Move cancelled');
  assert.equal(copyTitle(ended('interrupted')), 'Move interrupted');
  assert.equal(copyTitle({ ...newCopyView(J, '/d', 'move'), phase: 'finished', startError: 'No such file' }), 'Could not move');
  assert.equal(waitingText({ ...newCopyView(J, '/d', 'move'), waitingInto: '/d/photos' }), 'Waiting for another transfer into “photos” to finish…');
});

test('a move done by whole renames counts its items, and says no bytes were written', () => {
  const v = applyCopyEvent(newCopyView(J, '/d', 'move'), {
    type: 'completed', jobId: J, t: 1, status: 'done', copiedFiles: 0, copiedBytes: 0, skippedFiles: 0, failedFiles: 0,
    discoveredFiles: 0, indexedFiles: 0, durationMs: 2, operation: 'move', renamed: 2, originalsRemoved: 0,
  });
  assert.equal(copyTitle(v), 'Moved 2 items');
  assert.equal(doneLine(v), '2 items moved');
  const mixed = applyCopyEvent(newCopyView(J, '/d', 'move'), {
    type: 'completed', jobId: J, t: 1, status: 'done', copiedFiles: 3, copiedBytes: 300, skippedFiles: 0, failedFiles: 1,
    discoveredFiles: 0, indexedFiles: 0, durationMs: 2, operation: 'move', renamed: 1, originalsRemoved: 3,
  });
  assert.equal(copyTitle(mixed), 'Moved 4 of 5 items');
  assert.equal(doneLine(mixed), '4 items moved (300 bytes)');
});

test('a job another window started is a move once its events say so, and stays a copy when they say nothing', () => {
  const estimate: FerryEvent = { type: 'initialEstimate', jobId: J, t: 1, knownFiles: 2, knownBytes: 20, discoveryStarting: false };
  assert.equal(fold([withOperation(estimate, 'move')], newCopyView(J)).operation, 'move');
  assert.equal(fold([estimate], newCopyView(J)).operation, 'copy');
  assert.equal(copyTitle(fold([estimate], newCopyView(J))), 'Copying 0 of 2 items');
});

test('a move job that ended while disconnected is rebuilt from its row like a copy\'s', () => {
  const row: JobSummary = {
    id: J, parentId: null, kind: 'copy', status: 'completed', priority: 0, config: { sources: ['/a'], destination: '/d', operation: 'move' },
    progress: { copiedFiles: 4, copiedBytes: 40 }, error: null, createdAt: 1, updatedAt: 2, finishedAt: 3,
  };
  const done = completedFromSummary(row);
  assert.equal(done?.copiedFiles, 4);
  assert.equal(copyTitle(applyCopyEvent(newCopyView(J, '/d', 'move'), done!)), 'Moved 4 items');
});
