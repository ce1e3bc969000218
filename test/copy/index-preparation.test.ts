import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { openLibrary } from '../../src/main/engine/db/library';
import { IndexPreparation, estimateFromIndex, locateInLibrary } from '../../src/main/engine/copy/index-preparation';
import type { CopyItem } from '../../src/main/engine/copy/types';
import { defaultRulesSkip, indexTree } from '../helpers/index-rows';
import { symlink, tempDir, tree, type Spec } from '../helpers/tree';

const NFD = 'cafe\u0301';
const ODD_NAMES = ['100%', 'a_b', 'back\\slash', 'new\nline', NFD, "quote'd \"x\""];

function library() {
  return openLibrary(path.join(tempDir(), 'library.db'));
}

/** A location with a folder `a`, siblings that share its prefix, odd names, and filtered folders. */
function fixture() {
  const root = tempDir();
  const spec: Record<string, Spec> = {
    'a/one.txt': '1',
    'a/sub/two.txt': '22',
    'a/sub/deeper/three.txt': '333',
    'a0/not-a.txt': 'x',
    'a b/not-a.txt': 'x',
    'a.txt': 'x',
    'a-/not-a.txt': 'x',
    'a/link': symlink('one.txt'),
    'a/node_modules/pkg/index.js': 'filtered',
    'a/.git/HEAD': 'filtered',
    'top.bin': 'top level',
  };
  for (const n of ODD_NAMES) { spec[`a/${n}`] = n; spec[`a/${n} dir/${n}`] = `${n}${n}`; }
  tree(root, spec);
  return root;
}

async function collect(prep: IndexPreparation, signal?: AbortSignal) {
  const items: CopyItem[] = [];
  const totals = await prep.run((batch) => { items.push(...batch); }, signal);
  return { items, totals };
}

test('estimateFromIndex equals the sums of the directory aggregates, for roots, folders and files', () => {
  const db = library();
  const root = fixture();
  const { rows } = indexTree(db, root, defaultRulesSkip);
  const files = rows.filter((r) => r.kind === 'file');
  const sum = (pred: (r: typeof files[number]) => boolean) => {
    const f = files.filter(pred);
    return { n: f.length, bytes: f.reduce((s, r) => s + (r.size ?? 0), 0) };
  };
  const underA = sum((r) => r.relativePath === 'a' || r.relativePath.startsWith('a/'));
  const all = sum(() => true);

  const est = estimateFromIndex(db, [path.join(root, 'a'), path.join(root, 'top.bin'), root]);
  assert.deepEqual(est.covered, [true, true, true]);
  assert.equal(est.knownFiles, underA.n + 1 + all.n);
  assert.equal(est.knownBytes, underA.bytes + 'top level'.length + all.bytes);
  assert.ok(underA.n >= 3 + 2 * ODD_NAMES.length);
  db.close();
});

test('a source outside every location, or filtered out of the index, is not covered', () => {
  const db = library();
  const root = fixture();
  indexTree(db, root, defaultRulesSkip);
  const elsewhere = tree(tempDir(), { 'f.txt': 'x' });
  const est = estimateFromIndex(db, [path.join(elsewhere, 'f.txt'), path.join(root, 'a', 'node_modules'), path.join(root, 'a')]);
  assert.deepEqual(est.covered, [false, false, true]);
  assert.equal(locateInLibrary(db, path.join(elsewhere, 'f.txt')), undefined);
  assert.deepEqual(locateInLibrary(db, path.join(root, 'a', 'sub')), { locationId: 1, locationPath: root, rel: 'a/sub' });
  db.close();
});

test('streams exactly the indexed subtree of a folder, odd names included, prefix siblings excluded', async () => {
  const db = library();
  const root = fixture();
  const { rows } = indexTree(db, root, defaultRulesSkip);
  const { items, totals } = await collect(new IndexPreparation(db, [path.join(root, 'a')]));

  const expected = rows
    .filter((r) => r.relativePath === 'a' || r.relativePath.startsWith('a/'))
    .map((r) => `${r.relativePath}/${r.name}`);
  const rels = items.map((i) => i.rel);
  assert.equal(rels[0], 'a', 'the source folder itself comes first');
  assert.deepEqual(rels.slice(1).sort(), expected.sort());
  assert.equal(new Set(rels).size, rels.length, 'no duplicates');
  for (const n of ODD_NAMES) assert.ok(rels.includes(`a/${n} dir/${n}`), JSON.stringify(n));
  assert.ok(!rels.some((r) => r.startsWith('a0') || r.startsWith('a b') || r.startsWith('a-') || r === 'a.txt'));
  assert.ok(!rels.some((r) => r.includes('node_modules') || r.includes('.git')), 'filtered folders are not in the index');

  for (const item of items) {
    assert.equal(item.origin, 'index');
    assert.equal(item.source, path.join(root, ...item.rel.split('/')));
  }
  assert.equal(items.find((i) => i.rel === 'a/link')!.kind, 'symlink');
  assert.equal(items.find((i) => i.rel === 'a/sub/deeper/three.txt')!.size, 3);
  const files = items.filter((i) => i.kind === 'file');
  assert.deepEqual(totals, { files: files.length, bytes: files.reduce((s, i) => s + i.size, 0) });
  db.close();
});

test('a location root streams the whole location under its own name; a file source is one item', async () => {
  const db = library();
  const root = fixture();
  const { rows } = indexTree(db, root, defaultRulesSkip);
  const { items } = await collect(new IndexPreparation(db, [root, path.join(root, 'a', 'one.txt')]));
  const base = path.basename(root);
  assert.equal(items.length, 1 + rows.length + 1);
  assert.deepEqual(items[0], { source: root, rel: base, kind: 'dir', size: 0, mtimeMs: 0, origin: 'index' });
  assert.deepEqual(items.slice(1, -1).map((i) => i.rel).sort(), rows.map((r) => `${base}/${r.relativePath ? `${r.relativePath}/` : ''}${r.name}`).sort());
  const last = items[items.length - 1]!;
  assert.deepEqual({ rel: last.rel, kind: last.kind, size: last.size, source: last.source }, { rel: 'one.txt', kind: 'file', size: 1, source: path.join(root, 'a', 'one.txt') });
  db.close();
});

test('an uncovered source streams nothing', async () => {
  const db = library();
  const elsewhere = tree(tempDir(), { 'd/f.txt': 'x' });
  const { items, totals } = await collect(new IndexPreparation(db, [path.join(elsewhere, 'd')]));
  assert.deepEqual(items, []);
  assert.deepEqual(totals, { files: 0, bytes: 0 });
  db.close();
});

/** 2,400 files in 12 folders of 200: several pages, whatever the page size. */
function bigIndex() {
  const db = library();
  const root = tempDir();
  const spec: Record<string, string> = {};
  for (let d = 0; d < 12; d++) for (let f = 0; f < 200; f++) spec[`big/d${d}/f${f}.txt`] = `${d}-${f}`;
  tree(root, spec);
  indexTree(db, root);
  return { db, source: path.join(root, 'big') };
}

test('pages arrive parents first, in batches, and a slow sink (backpressure) still gets everything in order', async () => {
  const { db, source } = bigIndex();
  const fast = await collect(new IndexPreparation(db, [source]));
  assert.equal(fast.items.length, 1 + 12 + 2400);

  let outstanding = 0;
  let maxOutstanding = 0;
  const batches: CopyItem[][] = [];
  const totals = await new IndexPreparation(db, [source]).run(async (batch) => {
    outstanding++;
    maxOutstanding = Math.max(maxOutstanding, outstanding);
    batches.push(batch);
    await new Promise((r) => setTimeout(r, 5));
    outstanding--;
  });
  assert.equal(maxOutstanding, 1, 'run() awaits the sink before producing the next batch');
  assert.ok(batches.length >= 4, `several batches, got ${batches.length}`);
  assert.ok(batches.every((b) => b.length <= 1000));
  const slow = batches.flat();
  assert.deepEqual(slow.map((i) => i.rel), fast.items.map((i) => i.rel));
  assert.equal(totals.files, 2400);

  const seen = new Set<string>();
  for (const item of slow) {
    const parent = item.rel.includes('/') ? item.rel.slice(0, item.rel.lastIndexOf('/')) : null;
    if (parent !== null) assert.ok(seen.has(parent), `${item.rel} came before its folder`);
    seen.add(item.rel);
  }
  db.close();
});

test('abort stops the stream and run() resolves with what was delivered', async () => {
  const { db, source } = bigIndex();
  const controller = new AbortController();
  const delivered: CopyItem[] = [];
  let callsAfterAbort = 0;
  const totals = await new IndexPreparation(db, [source]).run((batch) => {
    if (controller.signal.aborted) callsAfterAbort++;
    delivered.push(...batch);
    if (delivered.length > 600) controller.abort();
  }, controller.signal);
  assert.equal(callsAfterAbort, 0);
  assert.ok(delivered.length < 2413, `stopped early (${delivered.length})`);
  assert.equal(totals.files, delivered.filter((i) => i.kind === 'file').length);
  db.close();
});
