import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as http from 'node:http';
import * as path from 'node:path';
import { createFerryEngine, type FerryEngine } from '../../src/main/engine/ferry-engine';
import { checkFileRequest } from '../../src/main/hosts/browser/file-route';
import { startBrowserServer, type BrowserServer } from '../../src/main/hosts/browser/server';
import { fileUrl } from '../../src/shared/file-url';
import { emptyDir, symlink, tempDir, tree } from '../helpers/tree';
import { request } from './browser-client';

let engine: FerryEngine;
let server: BrowserServer;
let port: number;
let cookie: string;
let dir: string;
const media = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));

before(async () => {
  const base = tempDir();
  dir = tree(path.join(base, 'files'), {
    'notes.txt': 'hello from disk\n',
    'naïve €.txt': 'unicode name',
    'clip.webm': media,
    'page.html': '<script>fetch("/api")</script><p>page</p>',
    'program': 'binary-ish',
    'empty.txt': '',
    'folder': emptyDir(),
    'link to notes': symlink('notes.txt'),
    'dangling.txt': symlink('missing.txt'),
  });
  execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
  engine = createFerryEngine({ dbFile: path.join(base, 'library.db') });
  server = await startBrowserServer({ handlers: engine, port: 0, rendererDir: path.join(base, 'renderer') });
  port = server.port;
  cookie = `ferry_token=${server.token}`;
});

after(async () => {
  await server.close();
  await engine.shutdown();
});

const get = (p: string, headers: Record<string, string> = {}, method = 'GET') => request(port, p, { cookie, ...headers }, method);
const at = (name: string, options: { download?: boolean } = {}) => fileUrl(path.join(dir, name), options);

/** The raw bytes of a response (the shared helper reads text). */
function getBytes(p: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: p, headers: { host: `127.0.0.1:${port}`, cookie, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

test('which requests the route accepts before touching the disk', () => {
  const q = (s: string) => checkFileRequest(new URLSearchParams(s));
  assert.deepEqual(q('path=/a/b.txt'), { ok: true, path: '/a/b.txt', download: false });
  assert.deepEqual(q('path=/a/b.txt&download=1'), { ok: true, path: '/a/b.txt', download: true });
  for (const bad of ['', 'path=', 'path=a/b.txt', 'path=/a/../etc/passwd', 'path=/a/./b', 'path=//a/b', 'path=/a/b/', 'path=/a%00b']) {
    const r = q(bad);
    assert.equal(r.ok, false, bad);
    if (!r.ok) assert.equal(r.status, 400, bad);
  }
});

describe('GET /file', () => {
  test('needs the token like everything else, and answers the Host and Origin checks first', async () => {
    assert.equal((await request(port, at('notes.txt'))).status, 401);
    assert.equal((await request(port, at('notes.txt'), { cookie: 'ferry_token=wrong' })).status, 401);
    assert.equal((await get(at('notes.txt'), { origin: 'http://evil.example' })).status, 403);
    assert.equal((await get(at('notes.txt'), { host: 'evil.example' })).status, 421);
    const withQueryToken = await request(port, `${at('notes.txt')}&token=${server.token}`);
    assert.equal(withQueryToken.status, 200);
    assert.equal(withQueryToken.body, 'hello from disk\n');
  });

  test('a text file is shown inline as UTF-8 text, with its name, never cached', async () => {
    const r = await get(at('notes.txt'));
    assert.equal(r.status, 200);
    assert.equal(r.body, 'hello from disk\n');
    assert.equal(r.headers['content-type'], 'text/plain; charset=utf-8');
    assert.equal(r.headers['content-disposition'], `inline; filename="notes.txt"; filename*=UTF-8''notes.txt`);
    assert.equal(r.headers['content-length'], '16');
    assert.equal(r.headers['cache-control'], 'no-store');
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.equal(r.headers['accept-ranges'], 'bytes');
  });

  test('download=1 makes it an attachment with an RFC 6266 filename*', async () => {
    const r = await get(at('naïve €.txt', { download: true }));
    assert.equal(r.status, 200);
    assert.equal(r.body, 'unicode name');
    assert.equal(r.headers['content-disposition'], `attachment; filename="na_ve _.txt"; filename*=UTF-8''na%C3%AFve%20%E2%82%AC.txt`);
  });

  test('what a browser cannot show is downloaded', async () => {
    const r = await get(at('program'));
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-type'], 'application/octet-stream');
    assert.match(String(r.headers['content-disposition']), /^attachment; /);
  });

  test('an HTML file is shown sandboxed: no scripts, an opaque origin that cannot reach the API', async () => {
    const r = await get(at('page.html'));
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-type'], 'text/html; charset=utf-8');
    assert.match(String(r.headers['content-security-policy']), /^sandbox; default-src 'none'/);
  });

  test('media seek with a byte range: 206 with Content-Range, 416 past the end', async () => {
    const part = await getBytes(at('clip.webm'), { range: 'bytes=100-199' });
    assert.equal(part.status, 206);
    assert.equal(part.headers['content-range'], 'bytes 100-199/1000');
    assert.equal(part.headers['content-type'], 'video/webm');
    assert.deepEqual(part.body, media.subarray(100, 200));
    const tail = await getBytes(at('clip.webm'), { range: 'bytes=-10' });
    assert.deepEqual(tail.body, media.subarray(990));
    const whole = await getBytes(at('clip.webm'), {});
    assert.equal(whole.status, 200);
    assert.deepEqual(whole.body, media);
    const past = await getBytes(at('clip.webm'), { range: 'bytes=1000-' });
    assert.equal(past.status, 416);
    assert.equal(past.headers['content-range'], 'bytes */1000');
  });

  test('HEAD gives the headers without the body; an empty file is a 200 with no bytes', async () => {
    const head = await get(at('notes.txt'), {}, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-length'], '16');
    assert.equal(head.body, '');
    const empty = await get(at('empty.txt'));
    assert.equal(empty.status, 200);
    assert.equal(empty.body, '');
  });

  test('a symlink is opened as its target, under the name the user named', async () => {
    const r = await get(at('link to notes'));
    assert.equal(r.status, 200);
    assert.equal(r.body, 'hello from disk\n');
    assert.equal(r.headers['content-type'], 'text/plain; charset=utf-8', 'typed by the target when the link has no extension');
    assert.match(String(r.headers['content-disposition']), /filename\*=UTF-8''link%20to%20notes$/);
  });

  test('clear statuses: missing 404, dangling link 404, folder 409, FIFO 415 (without hanging), bad path 400', async () => {
    const missing = await get(at('nope.txt'));
    assert.equal(missing.status, 404);
    assert.match(missing.body, /No such file: .*nope\.txt/);
    assert.equal((await get(at('dangling.txt'))).status, 404);
    const folder = await get(at('folder'));
    assert.equal(folder.status, 409);
    assert.match(folder.body, /is a folder/);
    assert.equal((await get(at('pipe.txt'))).status, 415);
    const walk = await get(`/file?path=${encodeURIComponent(`${dir}/folder/../notes.txt`)}`);
    assert.equal(walk.status, 400);
    assert.equal((await get('/file?path=notes.txt')).status, 400);
    assert.equal((await get('/file')).status, 400);
  });
});
