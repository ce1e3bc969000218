import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';
import { projectRoot } from '../../src/main/project-root';
import { tempDir } from '../helpers/tree';
import { request } from './browser-client';

/** Runs a process and resolves with the URL of its first stdout line that has one. */
function spawnUntilUrl(args: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: URL; stdout: string[]; stderr: () => string }> {
  const child = spawn(process.execPath, args, { cwd: projectRoot(), env, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
  const lines: string[] = [];
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        lines.push(line);
        const m = /https?:\/\/\S+/.exec(line);
        if (m) resolve({ child, url: new URL(m[0]), stdout: lines, stderr: () => err });
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing a URL: ${err}`)));
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  delete env.PORT;
  delete env.FERRY_BROWSER;
  return env;
}

test('ferry serve prints exactly one line with the URL, serves it, and stops cleanly on SIGTERM', async () => {
  const db = path.join(tempDir(), 'library.db');
  const { child, url, stdout } = await spawnUntilUrl([path.join(projectRoot(), 'bin/ferry'), 'serve', '--port', '0', '--db', db], cleanEnv({}));
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
  const child = spawn(process.execPath, [path.join(projectRoot(), 'bin/ferry'), 'serve', '--host', '0.0.0.0', '--port', '0', '--db', path.join(tempDir(), 'l.db')],
    { env: cleanEnv({}), stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
  assert.equal(await exitOf(child), 2);
  assert.match(err, /loopback/);
});

test('npm start without a display says why in one line and serves the UI in the browser', async () => {
  const db = path.join(tempDir(), 'library.db');
  const { child, url, stderr } = await spawnUntilUrl([path.join(projectRoot(), 'scripts/start.js')], cleanEnv({ FERRY_DB: db, PORT: '0' }));
  try {
    assert.match(stderr(), /^ferry: no display here .*desktop app cannot start; serving the same UI in your browser instead:\n/);
    assert.equal(stderr().trim().split('\n').length, 1);
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
  const { child, url } = await spawnUntilUrl([path.join(projectRoot(), 'bin/ferry'), 'serve', '--db', db], cleanEnv({}));
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
