#!/usr/bin/env node
'use strict';
/**
 * Builds Ferry into out/:
 *  - out/node/…      every TypeScript file of src/{shared,main,preload}, test/ and bench/ transpiled one-to-one to
 *                    CommonJS (no bundling: worker_threads entry files keep their paths next to the engine);
 *  - out/preload/    the preload script bundled into one file (a sandboxed preload cannot require our files);
 *  - out/renderer/   the React UI, built by Vite;
 *  - native/file-times/build/   the Node-API addon that sets file times to the nanosecond (with `node`, when its
 *                    sources changed; a failed compile only warns: Ferry then keeps microseconds).
 * Type checking is separate (`npm run typecheck`): esbuild only strips types.
 * Usage: node scripts/build.js [node|native|preload|renderer]...   (default: all)
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
// The renderer's pure logic (lib), its client (api/client.ts) and its store (stores) hold no DOM code:
// transpiled too so that node:test can test them.
const NODE_DIRS = ['src/shared', 'src/main', 'src/preload', 'src/renderer/lib', 'src/renderer/api', 'src/renderer/stores', 'test', 'bench'];

function listTs(dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && !e.name.startsWith('.')) listTs(p, out);
    } else if (/\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name)) out.push(p);
  }
  return out;
}

async function buildNode(esbuild) {
  const entryPoints = NODE_DIRS.flatMap((d) => listTs(path.join(root, d)));
  fs.rmSync(path.join(root, 'out/node'), { recursive: true, force: true });
  await esbuild.build({
    entryPoints, outdir: path.join(root, 'out/node'), outbase: root,
    format: 'cjs', platform: 'node', target: 'node20', sourcemap: 'inline', logLevel: 'warning',
  });
}

async function buildPreload(esbuild) {
  const entry = path.join(root, 'src/preload/index.ts');
  if (!fs.existsSync(entry)) return;
  await esbuild.build({
    entryPoints: [entry], outfile: path.join(root, 'out/preload/index.js'), bundle: true,
    format: 'cjs', platform: 'node', target: 'node20', external: ['electron'], logLevel: 'warning',
  });
}

function buildRenderer() {
  if (!fs.existsSync(path.join(root, 'src/renderer/index.html'))) return;
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.renderer.mts', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('renderer build failed');
}

/**
 * node-gyp (node_modules' own, else npm's bundled one) compiles native/file-times offline: it finds Node's
 * headers through npm_config_nodedir, which defaults here to the running Node's prefix when that has them,
 * as scripts/bootstrap.js does for better-sqlite3. Skipped while the build is newer than its sources.
 */
function buildNative() {
  const dir = path.join(root, 'native/file-times');
  const built = path.join(dir, 'build/Release/ferry_file_times.node');
  const sources = ['binding.gyp', 'file_times.c'].map((f) => path.join(dir, f));
  if (!sources.every((f) => fs.existsSync(f))) return;
  if (fs.existsSync(built)) {
    const builtAt = fs.statSync(built).mtimeMs;
    if (sources.every((f) => fs.statSync(f).mtimeMs <= builtAt)) return;
  }
  const env = { ...process.env };
  if (!env.npm_config_nodedir && !env.NPM_CONFIG_NODEDIR) {
    const prefix = path.resolve(path.dirname(process.execPath), '..');
    if (fs.existsSync(path.join(prefix, 'include', 'node', 'node_api.h'))) env.npm_config_nodedir = prefix;
  }
  const gyp = [
    path.join(root, 'node_modules/node-gyp/bin/node-gyp.js'),
    path.join(path.dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
  ].find((f) => fs.existsSync(f));
  const warn = (why) => process.stderr.write(`build: native/file-times not built (${why}); file times will be kept to the microsecond only.\n`);
  if (!gyp) return warn('node-gyp not found');
  const r = spawnSync(process.execPath, [gyp, 'rebuild', '--loglevel=warn'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) warn(`node-gyp failed:\n${String(r.stderr).trim()}`);
}

async function main() {
  const steps = process.argv.slice(2);
  const want = (s) => steps.length === 0 || steps.includes(s);
  const esbuild = require('esbuild');
  if (want('node')) await buildNode(esbuild);
  if (want('node') || want('native')) buildNative();
  if (want('preload')) await buildPreload(esbuild);
  if (want('renderer')) buildRenderer();
}

main().catch((err) => {
  console.error(`build failed: ${err.message}`);
  process.exit(1);
});
