import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { entriesMoved, entriesRemoved, type FollowResult } from '../../src/main/engine/db/index-follow';
import { readLocationByPath, readLocations } from '../../src/main/engine/db/locations';
import { newLibrary, rowsOf, searchRowsOf, type Row } from '../helpers/library';
import { tempDir, tree } from '../helpers/tree';

/**
 * The index follows a move or a removal: after the change on disk and the call, the rows of every location
 * are exactly those a fresh index of the disk writes (folder mtimes aside: a rename touches its parents'),
 * and so are the library search's rows (search_folders).
 */

const TREE = {
  'music/a.mp3': '12345',
  'music/live/b.mp3': '1234567890',
  'music/live/deep/c.mp3': 'ccc',
  'music live/d.mp3': 'a sibling whose name extends "music"',
  'music.txt': 'x',
  'docs/e.txt': 'ee',
  'docs/old/f.txt': 'ffff',
  'node_modules/pkg/index.js': 'skipped by the default rules',
};

interface Lab { base: string; a: string; b: string; db: ReturnType<typeof newLibrary>['db']; indexer: ReturnType<typeof newLibrary>['indexer'] }

async function lab(): Promise<Lab> {
  const base = fs.realpathSync(tempDir('ferry-follow-'));
  const a = tree(path.join(base, 'A'), TREE);
  const b = tree(path.join(base, 'B'), { 'inbox/z.txt': 'zz', 'keep.txt': 'k' });
  fs.mkdirSync(path.join(base, 'outside'));
  const { db, indexer } = newLibrary();
  await indexer.addLocation(a);
  await indexer.addLocation(b);
  return { base, a, b, db, indexer };
}

const comparable = (rows: Row[]) => rows.map((r) => (r.kind === 'dir' ? { ...r, mtime_ms: 0 } : r));

/** Every location's rows and totals equal a fresh index of the same folders. */
async function assertLikeFreshIndex(l: Lab): Promise<void> {
  const fresh = newLibrary();
  for (const loc of readLocations(l.db)) {
    const again = await fresh.indexer.addLocation(loc.path);
    assert.deepEqual(comparable(rowsOf(l.db, loc.id)), comparable(rowsOf(fresh.db, again.id)), `rows of ${loc.path}`);
    assert.deepEqual([loc.fileCount, loc.totalBytes], [again.fileCount, again.totalBytes], `totals of ${loc.path}`);
    assert.deepEqual(searchRowsOf(l.db, loc.id), searchRowsOf(fresh.db, again.id), `library search rows of ${loc.path}`);
  }
}

function move(from: string, to: string, l: Lab): FollowResult {
  fs.renameSync(from, to);
  return entriesMoved(l.db, from, to);
}

const cases: { name: string; run(l: Lab): FollowResult; expect: Partial<FollowResult> }[] = [
  { name: 'a file into another folder of its location', run: (l) => move(`${l.a}/music/a.mp3`, `${l.a}/docs/a.mp3`, l), expect: { carried: 1 } },
  { name: 'a file renamed in place', run: (l) => move(`${l.a}/music.txt`, `${l.a}/notes.txt`, l), expect: { carried: 1 } },
  {
    name: 'a folder and its subtree deeper down (the sibling "music live" untouched)',
    run: (l) => move(`${l.a}/music`, `${l.a}/docs/old/music`, l), expect: { carried: 6 },
  },
  { name: 'a folder into another location', run: (l) => move(`${l.a}/music`, `${l.b}/inbox/music`, l), expect: { carried: 6 } },
  { name: 'a folder out of every location: its rows go', run: (l) => move(`${l.a}/music`, `${l.base}/outside/music`, l), expect: { carried: 0, dropped: 6 } },
  {
    name: 'a file replacing one at its new place',
    run: (l) => move(`${l.a}/docs/e.txt`, `${l.b}/keep.txt`, l), expect: { carried: 1, dropped: 1 },
  },
  {
    name: 'a folder into one the rules leave out (node_modules): dropped',
    run: (l) => move(`${l.a}/docs`, `${l.a}/node_modules/docs`, l), expect: { carried: 0, dropped: 4 },
  },
  {
    name: 'a folder under a name the rules leave out (hidden): dropped',
    run: (l) => move(`${l.a}/docs`, `${l.a}/.docs`, l), expect: { carried: 0, dropped: 4 },
  },
];

for (const c of cases) {
  test(`entriesMoved: ${c.name}`, async () => {
    const l = await lab();
    const result = c.run(l);
    for (const [k, v] of Object.entries(c.expect)) assert.equal(result[k as keyof FollowResult], v, k);
    await assertLikeFreshIndex(l);
  });
}

test('entriesMoved: a folder from outside the library into a location: what it replaced goes, nothing is invented', async () => {
  const l = await lab();
  tree(path.join(l.base, 'outside'), { 'inbox/new.txt': 'new' });
  fs.rmSync(`${l.b}/inbox`, { recursive: true });
  assert.deepEqual(move(`${l.base}/outside/inbox`, `${l.b}/inbox`, l), { carried: 0, dropped: 2, locationsMoved: 0 });
  // The index does not know the new folder (a later index or copy finds it); what it holds is still true.
  const loc = readLocationByPath(l.db, l.b)!;
  assert.deepEqual(rowsOf(l.db, loc.id).map((r) => r.name), ['keep.txt']);
  assert.deepEqual([loc.fileCount, loc.totalBytes], [1, 1]);
});

test('entriesMoved: a location root that moves keeps its rows and settings at its new path', async () => {
  const l = await lab();
  const before = readLocationByPath(l.db, l.a)!;
  const to = path.join(l.base, 'outside', 'A2');
  assert.deepEqual(move(l.a, to, l), { carried: 0, dropped: 0, locationsMoved: 1 });
  const after = readLocationByPath(l.db, to)!;
  assert.equal(after.id, before.id);
  assert.equal(after.name, 'A2');
  assert.equal(readLocationByPath(l.db, l.a), undefined);
  await assertLikeFreshIndex(l);
});

const removals: { name: string; rel: (l: Lab) => string; dropped: number }[] = [
  { name: 'a file', rel: (l) => `${l.a}/music/live/b.mp3`, dropped: 1 },
  { name: 'a folder and its subtree (not the sibling "music live")', rel: (l) => `${l.a}/music`, dropped: 6 },
  { name: 'something the index never had', rel: (l) => `${l.a}/node_modules/pkg`, dropped: 0 },
];

for (const c of removals) {
  test(`entriesRemoved: ${c.name}`, async () => {
    const l = await lab();
    const target = c.rel(l);
    fs.rmSync(target, { recursive: true });
    assert.equal(entriesRemoved(l.db, target).dropped, c.dropped);
    await assertLikeFreshIndex(l);
  });
}

test('entriesRemoved: a location root removed keeps the location, with no rows and zero totals', async () => {
  const l = await lab();
  const id = readLocationByPath(l.db, l.b)!.id;
  fs.rmSync(l.b, { recursive: true });
  assert.equal(entriesRemoved(l.db, l.b).dropped, 3);
  const loc = readLocationByPath(l.db, l.b)!;
  assert.equal(loc.id, id);
  assert.deepEqual([loc.fileCount, loc.totalBytes, rowsOf(l.db, id).length], [0, 0, 0]);
});

test('entriesMoved: a path reached through a symlinked parent is found in the location', async () => {
  const l = await lab();
  const link = path.join(l.base, 'link-to-A');
  fs.symlinkSync(l.a, link);
  const result = move(`${link}/music`, `${link}/docs/music`, l);
  assert.equal(result.carried, 6);
  await assertLikeFreshIndex(l);
});
