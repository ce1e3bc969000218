'use strict';
/**
 * Electron runs its own Node ABI, so better-sqlite3 must be compiled for it. The Node build in
 * node_modules must stay as it is (the CLI and the tests use it), so the Electron build lives apart:
 * out/electron-native/node_modules/better-sqlite3, rebuilt there with @electron/rebuild. The engine
 * loads it through better-sqlite3's `nativeBinding` option (FERRY_NATIVE_BINDING).
 * Needs the internet the first time (Electron's headers, or a prebuilt binary).
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const nativeDir = path.join(root, 'out', 'electron-native');
const moduleDir = path.join(nativeDir, 'node_modules', 'better-sqlite3');
const addon = path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node');

function versionOf(pkg) {
  return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

/** Returns the path of better_sqlite3.node built for this Electron, building it when needed; throws if it cannot. */
function ensureElectronNativeBinding(log = (m) => process.stderr.write(`ferry: ${m}\n`)) {
  const electronVersion = versionOf('electron');
  const sqliteVersion = versionOf('better-sqlite3');
  const stamp = `electron ${electronVersion} better-sqlite3 ${sqliteVersion} ${process.platform}-${process.arch}`;
  const stampFile = path.join(nativeDir, '.stamp');
  if (fs.existsSync(addon) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) return addon;

  log(`building better-sqlite3 for Electron ${electronVersion} (once; needs the internet for Electron's headers)…`);
  fs.rmSync(nativeDir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(moduleDir), { recursive: true });
  fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), moduleDir, {
    recursive: true,
    filter: (src) => !src.startsWith(path.join(root, 'node_modules', 'better-sqlite3', 'build')),
  });
  fs.writeFileSync(path.join(nativeDir, 'package.json'), JSON.stringify({
    name: 'ferry-electron-native', private: true, dependencies: { 'better-sqlite3': sqliteVersion },
  }, null, 2));
  const cli = path.join(root, 'node_modules', '@electron', 'rebuild', 'lib', 'cli.js');
  // npm's nodedir points node-gyp at Node's own headers: right for the CLI's build, wrong for Electron's.
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];
  const r = spawnSync(process.execPath, [cli, '--version', electronVersion, '--module-dir', nativeDir, '--only', 'better-sqlite3', '--force'], {
    cwd: nativeDir, stdio: ['ignore', 'inherit', 'inherit'], env,
  });
  if (r.status !== 0 || !fs.existsSync(addon)) {
    throw new Error(`could not build better-sqlite3 for Electron ${electronVersion} (@electron/rebuild exited with ${r.status ?? r.signal})`);
  }
  fs.writeFileSync(stampFile, stamp);
  return addon;
}

module.exports = { ensureElectronNativeBinding, electronNativeAddon: addon };
