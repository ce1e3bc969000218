#!/usr/bin/env node
'use strict';
/**
 * `npm run dist`: packages the desktop app for this platform with electron-builder (electron-builder.yml):
 * Linux AppImage + deb, macOS dmg, Windows NSIS installer, into dist/.
 * NEEDS THE INTERNET: electron-builder downloads Electron, and better-sqlite3 is rebuilt for Electron's
 * ABI against Electron's headers (into out/electron-native/, leaving the Node build for the CLI intact).
 * Extra arguments go to electron-builder, e.g. `npm run dist -- --linux AppImage`.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ensureElectronNativeBinding } = require('./electron-native');

const root = path.resolve(__dirname, '..');
const say = (msg) => process.stderr.write(`ferry dist: ${msg}\n`);

function main() {
  say('packaging needs the internet (Electron and its headers are downloaded).');
  if (!fs.existsSync(path.join(root, 'out', 'renderer', 'index.html'))) {
    say('out/renderer/index.html is missing: run `npm run build` first.');
    return 2;
  }
  try {
    ensureElectronNativeBinding((m) => say(m));
  } catch (err) {
    say(`${err.message}. Check the internet connection and a C++ toolchain (node-gyp), then retry.`);
    return 1;
  }
  // npm's nodedir points node-gyp at Node's headers: right for the CLI, wrong for Electron.
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];
  const cli = path.join(root, 'node_modules', 'electron-builder', 'cli.js');
  const r = spawnSync(process.execPath, [cli, '--config', 'electron-builder.yml', '--publish', 'never', ...process.argv.slice(2)], {
    cwd: root, stdio: 'inherit', env,
  });
  if (r.status !== 0) {
    say('electron-builder failed (see above).');
    return r.status ?? 1;
  }
  say(`done: the installers are in ${path.join(root, 'dist')}`);
  return 0;
}

process.exitCode = main();
