import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { openLibrary } from '../../src/main/engine/db/library';
import { DeltaDiscovery } from '../../src/main/engine/copy/delta-discovery';
import type { CopyItem, StaleItem } from '../../src/main/engine/copy/types';
import { defaultRulesSkip, indexTree } from '../helpers/index-rows';
import { symlink, tempDir, tree } from '../helpers/tree';
import { reachable, runNodeUnprivileged, unprivilegedSkip } from '../helpers/as-nobody';
import { ODD_DEEP_NAME, ODD_DIR_NAME, ODD_FILE, ODD_FILE_NAME, oddTree } from '../helpers/odd-names';
import { fsPath } from '../../src/main/engine/fs/byte-names';

interface Found { items: CopyItem[]; stale: StaleItem[]; errors: { path: string; code: string }[]; totals: { totalDiscovered: number; discoveryBytes: number } }

async function discover(options: ConstructorParameters<typeof DeltaDiscovery>[0]): Promise<Found> {
  const found: Omit<Found, 'totals'> = { items: [], stale: [], errors: [] };
  const d = new DeltaDiscovery(options);
  const totals = await d.start({
    onItems: (b) => found.items.push(...b),
    onStale: (b) => found.stale.push(...b),
    onError: (e) => found.errors.push({ path: e.path, code: e.code }),
  });
  return { ...found, totals };
}

const rels = (items: CopyItem[]) => items.map((i) => i.rel).sort();
const past = new Date('2020-01-01T00:00:00Z');

/** A project indexed with the default rules, then changed on disk. */
function changedProject() {
  const root = tempDir();
  tree(root, {
    'src/fresh.txt': { content: 'same', mtime: past },
    'src/grown.txt': { content: 'small', mtime: past },
    'src/touched.txt': { content: 'touch', mtime: past },
    'src/deleted.txt': 'gone soon',
    'src/lib/deep.txt': { content: 'deep', mtime: past },
    'node_modules/pkg/index.js': 'module.exports = 1',
    '.git/HEAD': 'ref: refs/heads/main',
    '.env': 'SECRET=1',
    'link-to-src': symlink('src'),
  });
  const dbFile = path.join(tempDir(), 'library.db');
  const db = openLibrary(dbFile);
  indexTree(db, root, defaultRulesSkip);
  db.close();
  // Changes after indexing.
  fs.writeFileSync(path.join(root, 'src/grown.txt'), 'small, and then some');
  fs.utimesSync(path.join(root, 'src/grown.txt'), past, past);
  fs.utimesSync(path.join(root, 'src/touched.txt'), new Date(), new Date());
  fs.rmSync(path.join(root, 'src/deleted.txt'));
  tree(root, { 'src/new.txt': 'new', 'src/newdir/inner.txt': 'inner', 'src/lib/added.txt': 'added' });
  return { root, dbFile };
}

test('reports exactly what the index lacks (new and filtered) and what it has stale, nothing fresh', async () => {
  const { root, dbFile } = changedProject();
  const base = path.basename(root);
  const found = await discover({ dbFile, sources: [root] });
  assert.deepEqual(rels(found.items), [
    `${base}/.env`, `${base}/.git`, `${base}/.git/HEAD`,
    `${base}/node_modules`, `${base}/node_modules/pkg`, `${base}/node_modules/pkg/index.js`,
    `${base}/src/lib/added.txt`, `${base}/src/new.txt`, `${base}/src/newdir`, `${base}/src/newdir/inner.txt`,
  ].sort());
  assert.deepEqual(found.stale.sort((a, b) => a.rel.localeCompare(b.rel)), [
    { rel: `${base}/src/grown.txt`, indexedSize: 5, diskSize: 20 },
    { rel: `${base}/src/touched.txt`, indexedSize: 5, diskSize: 5 },
  ]);
  assert.deepEqual(found.errors, []);
  for (const item of found.items) {
    assert.equal(item.origin, 'discovery');
    assert.equal(item.source, path.join(root, ...item.rel.split('/').slice(1)));
  }
  const inner = found.items.find((i) => i.rel.endsWith('newdir/inner.txt'))!;
  assert.deepEqual([inner.kind, inner.size], ['file', 5]);
  assert.equal(found.items.find((i) => i.rel.endsWith('/newdir'))!.kind, 'dir');
  const files = found.items.filter((i) => i.kind === 'file');
  assert.deepEqual(found.totals, { totalDiscovered: files.length, discoveryBytes: files.reduce((s, i) => s + i.size, 0) });
});

test('a folder source inside a location is compared below that folder only', async () => {
  const { root, dbFile } = changedProject();
  const found = await discover({ dbFile, sources: [path.join(root, 'src', 'lib'), path.join(root, 'src', 'new.txt'), path.join(root, 'src', 'fresh.txt')] });
  assert.deepEqual(rels(found.items), ['lib/added.txt', 'new.txt']);
  assert.deepEqual(found.stale, []);
});

test('a source outside every location, and useIndex false, report everything; symlinks are not followed', async () => {
  const { root, dbFile } = changedProject();
  const outside = tree(tempDir(), { 'docs/a.txt': 'a', 'docs/sub/b.txt': 'bb', 'docs/empty/.keep': '', 'docs/ln': symlink('/etc') });
  const docs = path.join(outside, 'docs');
  const uncovered = await discover({ dbFile, sources: [docs] });
  const all = ['docs', 'docs/a.txt', 'docs/empty', 'docs/empty/.keep', 'docs/ln', 'docs/sub', 'docs/sub/b.txt'];
  assert.deepEqual(rels(uncovered.items), all);
  assert.equal(uncovered.items.find((i) => i.rel === 'docs/ln')!.kind, 'symlink');
  assert.deepEqual(uncovered.totals, { totalDiscovered: 3, discoveryBytes: 3 });

  const noIndex = await discover({ dbFile, sources: [path.join(root, 'src')], useIndex: false });
  assert.deepEqual(rels(noIndex.items), ['src', 'src/fresh.txt', 'src/grown.txt', 'src/lib', 'src/lib/added.txt', 'src/lib/deep.txt',
    'src/new.txt', 'src/newdir', 'src/newdir/inner.txt', 'src/touched.txt']);
  assert.deepEqual(noIndex.stale, []);
  const nullDb = await discover({ dbFile: null, sources: [docs] });
  assert.deepEqual(rels(nullDb.items), all);
});

test('FIFOs are reported as other entries (the consumer skips them as special)', async () => {
  const dir = tree(tempDir(), { 'd/file.txt': 'x' });
  execFileSync('mkfifo', [path.join(dir, 'd', 'pipe')]);
  const found = await discover({ dbFile: null, sources: [path.join(dir, 'd')] });
  assert.equal(found.items.find((i) => i.rel === 'd/pipe')!.kind, 'other');
});

test('a missing source is an error value, and the other sources are still walked', async () => {
  const dir = tree(tempDir(), { 'ok/f.txt': 'x' });
  const found = await discover({ dbFile: null, sources: [path.join(dir, 'missing'), path.join(dir, 'ok')] });
  assert.deepEqual(found.errors, [{ path: path.join(dir, 'missing'), code: 'ENOENT' }]);
  assert.deepEqual(rels(found.items), ['ok', 'ok/f.txt']);
});

test('batches are bounded by batchSize', async () => {
  const spec: Record<string, string> = {};
  for (let i = 0; i < 300; i++) spec[`many/f${i}`] = 'x';
  const dir = tree(tempDir(), spec);
  const sizes: number[] = [];
  await new DeltaDiscovery({ dbFile: null, sources: [path.join(dir, 'many')], batchSize: 64 }).start({
    onItems: (b) => sizes.push(b.length), onStale: () => {}, onError: () => {},
  });
  assert.equal(sizes.reduce((a, b) => a + b, 0), 301);
  assert.ok(sizes.every((n) => n <= 64) && sizes.length >= 5, JSON.stringify(sizes));
});

test('pause holds the walk until resume; stop ends it and start() resolves', async () => {
  const spec: Record<string, string> = {};
  for (let d = 0; d < 20; d++) for (let f = 0; f < 20; f++) spec[`t/d${d}/f${f}`] = 'x';
  const dir = tree(tempDir(), spec);
  const d = new DeltaDiscovery({ dbFile: null, sources: [path.join(dir, 't')] });
  let count = 0;
  d.pause(); // before start: the worker blocks before its first directory
  const done = d.start({ onItems: (b) => { count += b.length; }, onStale: () => {}, onError: () => {} });
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(count, 0, 'nothing is walked while paused');
  d.resume();
  const totals = await done;
  assert.equal(count, 1 + 20 + 400);
  assert.equal(totals.totalDiscovered, 400);

  const stopped = new DeltaDiscovery({ dbFile: null, sources: [path.join(dir, 't')] });
  stopped.pause();
  const running = stopped.start({ onItems: () => { throw new Error('no items after stop'); }, onStale: () => {}, onError: () => {} });
  await stopped.stop();
  assert.deepEqual(await running, { totalDiscovered: 0, discoveryBytes: 0 });
});

test('a handler that throws rejects start() with a typed error instead of crashing the host', async () => {
  const dir = tree(tempDir(), { 'x/f': '1' });
  await assert.rejects(
    new DeltaDiscovery({ dbFile: null, sources: [path.join(dir, 'x')] }).start({
      onItems: () => { throw new Error('boom'); }, onStale: () => {}, onError: () => {},
    }),
    (err: Error & { code?: string }) => err.name === 'FerryError' && err.code === 'INTERNAL' && /boom/.test(err.message),
  );
});

/**
 * chmod 000 does not stop root. As root, this test runs the discovery in a child process as the
 * unprivileged user `nobody` (uid 65534), for whom the folder really is unreadable.
 */
test('an unreadable folder is an error value and the walk goes on', { skip: unprivilegedSkip() }, async () => {
  const dir = tempDir();
  tree(dir, { 'p/before/a.txt': 'a', 'p/locked/secret.txt': 's', 'p/after/b.txt': 'b' });
  fs.chmodSync(path.join(dir, 'p', 'locked'), 0o000);
  const source = path.join(dir, 'p');
  let found: Found;
  if (process.getuid?.() === 0) {
    fs.chmodSync(dir, 0o755);
    const script = `
      const { DeltaDiscovery } = require(${JSON.stringify(reachable(require.resolve('../../src/main/engine/copy/delta-discovery')))});
      const found = { items: [], stale: [], errors: [] };
      new DeltaDiscovery({ dbFile: null, sources: [${JSON.stringify(source)}] }).start({
        onItems: (b) => found.items.push(...b), onStale: (b) => found.stale.push(...b),
        onError: (e) => found.errors.push({ path: e.path, code: e.code }),
      }).then((totals) => { process.stdout.write(JSON.stringify({ ...found, totals })); });`;
    const r = runNodeUnprivileged(['-e', script]);
    assert.equal(r.status, 0, r.stderr);
    found = JSON.parse(r.stdout) as Found;
  } else {
    found = await discover({ dbFile: null, sources: [source] });
  }
  fs.chmodSync(path.join(dir, 'p', 'locked'), 0o755);
  assert.deepEqual(found.errors, [{ path: path.join(source, 'locked'), code: 'EACCES' }]);
  assert.deepEqual(rels(found.items), ['p', 'p/after', 'p/after/b.txt', 'p/before', 'p/before/a.txt', 'p/locked']);
});

test('names that are not UTF-8 are discovered exactly (sources too), and each item reaches its own file', async () => {
  const dir = tempDir();
  const root = path.join(dir, 'n');
  fs.mkdirSync(root);
  const files = oddTree(root);
  // A name that really holds U+FFFD: what Node's own decoding would make of b'\xff\xfe.txt' is another file.
  fs.writeFileSync(path.join(root, '\ufffd\ufffd.txt'), 'a real replacement character');
  const found = await discover({ dbFile: null, sources: [root, path.join(dir, 'n', ODD_DIR_NAME)] });
  assert.deepEqual(found.errors, []);
  const fileItems = found.items.filter((i) => i.kind === 'file');
  assert.deepEqual(fileItems.map((i) => i.rel).sort(), [
    'n/a.txt', 'n/c.txt', `n/${ODD_DIR_NAME}/${ODD_DEEP_NAME}`, 'n/sub/b.txt', 'n/sub/e.txt', `n/${ODD_FILE_NAME}`, 'n/\ufffd\ufffd.txt',
    `${ODD_DIR_NAME}/${ODD_DEEP_NAME}`,
  ].sort());
  assert.equal(found.totals.totalDiscovered, 8);
  // Each item's source is the exact path of its file on disk: its bytes read back its own contents.
  const contents = Object.fromEntries(fileItems.map((i) => [i.rel, fs.readFileSync(fsPath(i.source), 'utf8')]));
  assert.equal(contents[`n/${ODD_FILE_NAME}`], files[ODD_FILE.toString('latin1')]);
  assert.equal(contents[`${ODD_DIR_NAME}/${ODD_DEEP_NAME}`], 'odd in an odd folder');
  assert.equal(contents['n/\ufffd\ufffd.txt'], 'a real replacement character');
  assert.equal(fileItems.find((i) => i.rel === `n/${ODD_FILE_NAME}`)!.size, Buffer.byteLength('odd at the top'));
});
