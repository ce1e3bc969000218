import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ferry, libraryEnv } from '../helpers/ferry-cli';
import { tempDir, tree } from '../helpers/tree';

test('ferry rename PATH NEWNAME renames in place and prints the new path', () => {
  const { env } = libraryEnv();
  const dir = tree(tempDir(), { 'IMG_0001.jpg': 'jpg' });
  const r = ferry(['rename', path.join(dir, 'IMG_0001.jpg'), 'Beach.jpg'], env);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, `${path.join(dir, 'Beach.jpg')}\n`);
  assert.deepEqual(fs.readdirSync(dir), ['Beach.jpg']);
  const relative = ferry(['rename', '--json', 'Beach.jpg', 'Sea.jpg'], env, dir);
  assert.deepEqual(JSON.parse(relative.stdout), { path: path.join(dir, 'Sea.jpg') });
});

test('refusals exit 2 with the reason and change nothing', () => {
  const { env } = libraryEnv();
  const dir = tree(tempDir(), { 'a.txt': 'a', 'b.txt': 'b' });
  const table: Array<[string, RegExp]> = [
    ['b.txt', /^ferry rename: “b\.txt” already exists in this folder: choose another name\.\n$/],
    ['x/y', /cannot contain “\/”/],
    ['..', /reserved/],
    ['', /cannot be empty/],
    ['n'.repeat(300), /too long: 300 bytes, at most 255/],
  ];
  for (const [name, message] of table) {
    const r = ferry(['rename', path.join(dir, 'a.txt'), name], env);
    assert.equal(r.code, 2, name);
    assert.match(r.stderr, message, name);
  }
  assert.deepEqual(fs.readdirSync(dir).sort(), ['a.txt', 'b.txt']);
  assert.equal(ferry(['rename', path.join(dir, 'a.txt')], env).code, 2);
});
