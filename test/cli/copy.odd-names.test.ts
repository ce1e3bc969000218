import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { tempDir } from '../helpers/tree';
import { ODD_DIR, bytePath, filesAsBytes, oddTree } from '../helpers/odd-names';
import { FERRY, ferry, libraryEnv } from '../helpers/ferry-cli';

/**
 * The case through the real bin/ferry: a folder of six files, two of them named with bytes that
 * are not UTF-8 (one inside a folder so named). Every file arrives with its exact name bytes and contents.
 */
interface Completed { type: 'completed'; status: string; copiedFiles: number; skippedFiles: number; failedFiles: number; discoveredFiles: number; indexedFiles: number }

function copyJson(args: string[], env: NodeJS.ProcessEnv): { code: number | null; completed: Completed; stderr: string; skipped: unknown[] } {
  const r = ferry(['copy', '--json', ...args], env);
  const events = r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { type: string });
  const completed = events.at(-1) as Completed;
  assert.equal(completed?.type, 'completed', r.stdout + r.stderr);
  return { code: r.code, completed, stderr: r.stderr, skipped: events.filter((e) => e.type === 'filesSkipped' || e.type === 'fileFailed') };
}

function source(): { src: string; files: Record<string, string> } {
  const src = path.join(tempDir('ferry-cli-odd-'), 'n');
  fs.mkdirSync(src);
  return { src, files: oddTree(src) };
}

test('ferry copy of a folder holding names that are not UTF-8: exit 0, all 6 discovered, each file exact in DEST', () => {
  const { src, files } = source();
  const dest = tempDir('ferry-cli-odd-dest-');
  const { env } = libraryEnv();
  const r = copyJson([src, dest], env);
  assert.deepEqual(r.skipped, [], 'nothing skipped or failed');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.completed.discoveredFiles, 6);
  assert.equal(r.completed.copiedFiles, 6);
  assert.deepEqual(filesAsBytes(path.join(dest, 'n')), files);
});

test('the same folder indexed first: the index holds the four UTF-8 files, discovery the other two; all 6 copied exactly', () => {
  const { src, files } = source();
  const dest = tempDir('ferry-cli-odd-dest-');
  const { env } = libraryEnv();
  const indexed = ferry(['index', '--json', src], env);
  assert.equal(indexed.code, 0, indexed.stderr);
  const r = copyJson([src, dest], env);
  assert.deepEqual(r.skipped, [], 'nothing skipped (no "vanished") or failed');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.completed.indexedFiles, 4);
  assert.equal(r.completed.discoveredFiles, 2);
  assert.equal(r.completed.copiedFiles, 6);
  assert.deepEqual(filesAsBytes(path.join(dest, 'n')), files);
});

/** bin/ferry run by a shell, so that arguments can hold bytes that are not UTF-8 (printf's octal escapes). */
function ferryViaShell(script: string, env: NodeJS.ProcessEnv): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('sh', ['-c', script], { env: { ...env, NODE: process.execPath, FERRY }, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('arguments that are not UTF-8 name their own files: a folder so named is told apart from a missing one', () => {
  const parent = tempDir('ferry-cli-odd-');
  fs.mkdirSync(bytePath(parent, ODD_DIR));
  const { env } = libraryEnv();
  // b'd\xe9r' exists; Node's own decoding of it ('d\ufffdr') does not.
  const r = ferryViaShell(`exec "$NODE" "$FERRY" index "${parent}/$(printf 'd\\351r')"`, env);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /indexes only paths that are valid UTF-8: .*d\ufffdr/);
  const missing = ferryViaShell(`exec "$NODE" "$FERRY" index "${parent}/$(printf 'd\\352r')"`, env);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /No such folder/);
});

test('ferry copy of a SOURCE and into a DEST named with bytes that are not UTF-8, given on the command line', () => {
  const { src, files } = source();
  const destParent = tempDir('ferry-cli-odd-dest-');
  fs.mkdirSync(bytePath(destParent, ODD_DIR));
  const { env } = libraryEnv();
  // SOURCE: the folder b'd\xe9r' inside the tree; DEST: a folder b'd\xe9r' elsewhere.
  const r = ferryViaShell(`exec "$NODE" "$FERRY" copy --json "${src}/$(printf 'd\\351r')" "${destParent}/$(printf 'd\\351r')"`, env);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const deep = Object.entries(files).filter(([rel]) => rel.startsWith(ODD_DIR.toString('latin1') + '/'));
  assert.deepEqual(filesAsBytes(bytePath(destParent, ODD_DIR)), Object.fromEntries(deep));
});
