import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { createFerryEngine } from '../../src/main/engine/ferry-engine';
import { CallError, createClient, errorCode, errorMessage } from '../../src/renderer/api/client';
import { METHOD_NAMES } from '../../src/shared/api';
import { dispatchCall } from '../../src/shared/dispatch';
import type { Transport } from '../../src/shared/transport';
import { tempDir, tree } from '../helpers/tree';

/** The renderer's client over a transport that runs a real engine's dispatchCall, results cloned as JSON (as IPC and WebSocket do). */
function clientOverEngine() {
  const engine = createFerryEngine({ dbFile: path.join(tempDir(), 'library.db') });
  const transport: Transport = {
    call: async (method, input) => JSON.parse(JSON.stringify(await dispatchCall(engine, method, input))),
    onEvent: (listener) => engine.onEvent(listener),
  };
  return { engine, api: createClient(transport) };
}

async function failure(call: Promise<unknown>): Promise<CallError> {
  try {
    await call;
  } catch (err) {
    assert.ok(err instanceof CallError, `rejected with a CallError, not ${String(err)}`);
    return err;
  }
  assert.fail('the call resolved');
}

test('the client has every method of the contract plus its two streams', () => {
  const { engine, api } = clientOverEngine();
  try {
    assert.deepEqual(Object.keys(api).sort(), [...METHOD_NAMES, 'onEvent', 'onFolderChange'].sort());
  } finally {
    engine.close();
  }
});

test('a call resolves with its output; a failure keeps its code and path as data', async () => {
  const { engine, api } = clientOverEngine();
  try {
    const dir = tree(tempDir(), { 'a.txt': 'a' });
    assert.deepEqual((await api.listFolder({ path: dir })).entries.map((e) => e.name), ['a.txt']);

    const gone = path.join(dir, 'gone');
    const missing = await failure(api.listFolder({ path: gone }));
    assert.equal(missing.code, 'ENOENT');
    assert.equal(missing.path, gone);
    assert.equal(missing.message, `No such file or directory: ${gone}`, 'the sentence alone, no "[CODE]" prefix');

    const invalid = await failure(api.listFolder({ path: 42 as unknown as string }));
    assert.equal(invalid.code, 'INVALID_INPUT');
    assert.match(invalid.message, /^Invalid input for listFolder \(path\)/);

    const job = await failure(api.pauseJob({ jobId: 'nope' }));
    assert.equal(errorCode(job), 'JOB_NOT_FOUND');
    assert.equal(job.path, undefined);
  } finally {
    engine.close();
  }
});

test('a message that merely looks like "[CODE] text" stays text: codes come from data only', async () => {
  const { engine, api } = clientOverEngine();
  try {
    const odd = path.join(tempDir(), '[EACCES] not really');
    const err = await failure(api.listFolder({ path: odd }));
    assert.equal(err.code, 'ENOENT');
    assert.equal(errorMessage(err), `No such file or directory: ${odd}`);
    assert.equal(errorCode(new Error('[JOB_NOT_FOUND] thrown elsewhere')), 'INTERNAL');
    assert.equal(errorMessage('plain'), 'plain');
  } finally {
    engine.close();
  }
});

test('a transport that loses the connection answers DISCONNECTED, which the client keeps as the code', async () => {
  const api = createClient({
    call: async () => ({ ok: false, error: { code: 'DISCONNECTED', message: 'The connection to Ferry was lost' } }),
    onEvent: () => () => {},
  });
  const err = await failure(api.listJobs({}));
  assert.equal(err.code, 'DISCONNECTED');
  assert.equal(err.message, 'The connection to Ferry was lost');
});
