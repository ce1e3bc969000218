import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { MAX_FRAME_BYTES } from '../../src/main/hosts/browser/ws-api';
import { projectRoot } from '../../src/main/project-root';
import { snapshot, tempDir, tree } from '../helpers/tree';
import { connectOk } from './browser-client';
import { cleanEnv, exitOf, spawnUntilUrl } from './serve-process';

/**
 * A WebSocket client written by hand on a `net` socket, so that it can send what no library would: a
 * frame larger than the server takes, text that is not UTF-8. Resolves with the close code the server
 * sends (its close frame), or null when the connection ends without one.
 */
async function closeCodeAfter(port: number, token: string, frame: (mask: Buffer) => Buffer): Promise<number | null> {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => { socket.once('connect', resolve); socket.once('error', reject); });
  socket.on('error', () => {}); // a reset after the close frame is the server's right
  socket.write([
    `GET /api?token=${token} HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Upgrade: websocket', 'Connection: Upgrade',
    `Sec-WebSocket-Key: ${crypto.randomBytes(16).toString('base64')}`, 'Sec-WebSocket-Version: 13', '', '',
  ].join('\r\n'));
  let buf = Buffer.alloc(0);
  let upgraded = false;
  return new Promise((resolve, reject) => {
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      if (!upgraded) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buf.subarray(0, end).toString('latin1');
        if (!head.startsWith('HTTP/1.1 101')) return reject(new Error(`upgrade refused: ${head.split('\r\n')[0]}`));
        upgraded = true;
        buf = buf.subarray(end + 4);
        socket.write(frame(crypto.randomBytes(4)));
      }
      // Server frames are unmasked; the events it pushes come first, then its close frame (opcode 8).
      for (;;) {
        if (buf.length < 2) return;
        let len = buf[1]! & 0x7f;
        let at = 2;
        if (len === 126) { if (buf.length < 4) return; len = buf.readUInt16BE(2); at = 4; }
        else if (len === 127) { if (buf.length < 10) return; len = Number(buf.readBigUInt64BE(2)); at = 10; }
        if (buf.length < at + len) return;
        const opcode = buf[0]! & 0x0f;
        if (opcode === 8) { socket.destroy(); return resolve(len >= 2 ? buf.readUInt16BE(at) : null); }
        buf = buf.subarray(at + len);
      }
    });
    socket.once('close', () => resolve(null));
  });
}

/** A client's text frame (FIN, opcode 1), masked as the protocol requires. */
function textFrame(payload: Buffer, mask: Buffer): Buffer {
  const masked = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
  if (payload.length >= 126) throw new Error('short frames only');
  return Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), mask, masked]);
}

/** The header of a text frame that announces `length` bytes (64-bit length), and its first bytes. */
function announcedFrame(length: number, mask: Buffer): Buffer {
  const header = Buffer.alloc(10);
  header[0] = 0x81;
  header[1] = 0x80 | 127;
  header.writeBigUInt64BE(BigInt(length), 2);
  return Buffer.concat([header, mask, Buffer.alloc(64 * 1024, 0x20)]);
}

test('a frame over the size limit and a text frame that is not UTF-8 close that connection only (1009, 1007); the server and its running copy go on', async () => {
  const base = tempDir();
  const files: Record<string, Buffer> = {};
  for (let i = 0; i < 24; i++) files[`photos/${String(i).padStart(2, '0')}.jpg`] = crypto.randomBytes(16 * 1024);
  const src = tree(path.join(base, 'src'), files);
  const dest = path.join(base, 'dest');
  fs.mkdirSync(dest);
  // 384 KB at 128 KB a second: the copy is still running (about 3 s) while the bad frames arrive.
  const { child, url } = await spawnUntilUrl([path.join(projectRoot(), 'bin/ferry'), 'serve', '--port', '0', '--allow-root',
    '--db', path.join(base, 'library.db'), '--limit-rate', '128K'], cleanEnv({}));
  const port = Number(url.port);
  const token = url.searchParams.get('token')!;
  try {
    const watcher = await connectOk(port, token);
    const { jobId } = await watcher.ok<{ jobId: string }>('startCopy', { sources: [path.join(src, 'photos')], destination: dest, overwrite: 'skip' });

    const tooBig = await closeCodeAfter(port, token, (mask) => announcedFrame(MAX_FRAME_BYTES + 1, mask));
    assert.equal(tooBig, 1009, 'a frame over the limit is refused with 1009 (message too big)');
    const notUtf8 = await closeCodeAfter(port, token, (mask) => textFrame(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), mask));
    assert.equal(notUtf8, 1007, 'text that is not UTF-8 is refused with 1007 (invalid frame payload data)');
    assert.equal(watcher.events.some((e) => e.type === 'completed' && e.jobId === jobId), false, 'the copy was running meanwhile');
    assert.equal(child.exitCode, null, 'ferry serve is still running');

    // A new connection is answered, and the copy that was running completes, every byte in place.
    const fresh = await connectOk(port, token);
    const jobs = await fresh.ok<Array<{ id: string }>>('listJobs', {});
    assert.ok(jobs.some((j) => j.id === jobId), 'the new connection sees the job');
    fresh.close();
    const completed = await watcher.until(() => watcher.events.find((e) => e.type === 'completed' && e.jobId === jobId));
    assert.equal(completed.type === 'completed' && completed.status, 'done');
    assert.deepEqual(snapshot(path.join(dest, 'photos')), snapshot(path.join(src, 'photos')));
    watcher.close();
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exitOf(child), 0);
});
