import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DestinationIndex, type DestinationStats } from '../../src/main/engine/copy/destination-index';
import { symlink, tempDir, tree } from '../helpers/tree';
import { reachable, runNodeUnprivileged, unprivilegedSkip } from '../helpers/as-nobody';
import { ODD_DEEP_NAME, ODD_DIR, ODD_DIR_NAME, ODD_FILE, ODD_FILE_NAME, bytePath, oddTree } from '../helpers/odd-names';

const when = new Date('2021-06-01T12:00:00Z');

/** DEST with the folder a SOURCE named `proj` lands in, an unrelated big folder, and a linked folder. */
function destination() {
  const elsewhere = tree(tempDir(), { 'x1.txt': 'not mine', 'x2.txt': 'not mine either' });
  const dest = tree(tempDir(), {
    'proj/readme.md': { content: 'hello', mtime: when },
    'proj/src/main.ts': 'export {}',
    'proj/src/empty': { dir: true },
    'proj/linked': symlink(elsewhere),
    'other/deep/a.txt': 'unrelated',
    'other/deep/b.txt': 'unrelated',
    'top.txt': 'top',
  });
  return dest;
}

test('lookup is unknown before completion, then answers from the map', async () => {
  const dest = destination();
  const index = new DestinationIndex(dest, ['proj', 'new-source']);
  assert.equal(index.lookup('proj/readme.md'), undefined);
  assert.equal(index.complete, false);
  const started = index.start();
  assert.equal(index.lookup('proj/readme.md'), undefined, 'still unknown while walking');
  await started;
  assert.equal(index.complete, true);
  assert.deepEqual(index.lookup('proj/readme.md'), { kind: 'file', size: 5, mtimeMs: when.getTime() });
  assert.equal(index.lookup('proj/src')!.kind, 'dir');
  assert.equal(index.lookup('proj/src/empty')!.kind, 'dir');
  assert.equal(index.lookup('proj/src/absent.ts'), null);
  assert.equal(index.lookup('proj/nodir/deeper/x'), null, 'nothing exists below an absent folder');
  assert.equal(index.lookup('proj/readme.md/x'), null, 'nothing exists below a file');
  assert.equal(index.lookup('new-source'), null);
  assert.equal(index.lookup('new-source/a/b.txt'), null);
  assert.equal(index.lookup('top.txt')!.kind, 'file', 'the top level is listed');
  await index.stop();
});

test('only DEST/<name> subtrees are walked; symlinks are not followed', async () => {
  const dest = destination();
  const index = new DestinationIndex(dest, ['proj']);
  const seen: DestinationStats[] = [];
  index.onProgress((s) => seen.push(s));
  await index.start();
  // Files: proj/readme.md, proj/src/main.ts and top.txt — not other/deep/*, not the link's target.
  assert.deepEqual(index.stats, { filesFound: 3, totalBytes: 5 + 'export {}'.length + 3, complete: true });
  assert.deepEqual(seen[seen.length - 1], index.stats);
  assert.equal(index.lookup('other')!.kind, 'dir');
  assert.equal(index.lookup('other/deep/a.txt'), undefined, 'outside the walked subtrees: unknown');
  assert.equal(index.lookup('proj/linked')!.kind, 'symlink');
  assert.equal(index.lookup('proj/linked/x1.txt'), undefined, 'below a symlink: unknown');
});

test('a missing DEST is complete and empty', async () => {
  const dest = path.join(tempDir(), 'does-not-exist');
  const index = new DestinationIndex(dest, ['a']);
  await index.start();
  assert.equal(index.complete, true);
  assert.deepEqual(index.stats, { filesFound: 0, totalBytes: 0, complete: true });
  assert.equal(index.lookup('a'), null);
  assert.equal(index.lookup('a/b/c'), null);
});

test('a large destination arrives in batches and every entry is found', async () => {
  const spec: Record<string, string> = {};
  for (let d = 0; d < 10; d++) for (let f = 0; f < 300; f++) spec[`big/d${d}/f${f}.txt`] = String(f);
  const dest = tree(tempDir(), spec);
  const index = new DestinationIndex(dest, ['big']);
  let updates = 0;
  index.onProgress(() => updates++);
  await index.start();
  assert.equal(index.stats.filesFound, 3000);
  assert.ok(updates >= 3, `progress in batches (${updates})`);
  for (let d = 0; d < 10; d++) {
    assert.equal(index.lookup(`big/d${d}/f299.txt`)!.size, 3);
    assert.equal(index.lookup(`big/d${d}/f300.txt`), null);
  }
});

test('stop before completion leaves the map incomplete (lookups stay unknown)', async () => {
  const spec: Record<string, string> = {};
  for (let f = 0; f < 2000; f++) spec[`s/f${f}`] = 'x';
  const dest = tree(tempDir(), spec);
  const index = new DestinationIndex(dest, ['s']);
  const started = index.start();
  await index.stop();
  await started;
  assert.equal(index.complete, false);
  assert.equal(index.lookup('s/f1'), undefined);
});

test('an entry below DEST that cannot be listed stays unknown (as an unprivileged user)', { skip: process.getuid?.() !== 0 ? 'runs as root only' : unprivilegedSkip() }, () => {
  const dir = tempDir();
  fs.chmodSync(dir, 0o755);
  tree(dir, { 'dest/a/open/f.txt': 'f', 'dest/a/locked/g.txt': 'g' });
  fs.chmodSync(path.join(dir, 'dest', 'a', 'locked'), 0o000);
  const script = `
    const { DestinationIndex } = require(${JSON.stringify(reachable(require.resolve('../../src/main/engine/copy/destination-index')))});
    const index = new DestinationIndex(${JSON.stringify(path.join(dir, 'dest'))}, ['a']);
    index.start().then(() => {
      const show = (r) => { const e = index.lookup(r); return e === undefined ? 'unknown' : e === null ? 'absent' : e.kind; };
      process.stdout.write(JSON.stringify(['a/open/f.txt', 'a/open/x', 'a/locked', 'a/locked/g.txt'].map(show)));
      return index.stop();
    });`;
  const r = runNodeUnprivileged(['-e', script]);
  fs.chmodSync(path.join(dir, 'dest', 'a', 'locked'), 0o755);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), ['file', 'absent', 'dir', 'unknown']);
});

test('a kinds-only map (sizes: false) knows what is where, not how big', async () => {
  const dest = destination();
  const index = new DestinationIndex(dest, ['proj'], { sizes: false });
  await index.start();
  assert.deepEqual(index.stats, { filesFound: 3, complete: true }, 'files counted, bytes not measured');
  const readme = index.lookup('proj/readme.md')!;
  assert.equal(readme.kind, 'file');
  assert.ok(Number.isNaN(readme.size) && Number.isNaN(readme.mtimeMs));
  assert.equal(index.lookup('proj/src/empty')!.kind, 'dir');
  assert.equal(index.lookup('proj/linked')!.kind, 'symlink');
  assert.equal(index.lookup('proj/linked/x1.txt'), undefined, 'below a symlink: unknown');
  assert.equal(index.lookup('proj/src/absent.ts'), null);
  assert.equal(index.lookup('other/deep/a.txt'), undefined, 'outside the walked subtrees: unknown');
});

test('a first copy (no source name at DEST yet): the top level is the whole map, with sizes or kinds only', async () => {
  const dest = tree(tempDir(), { 'a.txt': 'four', 'b.txt': 'sixsix', 'sub/deep.txt': 'x', 'link': symlink('/nowhere') });
  for (const sizes of [true, false]) {
    const index = new DestinationIndex(dest, ['new-source'], { sizes });
    await index.start();
    assert.equal(index.complete, true);
    assert.equal((index as unknown as { worker: unknown }).worker, null, 'no worker thread booted');
    assert.deepEqual(index.stats, { filesFound: 2, ...(sizes ? { totalBytes: 10 } : {}), complete: true });
    assert.equal(index.lookup('new-source'), null);
    assert.equal(index.lookup('new-source/x/y.txt'), null);
    assert.equal(index.lookup('a.txt')!.kind, 'file');
    assert.equal(index.lookup('a.txt')!.size, sizes ? 4 : NaN);
    assert.equal(index.lookup('link')!.kind, 'symlink');
    assert.equal(index.lookup('sub')!.kind, 'dir');
    assert.equal(index.lookup('sub/deep.txt'), undefined, 'not below the walked names: unknown');
  }
});

test('names that are not UTF-8 are in the map exactly, at the top level and below, with sizes or kinds only', async () => {
  for (const sizes of [true, false]) {
    const dest = tempDir();
    fs.mkdirSync(path.join(dest, 'n'));
    oddTree(path.join(dest, 'n'));
    fs.writeFileSync(bytePath(dest, ODD_FILE), 'odd at the top of DEST');
    // 'n' is a source's name: its subtree is walked (the worker); 'fresh' is not at DEST (top level only).
    for (const names of [['n'], ['fresh']]) {
      const index = new DestinationIndex(dest, names, { sizes });
      await index.start();
      assert.equal(index.complete, true);
      const top = index.lookup(ODD_FILE_NAME);
      assert.equal(top?.kind, 'file', `${names}: the odd name at the top level (sizes ${sizes})`);
      if (sizes) assert.equal(top!.size, Buffer.byteLength('odd at the top of DEST'));
      // What Node's own decoding makes of the name is another name, and nothing is there.
      assert.equal(index.lookup('\ufffd\ufffd.txt'), null);
      if (names[0] === 'n') {
        assert.equal(index.lookup(`n/${ODD_DIR_NAME}`)?.kind, 'dir');
        const deep = index.lookup(`n/${ODD_DIR_NAME}/${ODD_DEEP_NAME}`);
        assert.equal(deep?.kind, 'file', `the odd name in the odd folder (sizes ${sizes})`);
        if (sizes) assert.equal(deep!.size, Buffer.byteLength('odd in an odd folder'));
        assert.equal(index.lookup(`n/${ODD_FILE_NAME}`)?.kind, 'file');
        assert.equal(index.lookup(`n/${ODD_DIR_NAME}/x.txt`), null);
        assert.equal(index.stats.filesFound, 7);
      }
      await index.stop();
    }
  }
});

test('a DEST whose own name is not UTF-8 is mapped, not taken for a missing one', async () => {
  for (const sizes of [true, false]) {
    const parent = tempDir();
    fs.mkdirSync(bytePath(parent, ODD_DIR));
    fs.writeFileSync(bytePath(parent, ODD_DIR, 'there.txt'), 'there');
    const index = new DestinationIndex(path.join(parent, ODD_DIR_NAME), ['fresh'], { sizes });
    await index.start();
    assert.equal(index.complete, true);
    assert.equal(index.lookup('there.txt')?.kind, 'file', `sizes ${sizes}`);
    await index.stop();
  }
});
