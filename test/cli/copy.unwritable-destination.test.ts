import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { validateCopyRequest } from '../../src/main/engine/copy/validate';
import { FerryError } from '../../src/shared/errors';
import type { FerryEvent } from '../../src/shared/events';
import { unprivilegedSkip } from '../helpers/as-nobody';
import { tempDir, tree } from '../helpers/tree';
import { ferry, ferryUnprivileged } from '../helpers/ferry-cli';

/** As in copy.permissions.test.ts: as root, permissions stop only another user, so these run as `nobody`. */
const isRoot = process.getuid?.() === 0;
const skipUnprivileged = unprivilegedSkip();

function copyJobRows(dbFile: string): number {
  if (!fs.existsSync(dbFile)) return 0;
  const db = new Database(dbFile, { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM jobs WHERE kind = 'copy'").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** A world-writable temp folder, so that `nobody` can keep its library there. */
function sharedBase(): string {
  const base = tempDir();
  fs.chmodSync(base, 0o777);
  return base;
}

test('a copy into a folder the user cannot write is refused before it starts: exit 2, one sentence, nothing written, no job row', { skip: skipUnprivileged }, () => {
  const base = sharedBase();
  const src = tree(path.join(base, 'src'), { 'a.txt': 'alpha', 'sub/b.txt': 'beta' });
  fs.chmodSync(src, 0o755);
  fs.chmodSync(path.join(src, 'sub'), 0o755);
  const locked = path.join(base, 'Locked');
  fs.mkdirSync(locked, { mode: 0o755 }); // owned by root (or the user, then made read-only below)
  if (!isRoot) fs.chmodSync(locked, 0o555);
  const dbFile = path.join(base, 'library.db');
  const r = ferryUnprivileged(['copy', '--json', src, locked], { FERRY_DB: dbFile });
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stderr, 'ferry copy: You don\'t have permission to write in \u201cLocked\u201d\n');
  assert.equal(r.events.length, 0, 'no job, so no events');
  assert.deepEqual(fs.readdirSync(locked), [], 'nothing written');
  assert.equal(copyJobRows(dbFile), 0, 'no job row');
});

test('a copy onto a read-only file system is refused before it starts, even as root (EROFS)', { skip: !isRoot ? 'needs root to mount a read-only tmpfs' : false }, (t) => {
  const base = tempDir();
  const src = tree(path.join(base, 'src'), { 'a.txt': 'alpha' });
  const mount = path.join(base, 'USB');
  fs.mkdirSync(mount);
  const m = spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', mount], { encoding: 'utf8' });
  if (m.status !== 0) return t.skip(`cannot mount a read-only tmpfs here: ${m.stderr.trim()}`);
  try {
    assert.throws(() => validateCopyRequest([src], mount), (err: unknown) => err instanceof FerryError && err.code === 'EROFS' && err.path === mount);
    const dbFile = path.join(base, 'library.db');
    const r = ferry(['copy', '--json', src, mount], { FERRY_DB: dbFile });
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr, 'ferry copy: \u201cUSB\u201d is on a read-only file system: nothing can be written there\n');
    assert.equal(r.stdout, '');
    assert.deepEqual(fs.readdirSync(mount), []);
    assert.equal(copyJobRows(dbFile), 0, 'no job row');
  } finally {
    spawnSync('umount', [mount]);
  }
});

test('a copy whose every file failed ends failed, not done: completed.status, exit 1, ferry jobs says failed; the error reads as a sentence', { skip: skipUnprivileged }, () => {
  const base = sharedBase();
  const src = tree(path.join(base, 'src'), { 'Secret.txt': 'not for nobody', 'Private.txt': 'nor this' });
  fs.chmodSync(src, 0o755);
  fs.chmodSync(path.join(src, 'Secret.txt'), 0o000);
  fs.chmodSync(path.join(src, 'Private.txt'), 0o000);
  const dest = path.join(base, 'dest');
  fs.mkdirSync(dest, { mode: 0o777 });
  fs.chmodSync(dest, 0o777);
  const dbFile = path.join(base, 'library.db');
  const r = ferryUnprivileged(['copy', '--json', '--overwrite', 'skip', src, dest], { FERRY_DB: dbFile });
  assert.equal(r.code, 1, r.stderr);
  const failed = r.events.filter((e): e is Extract<FerryEvent, { type: 'fileFailed' }> => e.type === 'fileFailed');
  assert.deepEqual(failed.map((e) => [path.basename(e.path), e.code, e.message]).sort(), [
    ['Private.txt', 'EACCES', 'You don\'t have permission to read \u201cPrivate.txt\u201d'],
    ['Secret.txt', 'EACCES', 'You don\'t have permission to read \u201cSecret.txt\u201d'],
  ]);
  const completed = r.events.at(-1)!;
  assert.ok(completed.type === 'completed', JSON.stringify(completed));
  assert.equal(completed.status, 'failed');
  assert.equal(completed.copiedFiles, 0);
  assert.equal(completed.failedFiles, 2);
  assert.deepEqual(fs.readdirSync(path.join(dest, 'src')).filter((n) => !n.startsWith('.')), []);

  const jobs = ferry(['jobs', '--json'], { FERRY_DB: dbFile });
  assert.equal(jobs.code, 0, jobs.stderr);
  const rows = JSON.parse(jobs.stdout) as Array<{ id: string; kind: string; status: string }>;
  assert.equal(rows.find((j) => j.id === completed.jobId)?.status, 'failed');
  const table = ferry(['jobs'], { FERRY_DB: dbFile });
  assert.match(table.stdout, new RegExp(`${completed.jobId.slice(0, 8)}\\S*\\s+copy\\s+failed`));
});
