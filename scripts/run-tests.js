#!/usr/bin/env node
'use strict';
/**
 * `npm test`: type checks, the linter (ESLint with the layer rule, eslint.config.mjs), the Node tests (unit and
 * integration, on real temp folders and real SQLite files, run from the built JavaScript so worker threads load
 * exactly what ships), then the end-to-end tests in a real Chromium against `ferry serve`.
 * Usage: run-tests.js [typecheck|lint|unit|e2e]... (default: all)
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ensureChromium } = require('./chromium');

const root = path.resolve(__dirname, '..');
const steps = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const want = (s) => steps.length === 0 || steps.includes(s);
const results = [];

function run(name, cmd, args, env = process.env) {
  process.stderr.write(`\n━━ ${name} ━━\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  results.push({ name, ok: r.status === 0 });
  return r.status === 0;
}

function findTests(dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) findTests(p, out);
    else if (e.name.endsWith('.test.js')) out.push(path.relative(root, p));
  }
  return out.sort();
}

if (want('typecheck')) {
  const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
  run('typecheck (node)', process.execPath, [tsc, '-p', 'tsconfig.node.json', '--noEmit']);
  if (fs.existsSync(path.join(root, 'src/renderer'))) run('typecheck (web)', process.execPath, [tsc, '-p', 'tsconfig.web.json', '--noEmit']);
}

if (want('lint')) {
  run('lint (ESLint)', process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), '.']);
}

if (want('unit')) {
  const files = findTests(path.join(root, 'out/node'));
  if (files.length === 0) { process.stderr.write('no unit test files found under out/node\n'); results.push({ name: 'unit', ok: false }); }
  else run(`unit and integration tests (${files.length} files)`, process.execPath,
    ['--test', '--test-reporter=spec', '--test-concurrency=2', '--test-timeout=120000', ...files]);
}

if (want('e2e')) {
  let chromium;
  try { chromium = ensureChromium(); } catch (err) {
    process.stderr.write(`\n${err.message}\n`);
    results.push({ name: 'e2e', ok: false });
  }
  if (chromium) {
    const cli = path.join(root, 'node_modules/@playwright/test/cli.js');
    run('end-to-end tests (Chromium)', process.execPath, [cli, 'test', '--config', 'e2e/playwright.config.ts'],
      { ...process.env, FERRY_CHROMIUM: chromium });
  }
}

const failed = results.filter((r) => !r.ok);
process.stderr.write(`\n${results.map((r) => `${r.ok ? '✔' : '✘'} ${r.name}`).join('\n')}\n`);
console.log(`suites: ${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length === 0 ? 0 : 1);
