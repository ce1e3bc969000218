import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ownsJob } from '../../../src/renderer/stores/jobs';
import { tempDir, tree } from '../../helpers/tree';
import { engineCompleted, storeOverEngine } from './store-over-engine';

test('a copy opens its dialog at once, which becomes the job when the engine answers and ends with its outcome', async () => {
  const { engine, store, connect, until } = storeOverEngine();
  try {
    connect();
    const src = tree(tempDir(), { 'a.txt': 'aaa', 'b.txt': 'bb' });
    const dest = tempDir();
    const started = store.getState().startCopy([path.join(src, 'a.txt'), path.join(src, 'b.txt')], dest);
    assert.deepEqual(store.getState().dialogs, ['pending-1'], 'the dialog is there before the engine answers');
    assert.equal(store.getState().byId['pending-1']?.phase, 'preparing');
    await started;

    const [jobId] = store.getState().dialogs;
    assert.ok(jobId && !jobId.startsWith('pending-'));
    assert.equal(store.getState().byId['pending-1'], undefined, 'the placeholder is gone');
    assert.ok(ownsJob(store.getState(), jobId));
    const done = await until((s) => s.byId[jobId]?.phase === 'finished');
    const view = done.byId[jobId]!;
    assert.equal(view.destination, dest);
    assert.equal(view.completed?.status, 'done');
    assert.equal(view.copiedFiles, 2);
    assert.equal(fs.readFileSync(path.join(dest, 'a.txt'), 'utf8'), 'aaa');

    await until((s) => s.jobList.some((j) => j.id === jobId && j.status === 'completed'));
    assert.ok(store.getState().jobListLoaded);
    store.getState().closeDialog(jobId);
    assert.deepEqual(store.getState().dialogs, []);
    assert.ok(!ownsJob(store.getState(), jobId));
  } finally {
    await engine.shutdown();
  }
});

test('a refused copy shows the engine’s sentence in its dialog, and a second one gets its own placeholder', async () => {
  const { engine, store } = storeOverEngine();
  try {
    const gone = path.join(tempDir(), 'gone.txt');
    await store.getState().startCopy([gone], tempDir());
    await store.getState().startCopy([gone], tempDir());
    const { dialogs, byId } = store.getState();
    assert.deepEqual(dialogs, ['pending-1', 'pending-2']);
    for (const id of dialogs) {
      assert.equal(byId[id]?.phase, 'finished');
      assert.match(byId[id]?.startError ?? '', /gone\.txt/);
      assert.doesNotMatch(byId[id]?.startError ?? '', /^\[/, 'a sentence, not "[CODE] …"');
    }
  } finally {
    await engine.shutdown();
  }
});

test('after a reconnect, a dialog whose job ended meanwhile is settled from the jobs list', async () => {
  const { engine, store } = storeOverEngine(); // not connected: the job's events are missed
  try {
    const src = tree(tempDir(), { 'f.txt': 'f' });
    let jobId: string | undefined;
    const ended = engineCompleted(engine, () => jobId);
    await store.getState().startCopy([path.join(src, 'f.txt')], tempDir());
    jobId = store.getState().dialogs[0];
    await ended;
    assert.equal(store.getState().byId[jobId!]?.phase, 'preparing', 'no event reached the store');

    await store.getState().refreshJobs();
    assert.equal(store.getState().byId[jobId!]?.completed, undefined, 'a plain refresh leaves dialogs alone');
    await store.getState().refreshJobs({ afterReconnect: true });
    const view = store.getState().byId[jobId!]!;
    assert.equal(view.phase, 'finished');
    assert.equal(view.completed?.status, 'done');
    assert.equal(view.completed?.copiedFiles, 1);
  } finally {
    await engine.shutdown();
  }
});

test('resuming an unknown job shows why in its dialog', async () => {
  const { engine, store } = storeOverEngine();
  try {
    await store.getState().resumeJob('no-such-job', '/somewhere');
    const view = store.getState().byId['no-such-job']!;
    assert.deepEqual(store.getState().dialogs, ['no-such-job']);
    assert.equal(view.phase, 'finished');
    assert.ok(view.startError && view.startError.length > 0);
  } finally {
    await engine.shutdown();
  }
});
