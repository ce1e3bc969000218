import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cameFrom } from '../../../src/renderer/lib/navigation';
import { closesByItself } from '../../../src/renderer/stores/landing';
import { emptyDir, symlink, tempDir, tree } from '../../helpers/tree';
import { storeOverEngine } from './store-over-engine';

const names = (paths: Iterable<string>) => [...paths].map((p) => path.basename(p));
const isRoot = process.getuid?.() === 0;

test('Up selects the folder you came from; Back and Forward walk the history, a new folder clears Forward', async () => {
  const { engine, store, actions, until } = storeOverEngine();
  try {
    const root = tree(tempDir(), { 'a/b/c/file.txt': 'x', 'a/other/o.txt': 'o', 'a/z.txt': 'z' });
    const [a, b, c] = [path.join(root, 'a'), path.join(root, 'a', 'b'), path.join(root, 'a', 'b', 'c')];
    await actions.navigate(c);
    actions.up();
    let s = await until((st) => st.path === b && st.selected.has(c));
    assert.deepEqual(names(s.selected), ['c'], 'Up selects the folder it came from');
    assert.equal(s.visiblePaths[s.focus!], c);
    actions.up();
    s = await until((st) => st.path === a && st.selected.has(b));
    assert.deepEqual(names(s.selected), ['b']);
    assert.deepEqual(s.history, [c, b]);

    actions.back();
    s = await until((st) => st.path === b && !st.loading);
    assert.deepEqual(s.forward, [a]);
    actions.back();
    s = await until((st) => st.path === c && !st.loading);
    assert.deepEqual(s.forward, [a, b]);
    assert.deepEqual(s.history, []);

    actions.forward();
    s = await until((st) => st.path === b && !st.loading);
    assert.deepEqual(s.forward, [a]);
    assert.deepEqual(s.history, [c]);

    await actions.navigate(path.join(a, 'other'));
    assert.deepEqual(store.getState().forward, [], 'a new way forward drops the old one');
    assert.deepEqual(store.getState().history, [c, b]);
  } finally {
    await engine.shutdown();
  }
});

test('a folder that cannot be shown is said by the path bar, and the listing on screen stays', async () => {
  const { engine, store, actions } = storeOverEngine();
  try {
    const dir = tree(tempDir(), { 'keep.txt': 'k' });
    await actions.navigate(dir);
    assert.equal(await actions.navigate(path.join(dir, 'missing')), false);
    const s = store.getState();
    assert.match(s.navError ?? '', /^No such file or directory: .*missing$/);
    assert.equal(s.listError, null, 'no message over the rows');
    assert.equal(s.path, dir);
    assert.deepEqual(names(s.visiblePaths), ['keep.txt']);
    assert.equal(s.loading, false);
    assert.equal(await actions.navigate(dir + '/'), true);
    assert.equal(store.getState().navError, null, 'the next folder shown clears it');
  } finally {
    await engine.shutdown();
  }
});

test('an unreadable folder shows empty, saying so (not the previous rows); its row carries "no access"', { skip: isRoot && 'root reads every folder: the e2e test runs this as nobody' }, async () => {
  const { engine, store, actions } = storeOverEngine();
  try {
    const root = tree(tempDir(), { 'open/a.txt': 'a', 'locked/secret.txt': 's' });
    fs.chmodSync(path.join(root, 'locked'), 0o000);
    await actions.navigate(root);
    assert.equal(store.getState().visible.find((e) => e.name === 'locked')?.noAccess, true);
    assert.equal(store.getState().visible.find((e) => e.name === 'open')?.noAccess, undefined);
    await actions.navigate(path.join(root, 'locked'));
    const s = store.getState();
    assert.equal(s.path, path.join(root, 'locked'));
    assert.equal(s.listing?.denied, true);
    assert.deepEqual(s.visible, []);
    fs.chmodSync(path.join(root, 'locked'), 0o755);
  } finally {
    await engine.shutdown();
  }
});

test('a link to a folder opens the folder; a link to a file shows the file selected in its folder', async () => {
  const { engine, store, actions, until } = storeOverEngine();
  try {
    const root = tree(tempDir(), {
      'real/inside.txt': 'i', 'docs/report.pdf': 'r', 'links/to-real': symlink('../real'),
      'links/to-report': symlink('../docs/report.pdf'), 'links/dangling': symlink('nowhere'), 'links/empty': emptyDir(),
    });
    await actions.navigate(path.join(root, 'links'));
    const byName = (n: string) => store.getState().visible.find((e) => e.name === n)!;
    assert.equal(byName('to-real').linkKind, 'dir');
    assert.equal(byName('to-report').linkTarget, path.join(root, 'docs', 'report.pdf'));

    actions.openEntry(byName('to-report'));
    let s = await until((st) => st.path === path.join(root, 'docs') && st.selected.has(path.join(root, 'docs', 'report.pdf')));
    assert.deepEqual(names(s.selected), ['report.pdf']);

    await actions.navigate(path.join(root, 'links'));
    actions.openEntry(byName('to-real'));
    s = await until((st) => st.path === path.join(root, 'links', 'to-real') && !st.loading);
    assert.deepEqual(names(s.visiblePaths), ['inside.txt']);

    await actions.navigate(path.join(root, 'links'));
    actions.openEntry(byName('dangling'));
    assert.match(store.getState().notices.at(-1)?.text ?? '', /points to “.*nowhere”, which is not there/);
  } finally {
    await engine.shutdown();
  }
});

test('pasted items are selected once they land, and a clean copy\'s dialog closes by itself', async () => {
  const { engine, actions, connect, until } = storeOverEngine();
  try {
    connect();
    const src = tree(tempDir(), { 'one.txt': '1', 'two/t.txt': '2' });
    const dest = tree(tempDir(), { 'aaa.txt': 'a', 'zzz.txt': 'z' });
    await actions.navigate(dest);
    actions.copyInto([path.join(src, 'one.txt'), path.join(src, 'two')], dest);
    const landed = await until((s) => s.selected.size === 2);
    assert.deepEqual(names(landed.selected).sort(), ['one.txt', 'two']);
    assert.equal(landed.visiblePaths[landed.focus!], path.join(dest, 'two'), 'the first pasted row (in list order) is in focus, so scrolled to');
    assert.equal(landed.dialogs.length, 1);
    await until((s) => s.dialogs.length === 0);
  } finally {
    await engine.shutdown();
  }
});

test('which finishes close by themselves, and which row leads back to where you were', () => {
  const done = { type: 'completed', jobId: 'j', t: 1, status: 'done', copiedFiles: 1, copiedBytes: 1, skippedFiles: 0,
    failedFiles: 0, discoveredFiles: 0, indexedFiles: 0, durationMs: 1 } as const;
  assert.equal(closesByItself(done), true);
  assert.equal(closesByItself({ ...done, skippedFiles: 3 }), true, 'skips the user chose are not failures');
  assert.equal(closesByItself({ ...done, failedFiles: 1 }), false);
  assert.equal(closesByItself({ ...done, status: 'cancelled' }), false);
  assert.equal(closesByItself({ ...done, status: 'interrupted' }), false);
  assert.equal(closesByItself({ ...done, message: 'No space left on the destination device' }), false);

  assert.deepEqual(cameFrom('/a/b/c', '/a'), ['/a/b']);
  assert.deepEqual(cameFrom('/a/b', '/a'), ['/a/b']);
  assert.deepEqual(cameFrom('/a/b', '/'), ['/a']);
  assert.equal(cameFrom('/a', '/a/b'), undefined);
  assert.equal(cameFrom('/x', '/a'), undefined);
  assert.equal(cameFrom(null, '/a'), undefined);
  assert.equal(cameFrom('/a', '/a'), undefined);
});
