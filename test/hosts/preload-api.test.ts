import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { createFerryEngine } from '../../src/main/engine/ferry-engine';
import { createFerryApi } from '../../src/preload/api-client';
import { METHOD_NAMES } from '../../src/shared/api';
import { dispatchCall } from '../../src/shared/dispatch';
import type { FerryEvent } from '../../src/shared/events';
import { tempDir, tree } from '../helpers/tree';

/**
 * window.ferry as the preload builds it, over the same dispatchCall that main's IPC handler runs
 * (Electron's invoke itself cannot run here), against a real engine. Results cross as JSON, as IPC
 * would structured-clone them.
 */
function apiOverEngine() {
  const engine = createFerryEngine({ dbFile: path.join(tempDir(), 'library.db') });
  const api = createFerryApi({
    invoke: async (method, input) => JSON.parse(JSON.stringify(await dispatchCall(engine, method, input))),
    subscribe: (listener) => engine.onEvent(listener),
  });
  return { engine, api };
}

test('window.ferry has exactly the contract: every method plus onEvent', () => {
  const { engine, api } = apiOverEngine();
  try {
    assert.deepEqual(Object.keys(api).sort(), [...METHOD_NAMES, 'onEvent'].sort());
  } finally {
    engine.close();
  }
});

test('a call resolves with its output; a failure rejects with "[CODE] message"', async () => {
  const { engine, api } = apiOverEngine();
  try {
    const dir = tree(tempDir(), { 'a.txt': 'a' });
    assert.deepEqual((await api.listFolder({ path: dir })).entries.map((e) => e.name), ['a.txt']);
    await assert.rejects(api.listFolder({ path: path.join(dir, 'gone') }), (err: Error) => {
      assert.match(err.message, /^\[ENOENT\] No such file or directory: /);
      return true;
    });
    await assert.rejects(api.listFolder({ path: 42 as unknown as string }), /^Error: \[INVALID_INPUT\] Invalid input for listFolder \(path\)/);
    await assert.rejects(api.pauseJob({ jobId: 'nope' }), /^Error: \[JOB_NOT_FOUND\] /);
  } finally {
    engine.close();
  }
});

test('onEvent delivers job events until unsubscribed', async () => {
  const { engine, api } = apiOverEngine();
  try {
    const src = tree(tempDir(), { 'f.txt': 'f' });
    const received: FerryEvent[] = [];
    const unsubscribe = api.onEvent((e) => received.push(e));
    const { jobId } = await api.startCopy({ sources: [path.join(src, 'f.txt')], destination: tempDir(), overwrite: 'skip' });
    while (!received.some((e) => e.type === 'completed' && e.jobId === jobId)) await new Promise((r) => setTimeout(r, 20));
    unsubscribe();
    const count = received.length;
    const second = await api.startCopy({ sources: [path.join(src, 'f.txt')], destination: tempDir(), overwrite: 'skip' });
    const done = new Promise<void>((resolve) => engine.onEvent((e) => { if (e.type === 'completed' && e.jobId === second.jobId) resolve(); }));
    await done;
    assert.equal(received.length, count);
  } finally {
    await engine.shutdown();
  }
});
