import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HistoryState } from '../../src/shared/history';
import { ferry, libraryEnv } from '../helpers/ferry-cli';
import { tempDir, tree } from '../helpers/tree';

test('ferry history lists a CLI copy as the next undo, with --json', () => {
  const { env } = libraryEnv();
  assert.equal(ferry(['history'], env).stdout, 'Nothing to undo.\n');
  const src = tree(tempDir(), { 'a.txt': 'a', 'b.txt': 'b', 'docs/c.txt': 'c' });
  const dest = tempDir();
  const copy = ferry(['copy', ...['a.txt', 'b.txt', 'docs'].map((n) => path.join(src, n)), dest], env);
  assert.equal(copy.code, 0, copy.stderr);
  assert.equal(fs.readdirSync(dest).length, 3);

  const table = ferry(['history'], env);
  assert.equal(table.code, 0, table.stderr);
  assert.match(table.stdout, /^OPERATION\s+STATE\s+WHEN\s+WHERE\s+NEXT\n/);
  assert.match(table.stdout, /Copy of 3 Items\s+done\s+.*\+2 more\s+ferry undo\n/);

  const json = ferry(['history', '--json'], env);
  const state = JSON.parse(json.stdout) as HistoryState;
  assert.equal(state.undo?.label, 'Copy of 3 Items');
  assert.equal(state.undo?.itemCount, 3);
  assert.deepEqual([...state.undo!.paths].sort(), ['a.txt', 'b.txt', 'docs'].map((n) => path.join(dest, n)));
  assert.equal(state.redo, null);
  assert.equal(state.entries.length, 1);
});

test('ferry history refuses a bad --limit', () => {
  const { env } = libraryEnv();
  const r = ferry(['history', '--limit', '0'], env);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--limit must be a whole number/);
});
