import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir, tree } from '../../helpers/tree';
import { storeOverEngine } from './store-over-engine';

/**
 * A copy of two files that both meet an existing file at the destination, started through the store: resolves
 * once the modal's queue holds both conflicts.
 */
async function twoConflictsAsked(lab: ReturnType<typeof storeOverEngine>) {
  lab.connect();
  const src = tree(tempDir(), { 'a.txt': 'new a', 'b.txt': 'new b' });
  const dest = tree(tempDir(), { 'a.txt': 'old a', 'b.txt': 'old b' });
  await lab.store.getState().startCopy([path.join(src, 'a.txt'), path.join(src, 'b.txt')], dest);
  const asked = await lab.until((s) => s.conflicts.length === 2);
  return { dest, asked };
}

test('conflicts queue up once each; "Keep Both" for all answers them all and the copies land beside', async () => {
  const lab = storeOverEngine();
  const { engine, store, until } = lab;
  try {
    const { dest, asked } = await twoConflictsAsked(lab);
    const first = asked.conflicts[0]!;
    store.getState().pushConflict(first);
    assert.equal(store.getState().conflicts.length, 2, 'the same conflict heard twice is asked once');

    await store.getState().answerConflict(first, 'keep-both', true);
    assert.deepEqual(store.getState().conflicts, [], 'apply to all takes the job’s other conflicts too');
    assert.equal(store.getState().answeringConflict, false);
    assert.equal(store.getState().conflictError, null);
    const jobId = first.jobId;
    await until((s) => s.byId[jobId]?.phase === 'finished');
    assert.deepEqual(fs.readdirSync(dest).sort(), ['a 2.txt', 'a.txt', 'b 2.txt', 'b.txt']);
    assert.equal(fs.readFileSync(path.join(dest, 'a.txt'), 'utf8'), 'old a');
  } finally {
    await engine.shutdown();
  }
});

test('answering one conflict leaves the other asked; a job that ends drops its conflicts', async () => {
  const lab = storeOverEngine();
  const { engine, store, until } = lab;
  try {
    const { dest, asked } = await twoConflictsAsked(lab);
    const [first, second] = asked.conflicts;

    await store.getState().answerConflict(first!, 'replace', false);
    assert.deepEqual(store.getState().conflicts.map((c) => c.conflictId), [second!.conflictId]);

    await store.getState().answerConflict(second!, 'stop', false);
    assert.deepEqual(store.getState().conflicts, []);
    await until((s) => s.byId[first!.jobId]?.phase === 'finished');
    assert.equal(fs.readFileSync(path.join(dest, 'b.txt'), 'utf8'), 'old b', 'stopped: b kept');
  } finally {
    await engine.shutdown();
  }
});

test('a conflict that can no longer be answered leaves quietly; a refused answer shows why and stays', async () => {
  const lab = storeOverEngine();
  const { engine, api, store, until } = lab;
  try {
    const { asked } = await twoConflictsAsked(lab);
    const [first] = asked.conflicts;

    const refused = { ...first!, conflictId: '' };
    store.getState().pushConflict(refused);
    await store.getState().answerConflict(refused, 'skip', false);
    assert.match(store.getState().conflictError ?? '', /^Invalid input for resolveConflict/);
    assert.ok(store.getState().conflicts.includes(refused), 'still asked');
    store.getState().dropJobConflicts('another-job');
    assert.equal(store.getState().conflicts.length, 3, 'another job’s end drops nothing here');

    // Answered elsewhere (another window): this window's answer finds nothing, and the modal moves on.
    await api.resolveConflict({ jobId: first!.jobId, conflictId: first!.conflictId, resolution: 'skip', applyToAll: false });
    await store.getState().answerConflict(first!, 'replace', false);
    assert.ok(!store.getState().conflicts.includes(first!));
    assert.equal(store.getState().conflictError, null, 'no error for a conflict already answered');

    await api.cancelJob({ jobId: first!.jobId });
    await until((s) => s.conflicts.length === 0);
  } finally {
    await engine.shutdown();
  }
});
