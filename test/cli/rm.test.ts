import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { EventOf } from '../../src/shared/events';
import { unprivilegedSkip } from '../helpers/as-nobody';
import { ferry, ferryUnprivileged, libraryEnv } from '../helpers/ferry-cli';
import { tempDir, tree } from '../helpers/tree';

test('ferry rm deletes files and folders permanently and says how many items went', () => {
  const { env } = libraryEnv();
  const dir = tree(tempDir(), { 'a.txt': 'a', 'tree/b.txt': 'b', 'tree/c/d.txt': 'd', 'keep.txt': 'k' });
  const r = ferry(['rm', 'a.txt', path.join(dir, 'tree')], env, dir);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'Deleted 5 items\n');
  assert.deepEqual(fs.readdirSync(dir), ['keep.txt']);
  const jobs = ferry(['jobs'], env);
  assert.match(jobs.stdout, new RegExp(`delete +completed +just now +5/5 items deleted, ${path.join(dir, 'a.txt')} \\+1 more\n`));
});

test('--json prints the delete job\'s events, one a line', () => {
  const { env } = libraryEnv();
  const dir = tree(tempDir(), { 'x/1.txt': '1', 'x/2.txt': '22' });
  const r = ferry(['rm', '--json', path.join(dir, 'x')], env);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual([r.events[0]!.type, r.events.at(-1)!.type], ['initialEstimate', 'completed']);
  const done = r.events.at(-1) as EventOf<'completed'>;
  assert.deepEqual({ status: done.status, items: done.copiedFiles, bytes: done.copiedBytes, operation: done.operation },
    { status: 'done', items: 3, bytes: 3, operation: 'delete' });
  assert.ok(r.events.some((e) => e.type === 'progress'));
});

test('refuses /, the home folder and a location\'s root, saying why, and deletes nothing', () => {
  const { env } = libraryEnv();
  const dir = tree(tempDir(), { 'loc/a.txt': 'a', 'b.txt': 'b' });
  assert.equal(ferry(['index', path.join(dir, 'loc')], env).code, 0);
  const cases: Array<[string[], RegExp]> = [
    [['/'], /^ferry rm: Ferry never deletes the root folder \/\.\n$/],
    [[os.homedir()], /never deletes your home folder/],
    [[path.join(dir, 'b.txt'), path.join(dir, 'loc')], /is a location of the library: remove the location first \(ferry locations --remove\)/],
    [[path.join(dir, 'missing')], /No such file or directory/],
  ];
  for (const [args, message] of cases) {
    const r = ferry(['rm', ...args], env);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, message);
  }
  assert.deepEqual(fs.readdirSync(dir).sort(), ['b.txt', 'loc']);
  assert.equal(ferry(['rm'], env).code, 2);
});

test('what cannot be deleted is reported on stderr, the rest is deleted, exit 1', { skip: unprivilegedSkip() }, () => {
  const base = tempDir();
  fs.chmodSync(base, 0o777);
  const dir = tree(path.join(base, 'mine'), { 'a.txt': 'a', 'locked/inside.txt': 'root only', 'z.txt': 'z' });
  fs.chmodSync(dir, 0o777);
  fs.chmodSync(path.join(dir, 'locked'), 0o755);
  const r = ferryUnprivileged(['rm', dir], { FERRY_DB: path.join(base, 'library.db') });
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, new RegExp(`could not delete ${path.join(dir, 'locked', 'inside.txt')}: .*\\(EACCES\\)`));
  assert.deepEqual(fs.readdirSync(dir), ['locked']);
  assert.match(r.stdout, /^Deleted 2 items; 1 item could not be deleted\n$/);
});
