import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createFerryEngine, type FerryEngine } from '../../src/main/engine/ferry-engine';
import { startBrowserServer, type BrowserServer } from '../../src/main/hosts/browser/server';
import type { FolderListing, JobSummary, Location } from '../../src/shared/types';
import { emptyDir, snapshot, symlink, tempDir, tree } from '../helpers/tree';
import { ApiClient, connect, connectOk, request } from './browser-client';

let engine: FerryEngine;
let server: BrowserServer;
let port: number;
let token: string;
let outside: string;

before(async () => {
  const base = tempDir();
  outside = path.join(base, 'secret.txt');
  fs.writeFileSync(outside, 'top secret');
  const renderer = tree(path.join(base, 'renderer'), {
    'index.html': '<!doctype html><title>Ferry UI</title>',
    'assets/app.js': 'console.log("ferry")',
    'assets/style.css': 'body{}',
    'assets/escape.txt': symlink(outside),
    'assets/sub': emptyDir(),
  });
  engine = createFerryEngine({ dbFile: path.join(base, 'library.db') });
  server = await startBrowserServer({ handlers: engine, port: 0, rendererDir: renderer });
  ({ port, token } = server);
});

after(async () => {
  await server.close();
  await engine.shutdown();
});

describe('HTTP', () => {
  test('prints a loopback URL carrying a long random token', () => {
    assert.match(server.url, new RegExp(`^http://127\\.0\\.0\\.1:${port}/\\?token=[A-Za-z0-9_-]{32}$`));
  });

  test('refuses requests without the token, or with a wrong one', async () => {
    for (const p of ['/', '/index.html', '/assets/app.js', '/?token=wrong', `/?token=${token}x`]) {
      const r = await request(port, p);
      assert.equal(r.status, 401, p);
      assert.ok(!r.body.includes('Ferry UI'), p);
      assert.equal(r.headers['set-cookie'], undefined, p);
    }
    assert.equal((await request(port, '/', { cookie: 'ferry_token=nope' })).status, 401);
  });

  test('serves the UI with the token, and sets an HttpOnly SameSite=Strict cookie that then suffices', async () => {
    const first = await request(port, `/?token=${token}`);
    assert.equal(first.status, 200);
    assert.equal(first.body, '<!doctype html><title>Ferry UI</title>');
    assert.equal(first.headers['content-type'], 'text/html; charset=utf-8');
    const cookie = String(first.headers['set-cookie']);
    assert.match(cookie, /^ferry_token=[A-Za-z0-9_-]+;/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    assert.match(cookie, /Path=\//);
    const pair = cookie.split(';')[0]!;
    const js = await request(port, '/assets/app.js', { cookie: `other=1; ${pair}` });
    assert.equal(js.status, 200);
    assert.equal(js.body, 'console.log("ferry")');
    assert.equal(js.headers['content-type'], 'text/javascript; charset=utf-8');
    const css = await request(port, '/assets/style.css', { cookie: pair });
    assert.equal(css.headers['content-type'], 'text/css; charset=utf-8');
  });

  test('every response carries the strict CSP with our ws:// origin, nosniff and no-referrer; HTML is not cached; no CORS', async () => {
    const r = await request(port, `/?token=${token}`);
    const csp = String(r.headers['content-security-policy']);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, new RegExp(`connect-src 'self' ws://127\\.0\\.0\\.1:${port}(;|$)`));
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.equal(r.headers['referrer-policy'], 'no-referrer');
    assert.equal(r.headers['cache-control'], 'no-store');
    for (const res of [r, await request(port, '/'), await request(port, `/assets/app.js?token=${token}`, { origin: `http://127.0.0.1:${port}` })]) {
      assert.deepEqual(Object.keys(res.headers).filter((h) => h.startsWith('access-control-')), []);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
    }
  });

  test('refuses a foreign Origin with 403, even with the token', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${port + 1}`, `https://127.0.0.1:${port}`, 'null']) {
      assert.equal((await request(port, `/?token=${token}`, { origin })).status, 403, origin);
    }
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`]) {
      assert.equal((await request(port, `/?token=${token}`, { origin })).status, 200, origin);
    }
  });

  test('refuses a Host header that is not this server (DNS rebinding), even with the token', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1', `0.0.0.0:${port}`]) {
      assert.equal((await request(port, `/?token=${token}`, { host })).status, 421, host);
    }
    assert.equal((await request(port, `/?token=${token}`, { host: `localhost:${port}` })).status, 200);
  });

  test('never serves a file outside the renderer folder: traversal variants are 404', async () => {
    const attempts = [
      '/../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E/secret.txt', '/assets/../../secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/..%5c..%5csecret.txt',
      '/assets/escape.txt', `/${outside}`, `//${outside.slice(1)}`, '/%2fetc%2fpasswd', '/index.html%00.js', '/%00',
      '/assets/sub', '/assets/', '/assets/./app.js', '/%', '/%zz', '/nonexistent.js', '/.', '/..',
    ];
    for (const p of attempts) {
      const r = await request(port, `${p}${p.includes('?') ? '&' : '?'}token=${token}`);
      assert.equal(r.status, 404, p);
      assert.ok(!r.body.includes('top secret'), p);
    }
  });

  test('answers only GET and HEAD', async () => {
    assert.equal((await request(port, `/?token=${token}`, {}, 'POST')).status, 405);
    assert.equal((await request(port, `/?token=${token}`, {}, 'DELETE')).status, 405);
    const head = await request(port, `/?token=${token}`, {}, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
  });
});

describe('WebSocket API', () => {
  test('refuses an upgrade without the token, from a foreign Origin, with a bad Host, or off /api', async () => {
    assert.deepEqual(await connect(port, '/api'), { refused: 401 });
    assert.deepEqual(await connect(port, '/api?token=wrong'), { refused: 401 });
    assert.deepEqual(await connect(port, `/api?token=${token}`, { origin: 'http://evil.example' }), { refused: 403 });
    assert.deepEqual(await connect(port, `/api?token=${token}`, { host: `evil.example:${port}` }), { refused: 421 });
    assert.deepEqual(await connect(port, `/other?token=${token}`), { refused: 404 });
  });

  test('accepts the token as the cookie, from our own Origin', async () => {
    const c = await connect(port, '/api', { cookie: `ferry_token=${token}`, origin: `http://localhost:${port}` });
    assert.ok(c instanceof ApiClient);
    assert.deepEqual(await c.ok('listJobs', {}), []);
    c.close();
  });

  test('a listFolder call round-trips', async () => {
    const dir = tree(tempDir(), { 'b.txt': 'bb', 'a dir/x': 'x', '.dot': '' });
    const c = await connectOk(port, token);
    const listing = await c.ok<FolderListing>('listFolder', { path: dir });
    assert.equal(listing.path, dir);
    assert.deepEqual(listing.entries.map((e) => [e.name, e.kind, e.hidden]), [['a dir', 'dir', false], ['.dot', 'file', true], ['b.txt', 'file', false]]);
    const missing = await c.call('listFolder', { path: path.join(dir, 'nope') });
    assert.equal(missing.ok, false);
    assert.equal(!missing.ok && missing.error.code, 'ENOENT');
    c.close();
  });

  test('malformed frames get an INVALID_INPUT reply, change nothing, and keep the connection', async () => {
    const c = await connectOk(port, token);
    const jobsBefore = await c.ok<JobSummary[]>('listJobs', {});
    const locationsBefore = await c.ok<Location[]>('listLocations', {});
    c.sendRaw('{not json');
    const r1 = await c.reply(-1);
    assert.equal(!r1.ok && r1.error.code, 'INVALID_INPUT');
    c.replies.length = 0;
    c.sendRaw(JSON.stringify({ method: 'listJobs', input: {} }));
    assert.equal(((await c.reply(-1)) as { error: { code: string } }).error.code, 'INVALID_INPUT');
    c.replies.length = 0;
    c.sendRaw(Buffer.from([1, 2, 3]));
    assert.equal(((await c.reply(-1)) as { error: { code: string } }).error.code, 'INVALID_INPUT');
    c.sendRaw(JSON.stringify({ id: 77, method: 42, input: {} }));
    assert.equal(((await c.reply(77)) as { error: { code: string } }).error.code, 'INVALID_INPUT');

    const unknown = await c.call('deleteEverything', {});
    assert.equal(!unknown.ok && unknown.error.code, 'INVALID_INPUT');
    const proto = await c.call('__proto__', {});
    assert.equal(!proto.ok && proto.error.code, 'INVALID_INPUT');
    const badPath = await c.call('addLocation', { path: 5 });
    assert.equal(!badPath.ok && badPath.error.code, 'INVALID_INPUT');
    const noDest = await c.call('startCopy', { sources: [outside] });
    assert.equal(!noDest.ok && noDest.error.code, 'INVALID_INPUT');
    const badMode = await c.call('startCopy', { sources: [outside], destination: tempDir(), overwrite: 'obliterate' });
    assert.equal(!badMode.ok && badMode.error.code, 'INVALID_INPUT');

    assert.deepEqual(await c.ok('listJobs', {}), jobsBefore);
    assert.deepEqual(await c.ok('listLocations', {}), locationsBefore);
    c.close();
  });

  test('addLocation indexes a folder and listLocations shows it', async () => {
    const dir = tree(tempDir(), { 'a.txt': 'aaa', 'sub/b.txt': 'bbbb', '.hidden/c': 'c' });
    const c = await connectOk(port, token);
    const loc = await c.ok<Location>('addLocation', { path: dir });
    assert.equal(loc.path, dir);
    assert.equal(loc.fileCount, 2);
    assert.equal(loc.totalBytes, 7);
    const all = await c.ok<Location[]>('listLocations', {});
    assert.ok(all.some((l) => l.id === loc.id && l.path === dir));
    await c.ok('removeLocation', { id: loc.id });
    assert.ok(!(await c.ok<Location[]>('listLocations', {})).some((l) => l.id === loc.id));
    c.close();
  });

  test('a copy started over the socket runs, and its events are pushed to every connection', async () => {
    const src = tree(tempDir(), { 'photos/a.jpg': 'AAAA', 'photos/b/c.jpg': 'CC', 'photos/empty': emptyDir() });
    const dest = tempDir();
    const c = await connectOk(port, token);
    const watcher = await connectOk(port, token);
    const { jobId } = await c.ok<{ jobId: string }>('startCopy', { sources: [path.join(src, 'photos')], destination: dest, overwrite: 'skip' });
    const completed = await c.until(() => c.events.find((e) => e.type === 'completed' && e.jobId === jobId));
    assert.equal(completed.type === 'completed' && completed.status, 'done');
    assert.equal(completed.type === 'completed' && completed.copiedFiles, 2);
    assert.deepEqual(snapshot(path.join(dest, 'photos')), snapshot(path.join(src, 'photos')));
    const types = c.events.filter((e) => e.jobId === jobId).map((e) => e.type);
    assert.equal(types[0], 'initialEstimate');
    assert.equal(types.at(-1), 'completed');
    assert.ok(types.includes('progress'));
    await watcher.until(() => watcher.events.find((e) => e.type === 'completed' && e.jobId === jobId));
    const job = (await c.ok<JobSummary[]>('listJobs', {})).find((j) => j.id === jobId);
    assert.equal(job?.status, 'completed');
    c.close();
    watcher.close();
  });

  test('a conflict is pushed and answered over the socket', async () => {
    const src = tree(tempDir(), { 'doc.txt': 'new version' });
    const dest = tree(tempDir(), { 'doc.txt': 'old' });
    const c = await connectOk(port, token);
    const { jobId } = await c.ok<{ jobId: string }>('startCopy', { sources: [path.join(src, 'doc.txt')], destination: dest, overwrite: 'prompt' });
    const conflict = await c.until(() => c.events.find((e) => e.type === 'conflict' && e.jobId === jobId));
    assert.equal(conflict.type === 'conflict' && conflict.destination, path.join(dest, 'doc.txt'));
    const wrong = await c.call('resolveConflict', { jobId, conflictId: 'no-such-conflict', resolution: 'replace' });
    assert.equal(!wrong.ok && wrong.error.code, 'CONFLICT_NOT_FOUND');
    await c.ok('resolveConflict', { jobId, conflictId: conflict.type === 'conflict' ? conflict.conflictId : '', resolution: 'keep-both', applyToAll: false });
    const completed = await c.until(() => c.events.find((e) => e.type === 'completed' && e.jobId === jobId));
    assert.equal(completed.type === 'completed' && completed.status, 'done');
    assert.equal(fs.readFileSync(path.join(dest, 'doc.txt'), 'utf8'), 'old');
    assert.equal(fs.readFileSync(path.join(dest, 'doc 2.txt'), 'utf8'), 'new version');
    c.close();
  });
});

describe('before the UI is built', () => {
  test('serves a page saying so, behind the same checks', async () => {
    const s = await startBrowserServer({ handlers: engine, port: 0, rendererDir: tempDir() });
    try {
      assert.equal((await request(s.port, '/')).status, 401);
      const r = await request(s.port, `/?token=${s.token}`);
      assert.equal(r.status, 503);
      assert.match(r.body, /not built yet/);
      assert.equal((await request(s.port, `/app.js?token=${s.token}`)).status, 404);
    } finally {
      await s.close();
    }
  });

  test('refuses to listen anywhere but loopback', async () => {
    for (const host of ['0.0.0.0', '192.168.1.2', '::', 'example.com']) {
      await assert.rejects(startBrowserServer({ handlers: engine, port: 0, host, rendererDir: tempDir() }), /loopback/);
    }
  });
});
