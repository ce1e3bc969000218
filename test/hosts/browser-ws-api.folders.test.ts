import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { createFerryEngine } from '../../src/main/engine/ferry-engine';
import { serveApi } from '../../src/main/hosts/browser/ws-api';
import { tempDir } from '../helpers/tree';
import { connect, ApiClient } from './browser-client';

/** The inotify watches this process holds now (Linux): what a watched folder costs the kernel. */
function inotifyWatches(): number {
  let count = 0;
  for (const fd of fs.readdirSync('/proc/self/fd')) {
    let link: string;
    try { link = fs.readlinkSync(`/proc/self/fd/${fd}`); } catch { continue; }
    if (link !== 'anon_inode:inotify') continue;
    count += fs.readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8').split('\n').filter((l) => l.startsWith('inotify wd:')).length;
  }
  return count;
}

/** The browser host's API over a real engine and a real WebSocket server, in this process. */
async function serving() {
  const engine = createFerryEngine({ dbFile: path.join(tempDir(), 'library.db') });
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const detach = serveApi(wss, engine);
  const port = (wss.address() as AddressInfo).port;
  return {
    engine,
    async client(): Promise<ApiClient> {
      const c = await connect(port, '/api');
      if (!(c instanceof ApiClient)) throw new Error(`refused: ${c.refused}`);
      return c;
    },
    async close() {
      detach();
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await engine.shutdown();
    },
  };
}

test("a watched folder's changes go to the connection that watches it, and end with that connection", async () => {
  const host = await serving();
  const dir = tempDir();
  try {
    const watching = await host.client();
    const other = await host.client();
    const { watchId } = await watching.ok<{ watchId: string }>('watchFolder', { path: dir });
    fs.writeFileSync(path.join(dir, 'hello.txt'), 'hi');
    const change = await watching.until(() => watching.folderChanges.find((c) => c.entries.some((e) => e.name === 'hello.txt')));
    assert.equal(change.watchId, watchId);
    assert.equal(change.path, dir);
    assert.equal(change.type, 'folderChanged');

    // The other connection watches nothing: it heard nothing (its calls still work).
    await other.ok('listJobs', {});
    assert.deepEqual(other.folderChanges, []);

    // unwatchFolder stops the stream; watching again starts it.
    await watching.ok('unwatchFolder', {});
    await watching.ok('watchFolder', { path: dir });
    fs.writeFileSync(path.join(dir, 'again.txt'), 'x');
    await watching.until(() => watching.folderChanges.find((c) => c.entries.some((e) => e.name === 'again.txt')));

    // A closed connection's watch ends with it: the folder is no longer watched at all.
    const before = process.platform === 'linux' ? inotifyWatches() : 0;
    watching.close();
    if (process.platform === 'linux') {
      await watching.until(() => (inotifyWatches() === before - 1 ? true : undefined));
    }
    await other.ok('watchFolder', { path: dir });
    fs.rmSync(path.join(dir, 'hello.txt'));
    await other.until(() => other.folderChanges.find((c) => c.removed.includes('hello.txt')));
    other.close();
  } finally {
    await host.close();
  }
});

test('watching a folder that is not there says why, and an unwatch without a watch is harmless', async () => {
  const host = await serving();
  try {
    const client = await host.client();
    const reply = await client.call('watchFolder', { path: path.join(tempDir(), 'nope') });
    assert.equal(reply.ok, false);
    if (!reply.ok) assert.equal(reply.error.code, 'ENOENT');
    assert.deepEqual(await client.ok('unwatchFolder', {}), {});
    client.close();
  } finally {
    await host.close();
  }
});
