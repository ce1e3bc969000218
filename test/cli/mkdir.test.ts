import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ferry, libraryEnv } from '../helpers/ferry-cli';
import { tempDir } from '../helpers/tree';

test('ferry mkdir creates the named folders; --new names them as the app does', () => {
  const { env } = libraryEnv();
  const dir = tempDir();
  const r = ferry(['mkdir', path.join(dir, 'Projects'), 'Music'], env, dir);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, `${path.join(dir, 'Projects')}\n${path.join(dir, 'Music')}\n`);
  assert.equal(ferry(['mkdir', '--new', dir], env).stdout, `${path.join(dir, 'New Folder')}\n`);
  assert.deepEqual(JSON.parse(ferry(['mkdir', '--new', '--json', dir], env).stdout), { path: path.join(dir, 'New Folder 2') });
  assert.deepEqual(fs.readdirSync(dir).sort(), ['Music', 'New Folder', 'New Folder 2', 'Projects']);
});

test('an existing name or a missing parent is refused with exit 2', () => {
  const { env } = libraryEnv();
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'taken'));
  const taken = ferry(['mkdir', path.join(dir, 'taken')], env);
  assert.equal(taken.code, 2);
  assert.match(taken.stderr, /“taken” already exists/);
  const missing = ferry(['mkdir', path.join(dir, 'no/such')], env);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /does not exist/);
});
