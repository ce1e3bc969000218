import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { APP_ORIGIN, WINDOW_WEB_PREFERENCES, isAppUrl, webPreferences } from '../../src/main/hosts/electron/security';
import { projectRoot } from '../../src/main/project-root';

test('windows are isolated and sandboxed, with no Node, no webview and web security on', () => {
  const prefs = webPreferences('/app/out/preload/index.js');
  assert.equal(prefs.contextIsolation, true);
  assert.equal(prefs.sandbox, true);
  assert.equal(prefs.nodeIntegration, false);
  assert.equal(prefs.nodeIntegrationInWorker, false);
  assert.equal(prefs.nodeIntegrationInSubFrames, false);
  assert.equal(prefs.webSecurity, true);
  assert.equal(prefs.allowRunningInsecureContent, false);
  assert.equal(prefs.webviewTag, false);
  assert.equal(prefs.experimentalFeatures, false);
  assert.equal(prefs.navigateOnDragDrop, false, 'dropping a file on a window must not open it');
  assert.equal(prefs.preload, '/app/out/preload/index.js');
  assert.ok(!('enableRemoteModule' in WINDOW_WEB_PREFERENCES));
});

function tsFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) tsFiles(p, out);
    else if (/\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

const ELECTRON_IMPORT = /(?:from\s+|require\s*\(\s*|import\s*\(\s*|import\s+)['"]electron(?:\/[^'"]*)?['"]/;

test('the engine never imports electron (it must run under plain Node)', () => {
  const engine = path.join(projectRoot(), 'src', 'main', 'engine');
  const files = tsFiles(engine);
  assert.ok(files.length > 5, 'the scan found the engine sources');
  const offenders = files.filter((f) => ELECTRON_IMPORT.test(fs.readFileSync(f, 'utf8')));
  assert.deepEqual(offenders.map((f) => path.relative(projectRoot(), f)), []);
});

test('the scan recognises electron imports (so the check above can fail)', () => {
  assert.ok(ELECTRON_IMPORT.test(`import { app } from 'electron';`));
  assert.ok(ELECTRON_IMPORT.test(`const { ipcMain } = require("electron")`));
  assert.ok(ELECTRON_IMPORT.test(`await import('electron')`));
  assert.ok(!ELECTRON_IMPORT.test(`import { x } from './electron-like'`));
});

test('security.ts itself has no run-time electron import (Node tests load it)', () => {
  const source = fs.readFileSync(path.join(projectRoot(), 'src/main/hosts/electron/security.ts'), 'utf8');
  const runtimeImports = source.split('\n').filter((l) => ELECTRON_IMPORT.test(l) && !/^import type /.test(l));
  assert.deepEqual(runtimeImports, []);
});

test('the preload exposes only window.ferry and window.ferryDesktop', () => {
  const source = fs.readFileSync(path.join(projectRoot(), 'src/preload/index.ts'), 'utf8');
  const exposed = [...source.matchAll(/exposeInMainWorld\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
  assert.deepEqual(exposed, ['ferry', 'ferryDesktop']);
});

test('only ferry://app pages count as the app (IPC sender check, navigation lock)', () => {
  for (const url of [`${APP_ORIGIN}/index.html`, 'ferry://app/index.html', 'ferry://app/', 'ferry://APP/index.html?x#y']) assert.equal(isAppUrl(url), true, url);
  for (const url of [
    'file:///work/out/renderer/index.html', 'https://app/index.html', 'ferry://evil/index.html', 'ferry://app.evil.com/',
    'ferry://user:pw@app/', 'http://127.0.0.1:7317/', 'about:blank', 'javascript:alert(1)', '', 'not a url',
  ]) assert.equal(isAppUrl(url), false, url);
});
