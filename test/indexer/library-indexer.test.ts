import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { FerryError } from '../../src/shared/errors';
import type { IndexProgress } from '../../src/main/engine/indexer/library-indexer';
import { JobStore } from '../../src/main/engine/jobs/job-store';
import { emptyDir, symlink, tempDir, tree } from '../helpers/tree';
import { diskEntries, indexedPaths, newLibrary, rowsOf } from '../helpers/library';

const ALL_RULES_OFF = { skipGit: false, skipNodeModules: false, skipHidden: false, skipSystemFiles: false, respectGitignore: false };

/** A tree of a few hundred files over several levels, with sizes that differ. */
function mediumTree(root: string): string {
  const spec: Record<string, string> = {};
  for (let a = 0; a < 4; a++) {
    for (let b = 0; b < 5; b++) {
      for (let f = 0; f < 12; f++) spec[`d${a}/e${b}/f${f}.bin`] = 'x'.repeat(a * 100 + b * 10 + f);
    }
    spec[`d${a}/top.txt`] = 'y'.repeat(a + 1);
  }
  spec['root.txt'] = 'root';
  return tree(root, spec);
}

async function expectError(promise: Promise<unknown>, code: string, message?: RegExp): Promise<FerryError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof FerryError, `expected a FerryError, got ${String(err)}`);
    assert.equal(err.code, code);
    if (message) assert.match(err.message, message);
    return err;
  }
  assert.fail(`expected ${code}`);
}

test('directory aggregates and location totals equal a walk of the disk', async () => {
  const root = mediumTree(tempDir());
  tree(root, { 'd1/empty': emptyDir(), 'link-to-d0': symlink('d0') });
  const { db, indexer } = newLibrary();
  const loc = await indexer.addLocation(root);
  const disk = diskEntries(root);
  const files = disk.filter((e) => e.kind === 'file');
  assert.equal(loc.fileCount, files.length);
  assert.equal(loc.totalBytes, files.reduce((s, e) => s + e.size, 0));
  assert.equal(loc.path, fs.realpathSync(root));
  assert.ok(loc.lastIndexedAt !== null);
  const rows = rowsOf(db, loc.id);
  assert.deepEqual(indexedPaths(db, loc.id), disk.map((e) => e.rel));
  for (const dir of rows.filter((r) => r.kind === 'dir')) {
    const rel = dir.relative_path ? `${dir.relative_path}/${dir.name}` : dir.name;
    const below = files.filter((f) => f.rel.startsWith(`${rel}/`));
    assert.equal(dir.file_count, below.length, rel);
    assert.equal(dir.aggregate_size, below.reduce((s, e) => s + e.size, 0), rel);
  }
  for (const file of rows.filter((r) => r.kind === 'file')) {
    const rel = file.relative_path ? `${file.relative_path}/${file.name}` : file.name;
    assert.equal(file.size, fs.statSync(path.join(root, rel)).size);
    assert.equal(file.aggregate_size, null);
  }
});

test('symlinks are recorded, never followed; FIFOs are recorded as other', async () => {
  const root = tree(tempDir(), { 'real/a.txt': 'aaa', 'link-dir': symlink('real'), 'link-file': symlink('real/a.txt'), 'dangling': symlink('nowhere') });
  execFileSync('mkfifo', [path.join(root, 'pipe')]);
  const { db, indexer } = newLibrary();
  const loc = await indexer.addLocation(root);
  const kinds = Object.fromEntries(rowsOf(db, loc.id).map((r) => [r.relative_path ? `${r.relative_path}/${r.name}` : r.name, r.kind]));
  assert.deepEqual(kinds, { 'real': 'dir', 'real/a.txt': 'file', 'link-dir': 'symlink', 'link-file': 'symlink', 'dangling': 'symlink', 'pipe': 'other' });
  assert.equal(loc.fileCount, 1, 'only regular files count');
});

test('re-indexing picks up added, grown and deleted files and folders', async () => {
  const root = mediumTree(tempDir());
  const { db, indexer } = newLibrary();
  const first = await indexer.addLocation(root);
  fs.writeFileSync(path.join(root, 'd0/e0/new.txt'), 'new file');
  fs.writeFileSync(path.join(root, 'd1/top.txt'), 'grown '.repeat(100));
  fs.rmSync(path.join(root, 'd2'), { recursive: true });
  fs.rmSync(path.join(root, 'd3/e4/f0.bin'));
  tree(root, { 'brand/new/dir/file.txt': 'deep' });
  const second = await indexer.reindex(first.id);
  assert.equal(second.id, first.id);
  const disk = diskEntries(root);
  const files = disk.filter((e) => e.kind === 'file');
  assert.deepEqual(indexedPaths(db, first.id), disk.map((e) => e.rel));
  assert.equal(second.fileCount, files.length);
  assert.equal(second.totalBytes, files.reduce((s, e) => s + e.size, 0));
  const top = db.prepare("SELECT size FROM entries WHERE location_id = ? AND relative_path = 'd1' AND name = 'top.txt'").get(first.id) as { size: number };
  assert.equal(top.size, 600);
  const d1 = db.prepare("SELECT aggregate_size AS a FROM entries WHERE location_id = ? AND relative_path = '' AND name = 'd1'").get(first.id) as { a: number };
  assert.equal(d1.a, files.filter((f) => f.rel.startsWith('d1/')).reduce((s, e) => s + e.size, 0));
  // Every row carries this run's scan id: nothing stale survives.
  const scans = db.prepare('SELECT COUNT(DISTINCT scan_id) AS n FROM entries WHERE location_id = ?').get(first.id) as { n: number };
  assert.equal(scans.n, 1);
});

test('adding a location that already exists re-indexes it', async () => {
  const root = tree(tempDir(), { 'a.txt': 'a' });
  const { db, indexer } = newLibrary();
  const first = await indexer.addLocation(root);
  fs.writeFileSync(path.join(root, 'b.txt'), 'bb');
  const again = await indexer.addLocation(path.join(root, '.', 'x', '..'));
  assert.equal(again.id, first.id);
  assert.equal(indexer.listLocations().length, 1);
  assert.deepEqual(indexedPaths(db, first.id), ['a.txt', 'b.txt']);
});

test('names with any character but "/" round-trip exactly (NFC and NFD kept apart)', async () => {
  const nfc: string = 'caf\u00e9';
  const nfd: string = 'cafe\u0301';
  const names = ['new\nline', '100%', 'under_score', 'back\\slash', "it's", 'say "hi"', ' lead space', 'trail space ', nfc, nfd, '日本語', '🚀 emoji', 'tab\there', 'a', 'a b', 'a0', 'a.', '-dash'];
  const spec: Record<string, string> = {};
  for (const n of names) { spec[n] = n; spec[`dir ${n.length}_${names.indexOf(n)}/${n}`] = n; }
  const root = tree(tempDir(), spec);
  const { db, indexer } = newLibrary();
  const loc = await indexer.addLocation(root, { rules: ALL_RULES_OFF });
  assert.deepEqual(indexedPaths(db, loc.id), diskEntries(root).map((e) => e.rel));
  const top = (db.prepare("SELECT name FROM entries WHERE location_id = ? AND relative_path = '' AND kind = 'file'").all(loc.id) as { name: string }[])
    .map((r) => r.name).sort();
  assert.deepEqual(top, [...names].sort());
  assert.ok(top.includes(nfc) && top.includes(nfd) && nfc !== nfd);
});

test('bad paths are refused with typed errors', async () => {
  const root = tree(tempDir(), { 'file.txt': 'x' });
  const { indexer } = newLibrary();
  await expectError(indexer.addLocation(path.join(root, 'missing')), 'SOURCE_NOT_FOUND', /No such folder/);
  await expectError(indexer.addLocation(path.join(root, 'file.txt')), 'NOT_A_DIRECTORY');
  await expectError(indexer.addLocation(path.join(root, 'file.txt', 'below')), 'SOURCE_NOT_FOUND');
  await expectError(indexer.reindex(12345), 'LOCATION_NOT_FOUND');
  assert.throws(() => indexer.removeLocation(12345), (e: unknown) => e instanceof FerryError && e.code === 'LOCATION_NOT_FOUND');
  assert.deepEqual(indexer.listLocations(), []);
});

test('a folder inside a location is refused, naming the location and how to re-index it', async () => {
  const root = tree(tempDir(), { 'inner/deep/x.txt': 'x' });
  const { indexer } = newLibrary();
  const outer = await indexer.addLocation(root);
  const err = await expectError(indexer.addLocation(path.join(root, 'inner', 'deep')), 'INSIDE_LOCATION');
  assert.ok(err.message.includes(outer.path));
  assert.ok(err.message.includes(`ferry index ${outer.path}`));
  // Through a symlink too: paths are compared after realpath.
  const alias = path.join(tempDir(), 'alias');
  fs.symlinkSync(path.join(root, 'inner'), alias);
  await expectError(indexer.addLocation(alias), 'INSIDE_LOCATION');
  assert.equal(indexer.listLocations().length, 1);
});

test('adding a folder that contains locations absorbs them', async () => {
  const root = tree(tempDir(), { 'a/1.txt': '1', 'b/2.txt': '22', 'c.txt': '333' });
  const { db, indexer } = newLibrary();
  const a = await indexer.addLocation(path.join(root, 'a'));
  const b = await indexer.addLocation(path.join(root, 'b'));
  let absorbed: string[] = [];
  const outer = await indexer.addLocation(root, { onAbsorbed: (ls) => { absorbed = ls.map((l) => l.path).sort(); } });
  assert.deepEqual(absorbed, [a.path, b.path].sort());
  assert.deepEqual(indexer.listLocations().map((l) => l.path), [outer.path]);
  assert.equal(outer.fileCount, 3);
  const orphans = db.prepare('SELECT COUNT(*) AS n FROM entries WHERE location_id IN (?, ?)').get(a.id, b.id) as { n: number };
  assert.equal(orphans.n, 0);
  assert.deepEqual(indexedPaths(db, outer.id), ['a', 'a/1.txt', 'b', 'b/2.txt', 'c.txt']);
});

test('each run is an index job with its final progress; progress ends with done', async () => {
  const root = mediumTree(tempDir());
  const { db, indexer } = newLibrary();
  const seen: IndexProgress[] = [];
  const loc = await indexer.addLocation(root, { onProgress: (p) => seen.push(p) });
  const last = seen[seen.length - 1]!;
  assert.equal(last.done, true);
  assert.equal(last.files, loc.fileCount);
  assert.equal(last.bytes, loc.totalBytes);
  assert.equal(last.entries, rowsOf(db, loc.id).length);
  for (let i = 1; i < seen.length; i++) assert.ok(seen[i]!.entries >= seen[i - 1]!.entries, 'progress never goes back');
  await indexer.reindex(loc.id);
  const jobs = new JobStore(db).list().filter((j) => j.kind === 'index');
  assert.equal(jobs.length, 2);
  for (const job of jobs) {
    assert.equal(job.status, 'completed');
    assert.equal(job.config.locationId, loc.id);
    assert.equal(job.config.path, loc.path);
    assert.equal(job.progress?.files, loc.fileCount);
    assert.equal(job.progress?.bytes, loc.totalBytes);
  }
});

test('an aborted first index leaves no location and a cancelled job; an aborted re-index keeps the location', async () => {
  const root = mediumTree(tempDir());
  const { db, indexer } = newLibrary();
  const controller = new AbortController();
  const run = indexer.addLocation(root, { signal: controller.signal });
  controller.abort();
  await assert.rejects(run, (e: Error) => e.name === 'AbortError');
  assert.deepEqual(indexer.listLocations(), []);
  assert.equal((db.prepare('SELECT COUNT(*) AS n FROM entries').get() as { n: number }).n, 0);
  assert.equal(new JobStore(db).list()[0]!.status, 'cancelled');

  const loc = await indexer.addLocation(root);
  const again = new AbortController();
  again.abort();
  await assert.rejects(indexer.reindex(loc.id, { signal: again.signal }), (e: Error) => e.name === 'AbortError');
  assert.equal(indexer.getLocation(loc.id)?.fileCount, loc.fileCount);
});

test('removing a location removes its entries and index errors', async () => {
  const root = mediumTree(tempDir());
  const { db, indexer } = newLibrary();
  const loc = await indexer.addLocation(root);
  db.prepare("INSERT INTO index_errors (location_id, relative_path, code, message) VALUES (?, 'x', 'EACCES', 'no')").run(loc.id);
  assert.equal(indexer.findByPath(root)?.id, loc.id);
  indexer.removeLocation(loc.id);
  assert.equal(indexer.getLocation(loc.id), undefined);
  assert.equal(indexer.findByPath(root), undefined);
  assert.equal((db.prepare('SELECT COUNT(*) AS n FROM entries').get() as { n: number }).n, 0);
  assert.equal((db.prepare('SELECT COUNT(*) AS n FROM index_errors').get() as { n: number }).n, 0);
});

test('concurrent requests to index one location share one run', async () => {
  const root = mediumTree(tempDir());
  const { db, indexer } = newLibrary();
  const loc = await indexer.addLocation(root);
  const [x, y] = await Promise.all([indexer.reindex(loc.id), indexer.addLocation(root)]);
  assert.deepEqual(x, y);
  assert.equal(new JobStore(db).list().filter((j) => j.kind === 'index').length, 2);
});

test('a location being indexed by another live process is not indexed twice at once', async () => {
  const root = mediumTree(tempDir());
  const { db, indexer } = newLibrary();
  const loc = await indexer.addLocation(root);
  const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  try {
    const store = new JobStore(db, other.pid!);
    const job = store.create({ kind: 'index', status: 'running', config: { locationId: loc.id, path: loc.path } });
    store.setStatus(job.id, 'running');
    await expectError(indexer.reindex(loc.id), 'INVALID_INPUT', /being indexed by another Ferry process/);
    other.kill('SIGKILL');
    await new Promise((resolve) => other.once('exit', resolve));
    // Its owner is gone: the job is interrupted, and indexing goes ahead.
    const again = await indexer.reindex(loc.id);
    assert.equal(again.fileCount, loc.fileCount);
    assert.equal(store.get(job.id)?.status, 'interrupted');
  } finally {
    other.kill('SIGKILL');
  }
});

test('re-indexing a location whose folder is gone says how to remove it', async () => {
  const root = tree(tempDir(), { 'a.txt': 'a' });
  const { indexer } = newLibrary();
  const loc = await indexer.addLocation(root);
  fs.rmSync(root, { recursive: true });
  await expectError(indexer.reindex(loc.id), 'SOURCE_NOT_FOUND', /no longer a folder on disk; remove it with `ferry locations --remove /);
  assert.equal(indexer.getLocation(loc.id)?.fileCount, 1, 'the index is kept until the user removes it');
});
