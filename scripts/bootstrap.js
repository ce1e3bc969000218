#!/usr/bin/env node
'use strict';
/**
 * The README's two commands start here (`npm start`, `npm test`), and `npm run bench` / `npm run dist`.
 * Dependency-free on purpose: it runs on a fresh clone before anything is installed. It
 *  1. checks the Node version,
 *  2. installs the npm dependencies when they are missing or stale (package-lock.json changed),
 *  3. builds when the sources changed since the last build,
 *  4. then runs the command.
 */
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const say = (msg) => process.stderr.write(`ferry: ${msg}\n`);

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 18)) {
    say(`Node ${process.versions.node} is too old: Ferry needs Node 20.18 or newer (20 LTS is what it is tested on).`);
    process.exit(2);
  }
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function hashFiles(files) {
  const h = crypto.createHash('sha256');
  for (const f of files) {
    const p = path.join(root, f);
    h.update(f);
    if (fs.existsSync(p)) h.update(fs.readFileSync(p));
  }
  return h.digest('hex');
}

/**
 * node-gyp builds better-sqlite3 from source; it finds Node's headers offline only through nodedir.
 * When none is configured, point it at the running Node's own prefix if that has the headers.
 */
function nodeGypEnv() {
  const env = { ...process.env };
  if (!env.npm_config_nodedir && !env.NPM_CONFIG_NODEDIR) {
    const prefix = path.resolve(path.dirname(process.execPath), '..');
    if (fs.existsSync(path.join(prefix, 'include', 'node', 'node.h'))) env.npm_config_nodedir = prefix;
  }
  return env;
}

function ensureDependencies() {
  const stampFile = path.join(root, 'node_modules', '.ferry-install-stamp');
  const want = hashFiles(['package.json', 'package-lock.json']);
  const have = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8') : '';
  if (have === want && fs.existsSync(path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'))) return;
  const lock = fs.existsSync(path.join(root, 'package-lock.json'));
  say(`installing dependencies (npm ${lock ? 'ci' : 'install'}; better-sqlite3 compiles from source, about a minute)…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // The registry sometimes stalls (idle time-outs); a second try usually goes through from npm's cache.
  let status = 1;
  for (let attempt = 1; attempt <= 3 && status !== 0; attempt++) {
    if (attempt > 1) say(`npm failed; trying again (${attempt}/3)…`);
    status = run(npm, [lock ? 'ci' : 'install', '--no-audit', '--no-fund', '--prefer-offline'], { env: nodeGypEnv() });
  }
  if (status !== 0) {
    say('npm could not install the dependencies (see above).');
    process.exit(status);
  }
  fs.writeFileSync(stampFile, want);
}

function listFiles(dir, out) {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return out;
  for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) { if (!e.name.startsWith('.') && e.name !== 'node_modules') listFiles(rel, out); }
    else out.push(rel);
  }
  return out;
}

function sourceFingerprint() {
  const files = ['src', 'test', 'bench'].flatMap((d) => listFiles(d, []))
    .concat(['scripts/build.js', 'vite.renderer.mts', 'package-lock.json'])
    .concat(['native/file-times/binding.gyp', 'native/file-times/file_times.c'])
    .filter((f) => !f.startsWith(path.join('bench', 'corpora')))
    .sort();
  const h = crypto.createHash('sha256');
  for (const f of files) {
    const p = path.join(root, f);
    if (!fs.existsSync(p)) continue;
    const st = fs.statSync(p);
    h.update(`${f}\0${st.size}\0${st.mtimeMs}\n`);
  }
  return h.digest('hex');
}

function ensureBuild() {
  const stampFile = path.join(root, 'out', '.build-stamp');
  const want = sourceFingerprint();
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === want) return;
  say('building…');
  const status = run(process.execPath, [path.join(root, 'scripts', 'build.js')]);
  if (status !== 0) process.exit(status);
  fs.mkdirSync(path.dirname(stampFile), { recursive: true });
  fs.writeFileSync(stampFile, want);
}

function main() {
  checkNode();
  const [command = 'build', ...rest] = process.argv.slice(2);
  ensureDependencies();
  ensureBuild();
  const scripts = {
    build: null,
    start: 'scripts/start.js',
    test: 'scripts/run-tests.js',
    bench: 'out/node/bench/run.js',
    dist: 'scripts/dist.js',
  };
  if (!(command in scripts)) {
    say(`unknown command ${command}`);
    process.exit(2);
  }
  const script = scripts[command];
  if (!script) return;
  process.exit(run(process.execPath, [path.join(root, script), ...rest], { cwd: process.cwd() }));
}

if (require.main === module) main();
module.exports = { ensureDependencies, ensureBuild, checkNode };
