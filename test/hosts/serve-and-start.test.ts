import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { projectRoot } from '../../src/main/project-root';
import { tempDir } from '../helpers/tree';
import { request } from './browser-client';
import { cleanEnv, exitOf, spawnUntilUrl } from './serve-process';

test('ferry serve prints exactly one line with the URL, serves it, and stops cleanly on SIGTERM', async () => {
  const db = path.join(tempDir(), 'library.db');
  const { child, url, stdout } = await spawnUntilUrl([path.join(projectRoot(), 'bin/ferry'), 'serve', '--port', '0', '--allow-root', '--db', db], cleanEnv({}));
  try {
    assert.equal(stdout.length, 1);
    assert.match(stdout[0]!, /^Ferry is serving on http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+$/);
    const port = Number(url.port);
    const page = await request(port, `${url.pathname}${url.search}`);
    assert.ok(page.status === 200 || page.status === 503, `status ${page.status}`);
    assert.match(page.body, /<html|<!doctype/i);
    assert.equal((await request(port, '/')).status, 401);
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exitOf(child), 0);
});

test('ferry serve refuses a non-loopback --host with exit code 2', async () => {
  const child = spawn(process.execPath, [path.join(projectRoot(), 'bin/ferry'), 'serve', '--allow-root', '--host', '0.0.0.0', '--port', '0', '--db', path.join(tempDir(), 'l.db')],
    { env: cleanEnv({}), stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
  assert.equal(await exitOf(child), 2);
  assert.match(err, /loopback/);
});

test('ferry serve as root without --allow-root refuses with exit 2, says why, and opens nothing', { skip: process.getuid?.() !== 0 ? 'not running as root' : false }, async () => {
  const db = path.join(tempDir(), 'library.db');
  const child = spawn(process.execPath, [path.join(projectRoot(), 'bin/ferry'), 'serve', '--port', '0', '--db', db],
    { env: cleanEnv({}), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
  const serving = setTimeout(() => child.kill('SIGTERM'), 20_000); // a server that did not refuse: end it, and fail
  const code = await exitOf(child);
  clearTimeout(serving);
  assert.equal(code, 2, `stdout: ${out}`);
  assert.equal(out, '', 'no address printed');
  assert.match(err, /^ferry serve: refusing to run as root: anyone with the address and its token could read and copy every file .*--allow-root/);
  assert.equal(err.trim().split('\n').length, 1, err);
  assert.equal(fs.existsSync(db), false, 'the library was not even opened');
});

test('ferry serve --help says what the token opens, the --allow-root rule and the size limit of a message', () => {
  const r = spawnSync(process.execPath, [path.join(projectRoot(), 'bin/ferry'), 'serve', '--help'], { encoding: 'utf8', env: cleanEnv({}) });
  assert.equal(r.status, 0);
  assert.match(r.stdout, /can read, list and copy every file that the user/);
  assert.match(r.stdout, /--allow-root/);
  assert.match(r.stdout, /larger than 64 MiB .* closes that connection \(WebSocket close code 1009\)/s);
});

test('npm start without a display says why in one line and serves the UI in the browser', async () => {
  const db = path.join(tempDir(), 'library.db');
  const { child, url, stderr } = await spawnUntilUrl([path.join(projectRoot(), 'scripts/start.js')], cleanEnv({ FERRY_DB: db, PORT: '0' }));
  try {
    const lines = stderr().trim().split('\n');
    if (process.getuid?.() === 0) {
      // As root it serves anyway (--allow-root), with one more line saying what that means.
      assert.equal(lines.length, 2, stderr());
      assert.match(lines[0]!, /^ferry: running as root: whoever has the address printed below can read and copy every file/);
    } else {
      assert.equal(lines.length, 1, stderr());
    }
    assert.match(lines.at(-1)!, /^ferry: no display here .*desktop app cannot start; serving the same UI in your browser instead:$/);
    const page = await request(Number(url.port), `${url.pathname}${url.search}`);
    assert.ok(page.status === 200 || page.status === 503, `status ${page.status}`);
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exitOf(child), 0);
});

test('without --port, ferry serve takes 7317, or any free port when 7317 is taken', async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => {
    blocker.once('error', () => resolve()); // already taken by someone else: just as good for this test
    blocker.listen(7317, '127.0.0.1', () => resolve());
  });
  const db = path.join(tempDir(), 'library.db');
  const { child, url } = await spawnUntilUrl([path.join(projectRoot(), 'bin/ferry'), 'serve', '--allow-root', '--db', db], cleanEnv({}));
  try {
    assert.notEqual(url.port, '7317');
    assert.equal((await request(Number(url.port), `/${url.search}`)).headers['x-content-type-options'], 'nosniff');
  } finally {
    child.kill('SIGTERM');
    blocker.close();
  }
  assert.equal(await exitOf(child), 0);
});

test('npm start decides between the desktop app and the browser from the environment', () => {
  // start.js is a CommonJS script outside the TypeScript program: loaded from the source tree at run time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { desktopUnavailable, hasDisplay } = require(path.join(projectRoot(), 'scripts/start.js')) as {
    desktopUnavailable(env: NodeJS.ProcessEnv, args: string[]): string | null;
    hasDisplay(env: NodeJS.ProcessEnv): boolean;
  };
  assert.equal(desktopUnavailable({ DISPLAY: ':0' }, ['--browser']), 'browser asked for');
  assert.equal(desktopUnavailable({ DISPLAY: ':0', FERRY_BROWSER: '1' }, []), 'browser asked for');
  if (process.platform === 'linux') {
    assert.equal(hasDisplay({}), false);
    assert.equal(hasDisplay({ DISPLAY: ':0' }), true);
    assert.equal(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }), true);
    assert.match(desktopUnavailable({}, [])!, /^no display here/);
    const withDisplay = desktopUnavailable({ WAYLAND_DISPLAY: 'wayland-0' }, []);
    if (process.getuid?.() === 0) assert.match(withDisplay!, /root/);
    else assert.equal(withDisplay, null);
  }
});
