#!/usr/bin/env node
'use strict';
/**
 * `npm start` (after scripts/bootstrap.js has installed and built): the desktop app when this machine
 * can show it, else the same UI in the browser through `ferry serve`, with one line saying why.
 * Usage: start.js [--browser] [ferry serve options…]   (--browser skips Electron; so does FERRY_BROWSER=1)
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const say = (msg) => process.stderr.write(`ferry: ${msg}\n`);
const BROWSER_ASKED = 'browser asked for';

function isRoot() {
  return Boolean(process.getuid && process.getuid() === 0);
}

function hasDisplay(env) {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** The Electron executable, or null when its binary is not installed (npm install skips the download). */
function electronBinary() {
  try {
    const modulePath = require.resolve('electron', { paths: [root] });
    delete require.cache[modulePath];
    const binary = require(modulePath);
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function ensureElectronBinary() {
  const existing = electronBinary();
  if (existing) return { binary: existing };
  say('downloading Electron (once)…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8',
  });
  if (r.status === 0) return { binary: electronBinary() };
  const cause = /\b(E[A-Z]+[^\n]*)/.exec(r.stderr || '');
  return { binary: null, cause: cause ? cause[1].trim().slice(0, 120) : `exit code ${r.status}` };
}

/** Why the desktop app cannot start here, or null when it can. */
function desktopUnavailable(env, args) {
  if (args.includes('--browser') || env.FERRY_BROWSER === '1') return BROWSER_ASKED;
  if (!hasDisplay(env)) return 'no display here (DISPLAY and WAYLAND_DISPLAY are unset)';
  if (process.platform === 'linux' && isRoot()) {
    return 'Electron does not run as root with its sandbox on';
  }
  return null;
}

function startDesktop() {
  const { binary, cause } = ensureElectronBinary();
  if (!binary) return { reason: `the Electron binary is missing and could not be downloaded (${cause})` };
  let nativeBinding;
  try {
    nativeBinding = require('./electron-native').ensureElectronNativeBinding(say);
  } catch (err) {
    return { reason: err.message };
  }
  const child = spawn(binary, [root], { cwd: root, stdio: 'inherit', env: { ...process.env, FERRY_NATIVE_BINDING: nativeBinding } });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return { reason: null };
}

function serveInBrowser(reason, args) {
  const serveArgs = args.filter((a) => a !== '--browser');
  // `npm start` is run by the person at the keyboard: as root it serves anyway, and says what that means
  // (ferry serve alone refuses root without --allow-root).
  if (isRoot() && !serveArgs.includes('--allow-root')) {
    say('running as root: whoever has the address printed below can read and copy every file on this computer; keep it to yourself.');
    serveArgs.push('--allow-root');
  }
  say(reason === BROWSER_ASKED
    ? 'serving the UI in your browser:'
    : `${reason}, so the desktop app cannot start; serving the same UI in your browser instead:`);
  const cli = require(path.join(root, 'out', 'node', 'src', 'main', 'hosts', 'cli', 'main.js'));
  cli.main(['serve', ...serveArgs]).then(
    (code) => { process.exitCode = code; },
    (err) => { say(err && err.stack ? err.stack : String(err)); process.exitCode = 70; },
  );
}

function main() {
  const args = process.argv.slice(2);
  const unavailable = desktopUnavailable(process.env, args);
  if (unavailable) return serveInBrowser(unavailable, args);
  const { reason } = startDesktop();
  if (reason) serveInBrowser(reason, args);
}

if (require.main === module) main();
module.exports = { hasDisplay, desktopUnavailable, main };
