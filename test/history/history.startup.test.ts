import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ferry, libraryEnv } from '../helpers/ferry-cli';
import { tempDir } from '../helpers/tree';

// Every copy and move records itself in the undo history. Recording must not load zod (the schemas read rows
// back; `require('zod')` alone costs ~0.17 s), or every `ferry copy` process starts that much later.
test('a copy records itself in the history without loading zod; reading the history back does', () => {
  const root = tempDir();
  fs.writeFileSync(path.join(root, 'a.txt'), 'bytes');
  fs.mkdirSync(path.join(root, 'dest'));
  const report = path.join(root, 'loaded.txt');
  const preload = path.join(root, 'report-zod.js');
  fs.writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(report)},
    String(Object.keys(require.cache).filter((k) => k.includes('/node_modules/zod/')).length)));`);
  const { env } = libraryEnv();
  const withPreload = { ...env, NODE_OPTIONS: `-r ${preload}` };

  const copy = ferry(['copy', path.join(root, 'a.txt'), path.join(root, 'dest')], withPreload);
  assert.equal(copy.code, 0, copy.stderr);
  assert.equal(fs.readFileSync(path.join(root, 'dest', 'a.txt'), 'utf8'), 'bytes');
  assert.equal(fs.readFileSync(report, 'utf8'), '0', 'zod was loaded by a copy');

  const history = ferry(['history', '--json'], withPreload);
  assert.equal(history.code, 0, history.stderr);
  assert.match(history.stdout, /"kind":\s*"copy"/);
  assert.notEqual(fs.readFileSync(report, 'utf8'), '0', 'reading rows goes through the schemas');
});
