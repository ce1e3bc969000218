import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FerryEvent } from '../../src/shared/events';
import { unprivilegedSkip } from '../helpers/as-nobody';
import { tempDir, tree } from '../helpers/tree';
import { ferryUnprivileged } from '../helpers/ferry-cli';

/**
 * Permission denial needs a user that permissions apply to. As root (CI), chmod 000 does not stop a
 * read, so the copy runs as `nobody` (test/helpers/as-nobody.ts); as any other user it runs as that user.
 */
const skip = unprivilegedSkip();

test('an unreadable file and an unreadable folder fail with EACCES; every other file is copied (exit 1)', { skip }, () => {
  const base = tempDir();
  fs.chmodSync(base, 0o777);
  const src = tree(path.join(base, 'src'), {
    'a.txt': 'readable', 'secret.txt': 'not for nobody', 'locked/inside.txt': 'hidden', 'z/after.txt': 'after',
  });
  const dest = path.join(base, 'dest');
  fs.mkdirSync(dest, { mode: 0o777 });
  fs.chmodSync(dest, 0o777);
  fs.chmodSync(path.join(src, 'secret.txt'), 0o000);
  fs.chmodSync(path.join(src, 'locked'), 0o000);
  try {
    const r = ferryUnprivileged(['copy', '--json', '--overwrite', 'skip', src, dest], { FERRY_DB: path.join(base, 'library.db') });
    assert.equal(r.code, 1, r.stderr);
    const failed = r.events.filter((e): e is Extract<FerryEvent, { type: 'fileFailed' }> => e.type === 'fileFailed');
    const byPath = new Map(failed.map((e) => [path.relative(src, e.path), e.code]));
    assert.equal(byPath.get('secret.txt'), 'EACCES', JSON.stringify(failed));
    assert.equal(byPath.get('locked'), 'EACCES', JSON.stringify(failed));
    assert.equal(fs.readFileSync(path.join(dest, 'src/a.txt'), 'utf8'), 'readable');
    assert.equal(fs.readFileSync(path.join(dest, 'src/z/after.txt'), 'utf8'), 'after');
    assert.equal(fs.existsSync(path.join(dest, 'src/secret.txt')), false, 'no empty or partial file under the final name');
    assert.deepEqual(fs.readdirSync(path.join(dest, 'src')).filter((n) => n.startsWith('.ferry-')), [], 'no temp file left');
    const completed = r.events.at(-1)!;
    assert.ok(completed.type === 'completed' && completed.status === 'done' && completed.failedFiles >= 1, JSON.stringify(completed));
  } finally {
    fs.chmodSync(path.join(src, 'locked'), 0o755);
  }
});

test('a destination folder that cannot be written fails its files with EACCES at the destination path', { skip }, () => {
  const base = tempDir();
  fs.chmodSync(base, 0o777);
  const src = tree(path.join(base, 'src'), { 'ok.txt': 'ok', 'ro/inside.txt': 'blocked' });
  fs.chmodSync(src, 0o755);
  const dest = tree(path.join(base, 'dest'), { 'src/ro/.keep': '' });
  fs.chmodSync(dest, 0o777);
  fs.chmodSync(path.join(dest, 'src'), 0o777);
  fs.chmodSync(path.join(dest, 'src/ro'), 0o555);
  const r = ferryUnprivileged(['copy', '--json', '--overwrite', 'skip', src, dest], { FERRY_DB: path.join(base, 'library.db') });
  assert.equal(r.code, 1, r.stderr);
  const failed = r.events.filter((e): e is Extract<FerryEvent, { type: 'fileFailed' }> => e.type === 'fileFailed');
  assert.deepEqual(failed.map((e) => [e.path, e.code]), [[path.join(dest, 'src/ro/inside.txt'), 'EACCES']]);
  assert.equal(fs.readFileSync(path.join(dest, 'src/ok.txt'), 'utf8'), 'ok');
});
