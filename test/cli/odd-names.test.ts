import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from '../helpers/tree';
import { filesAsBytes, oddTree } from '../helpers/odd-names';
import { ferry, libraryEnv } from '../indexer/ferry-cli';

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
