import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir, tree } from '../../helpers/tree';
import { storeOverEngine } from './store-over-engine';

const names = (paths: readonly string[]) => paths.map((p) => path.basename(p));

test('navigating lists a folder, clears the selection in a new folder, and Back returns', async () => {
  const { engine, store, actions } = storeOverEngine();
  try {
    const root = tree(tempDir(), { 'docs/b.txt': 'b', 'docs/a10.txt': 'a', 'docs/a2.txt': 'a', 'pics/p.png': 'p' });
    await actions.navigate(path.join(root, 'docs'));
    assert.deepEqual(names(store.getState().visiblePaths), ['a2.txt', 'a10.txt', 'b.txt']);
    store.getState().click(store.getState().visiblePaths, 1, 'replace');

    await actions.navigate(path.join(root, 'pics'));
    assert.deepEqual(names(store.getState().visiblePaths), ['p.png']);
    assert.equal(store.getState().selected.size, 0, 'a new folder starts unselected');
    assert.deepEqual(store.getState().history, [path.join(root, 'docs')]);

    actions.back();
    await new Promise<void>((resolve) => { const off = store.subscribe((s) => { if (!s.loading) { off(); resolve(); } }); });
    assert.equal(store.getState().path, path.join(root, 'docs'));
    assert.deepEqual(store.getState().history, []);

    await actions.navigate(path.join(root, 'gone'));
    assert.match(store.getState().navError ?? '', /^No such file or directory: /);
    assert.equal(store.getState().path, path.join(root, 'docs'), 'the folder shown stays');
  } finally {
    await engine.shutdown();
  }
});

test('a refresh keeps the selection of what is still there', async () => {
  const { engine, store, actions } = storeOverEngine();
  try {
    const dir = tree(tempDir(), { 'a.txt': 'a', 'b.txt': 'b', 'c.txt': 'c' });
    await actions.navigate(dir);
    store.getState().selectAll(store.getState().visiblePaths);
    fs.rmSync(path.join(dir, 'b.txt'));
    await actions.refresh();
    assert.deepEqual(names([...store.getState().selected].sort()), ['a.txt', 'c.txt']);
  } finally {
    await engine.shutdown();
  }
});

test('a folder bigger than the first page arrives whole, and the focused row follows its rows', async () => {
  const { engine, store, actions, until } = storeOverEngine();
  try {
    const spec: Record<string, string> = {};
    for (let i = 0; i < 700; i++) spec[`f${String(i).padStart(3, '0')}.txt`] = 'x'.repeat(i);
    const dir = tree(tempDir(), spec);
    store.getState().sortBy('size');
    store.getState().sortBy('size'); // largest first: the later pages (larger files) merge in above the first rows
    const listed = actions.navigate(dir);
    const first = await until((s) => s.path === dir);
    assert.ok(first.visible.length < 700, 'the first rows are shown before the rest is read');
    const focused = first.visiblePaths[first.visiblePaths.length - 1]!;
    store.getState().click(first.visiblePaths, first.visiblePaths.length - 1, 'replace');
    await listed;
    const s = store.getState();
    assert.equal(s.visible.length, 700);
    assert.ok(s.listing?.complete);
    assert.equal(s.visiblePaths[s.focus!], focused, 'focus moved with its row');
    assert.ok(s.focus! > first.visiblePaths.length - 1, 'rows arrived above it');
  } finally {
    await engine.shutdown();
  }
});

test('copy and paste: refusals are said, and a paste elsewhere starts a copy of the selection in list order', async () => {
  const { engine, store, actions, connect, until } = storeOverEngine();
  try {
    connect();
    const root = tree(tempDir(), { 'src/b.txt': 'b', 'src/a.txt': 'a', 'src/sub/x.txt': 'x', 'dest/keep.txt': 'k' });
    const src = path.join(root, 'src');
    await actions.navigate(src);
    actions.copySelection();
    assert.deepEqual(store.getState().clipboard, [], 'nothing selected: nothing copied');

    store.getState().selectAll(store.getState().visiblePaths);
    actions.copySelection();
    assert.deepEqual(names(store.getState().clipboard), ['sub', 'a.txt', 'b.txt']);
    assert.equal(store.getState().notices.at(-1)?.text, '3 items ready to paste');

    actions.pasteInto();
    assert.equal(store.getState().notices.at(-1)?.text, 'Those items are already in this folder');
    actions.pasteInto(path.join(src, 'sub'));
    assert.deepEqual(store.getState().notices.at(-1), { id: 3, text: 'Cannot copy “sub” into itself', tone: 'error' });
    assert.deepEqual(store.getState().dialogs, [], 'no copy started');

    actions.pasteInto(path.join(root, 'dest'));
    await until((s) => s.dialogs.length === 1 && !s.dialogs[0]!.startsWith('pending-'));
    const jobId = store.getState().dialogs[0]!;
    await until((s) => s.byId[jobId]?.phase === 'finished');
    assert.deepEqual(fs.readdirSync(path.join(root, 'dest')).sort(), ['a.txt', 'b.txt', 'keep.txt', 'sub']);
  } finally {
    await engine.shutdown();
  }
});

test('a copy into the folder on screen shows its files when it ends', async () => {
  const { engine, actions, connect, until } = storeOverEngine();
  try {
    connect();
    const src = tree(tempDir(), { 'new.txt': 'n' });
    const dest = tree(tempDir(), { 'old.txt': 'o' });
    await actions.navigate(dest);
    actions.copyInto([path.join(src, 'new.txt')], dest);
    const shown = await until((s) => s.visiblePaths.length === 2);
    assert.deepEqual(names(shown.visiblePaths), ['new.txt', 'old.txt']);
  } finally {
    await engine.shutdown();
  }
});
