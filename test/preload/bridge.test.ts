import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import * as path from 'node:path';
import { createFerryEngine } from '../../src/main/engine/ferry-engine';
import { createIpcTransport } from '../../src/preload/bridge';
import { IPC_CALL, IPC_COMMAND, IPC_EVENT, IPC_FOLDER, type FerryHandlers, type MenuCommand } from '../../src/shared/api';
import { dispatchCall } from '../../src/shared/dispatch';
import type { FerryEvent, FolderChangedEvent } from '../../src/shared/events';
import { tempDir, tree } from '../helpers/tree';

/**
 * An ipcRenderer made of a real EventEmitter, wired to a real engine the way main's hosts/electron/ipc.ts
 * is (Electron itself cannot run here): `invoke` runs dispatchCall and structured-clones the result (as
 * JSON), and every engine event is emitted on IPC_EVENT with an IpcRendererEvent-like first argument.
 */
class EngineIpc extends EventEmitter {
  readonly invoked: string[] = [];
  private readonly stopForwarding: () => void;
  constructor(private readonly engine: FerryHandlers) {
    super();
    this.stopForwarding = engine.onEvent((event) => this.emit(IPC_EVENT, { sender: 'main' }, JSON.parse(JSON.stringify(event))));
  }
  async invoke(channel: string, method: unknown, input: unknown): Promise<unknown> {
    this.invoked.push(channel);
    return JSON.parse(JSON.stringify(await dispatchCall(this.engine, method, input)));
  }
  detach(): void {
    this.stopForwarding();
  }
}

function bridgeOverEngine() {
  const engine = createFerryEngine({ dbFile: path.join(tempDir(), 'library.db') });
  const ipc = new EngineIpc(engine);
  return { engine, ipc, ferry: createIpcTransport(ipc) };
}

async function copyAndWait(engine: FerryHandlers, ferry: ReturnType<typeof createIpcTransport>, source: string) {
  const started = await ferry.call('startCopy', { sources: [source], destination: tempDir(), overwrite: 'skip' });
  assert.ok(started.ok);
  const { jobId } = started.output as { jobId: string };
  await new Promise<void>((resolve) => {
    const off = engine.onEvent((e) => { if (e.type === 'completed' && e.jobId === jobId) { off(); resolve(); } });
  });
  return jobId;
}

test('window.ferry is exactly call and the three streams it listens to', () => {
  const { engine, ferry } = bridgeOverEngine();
  try {
    assert.deepEqual(Object.keys(ferry).sort(), ['call', 'onEvent', 'onFolderChange', 'onMenuCommand']);
  } finally {
    engine.close();
  }
});

test('a call crosses IPC_CALL and answers a value: the output, or the error with its code and path', async () => {
  const { engine, ipc, ferry } = bridgeOverEngine();
  try {
    const dir = tree(tempDir(), { 'a.txt': 'a' });
    const listed = await ferry.call('listFolder', { path: dir });
    assert.ok(listed.ok);
    assert.deepEqual((listed.output as { entries: { name: string }[] }).entries.map((e) => e.name), ['a.txt']);
    const gone = path.join(dir, 'gone');
    const failed = await ferry.call('listFolder', { path: gone });
    assert.deepEqual(failed, { ok: false, error: { code: 'ENOENT', message: `No such file or directory: ${gone}`, path: gone } });
    const invalid = await ferry.call('listFolder', { path: 42 });
    assert.equal(!invalid.ok && invalid.error.code, 'INVALID_INPUT');
    assert.deepEqual(ipc.invoked, [IPC_CALL, IPC_CALL, IPC_CALL]);
  } finally {
    engine.close();
  }
});

test('onEvent delivers job events without the IPC event object, and unsubscribing removes its listener', async () => {
  const { engine, ipc, ferry } = bridgeOverEngine();
  try {
    const src = tree(tempDir(), { 'f.txt': 'f' });
    const received: FerryEvent[] = [];
    const other: FerryEvent[] = [];
    const unsubscribe = ferry.onEvent((e) => received.push(e));
    const unsubscribeOther = ferry.onEvent((e) => other.push(e));
    assert.equal(ipc.listenerCount(IPC_EVENT), 2);
    const first = await copyAndWait(engine, ferry, path.join(src, 'f.txt'));
    assert.ok(received.some((e) => e.type === 'completed' && e.jobId === first));
    assert.ok(received.every((e) => typeof e.type === 'string' && !('sender' in e)), 'the listener gets the FerryEvent, not IPC’s event');

    unsubscribe();
    assert.equal(ipc.listenerCount(IPC_EVENT), 1, 'only this subscription went away');
    const count = received.length;
    const second = await copyAndWait(engine, ferry, path.join(src, 'f.txt'));
    assert.equal(received.length, count, 'no event after unsubscribing');
    assert.ok(other.some((e) => e.type === 'completed' && e.jobId === second), 'the other subscription still hears');
    unsubscribeOther();
    assert.equal(ipc.listenerCount(IPC_EVENT), 0);
  } finally {
    ipc.detach();
    await engine.shutdown();
  }
});

test("the window's folder changes and menu commands arrive on their own channels; unknown commands are dropped", () => {
  const { engine, ipc, ferry } = bridgeOverEngine();
  try {
    const changes: FolderChangedEvent[] = [];
    const commands: MenuCommand[] = [];
    const offFolder = ferry.onFolderChange!((c) => changes.push(c));
    const offCommand = ferry.onMenuCommand!((c) => commands.push(c));
    const change: FolderChangedEvent = { type: 'folderChanged', watchId: 'w', path: '/x', reread: true, entries: [], removed: [] };
    ipc.emit(IPC_FOLDER, { sender: 'main' }, change);
    ipc.emit(IPC_COMMAND, { sender: 'main' }, 'refresh');
    ipc.emit(IPC_COMMAND, { sender: 'main' }, 'format-disk');
    assert.deepEqual(changes, [change]);
    assert.deepEqual(commands, ['refresh']);
    offFolder();
    offCommand();
    ipc.emit(IPC_FOLDER, { sender: 'main' }, change);
    ipc.emit(IPC_COMMAND, { sender: 'main' }, 'refresh');
    assert.equal(changes.length, 1);
    assert.equal(commands.length, 1);
    assert.equal(ipc.listenerCount(IPC_FOLDER) + ipc.listenerCount(IPC_COMMAND), 0);
  } finally {
    engine.close();
  }
});
