import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir, tree } from '../../helpers/tree';
import { storeOverEngine } from './store-over-engine';
import { createFileOpActions } from '../../../src/renderer/stores/file-op-actions';

const names = (paths: readonly string[]) => paths.map((p) => path.basename(p));

test('a file written outside Ferry appears in the folder on screen, the selection and focus kept on their rows', async () => {
  const { engine, store, actions, connect, until } = storeOverEngine();
  try {
    connect();
    const dir = tree(tempDir(), { 'b.txt': 'b', 'd.txt': 'd' });
    await actions.navigate(dir);
    store.getState().click(store.getState().visiblePaths, 1, 'replace'); // d.txt
    await until((s) => s.watching === dir);
    fs.writeFileSync(path.join(dir, 'a.txt'), 'new');
    await until((s) => s.visiblePaths.length === 3);
    const shown = store.getState();
    assert.deepEqual(names(shown.visiblePaths), ['a.txt', 'b.txt', 'd.txt']);
    assert.deepEqual(names([...shown.selected]), ['d.txt']);
    assert.equal(shown.focus, 2, 'the focused row followed d.txt down one place');
    assert.equal(shown.listing?.entries.find((e) => e.name === 'a.txt')?.size, 3);

    fs.rmSync(path.join(dir, 'd.txt'));
    await until((s) => s.visiblePaths.length === 2);
    const after = store.getState();
    assert.deepEqual(names(after.visiblePaths), ['a.txt', 'b.txt']);
    assert.equal(after.selected.size, 0, 'a deleted row is no longer selected');
  } finally {
    await engine.shutdown();
  }
});

test('many files at once are read again as a whole, and the folder left behind no longer changes the rows', async () => {
  const { engine, store, actions, connect, until } = storeOverEngine();
  try {
    connect();
    const dir = tempDir();
    const other = tree(tempDir(), { 'here.txt': 'h' });
    await actions.navigate(dir);
    await until((s) => s.watching === dir);
    for (let i = 0; i < 500; i++) fs.writeFileSync(path.join(dir, `f${i}.txt`), 'x');
    await until((s) => s.visiblePaths.length === 500);

    await actions.navigate(other);
    await until((s) => s.watching === other);
    fs.writeFileSync(path.join(dir, 'late.txt'), 'x');
    fs.writeFileSync(path.join(other, 'there.txt'), 'x');
    const shown = await until((s) => s.visiblePaths.length === 2);
    assert.deepEqual(names(shown.visiblePaths), ['here.txt', 'there.txt']);
    assert.equal(store.getState().path, other);
  } finally {
    await engine.shutdown();
  }
});

test('a changed row moves to its place in the order shown; a new hidden file stays hidden', async () => {
  const { engine, store, actions, connect, until } = storeOverEngine();
  try {
    connect();
    const dir = tree(tempDir(), { 'a.txt': '1', 'b.txt': '22', 'c.txt': '333' });
    store.getState().sortBy('size');
    store.getState().sortBy('size'); // largest first
    await actions.navigate(dir);
    await until((s) => s.watching === dir);
    assert.deepEqual(names(store.getState().visiblePaths), ['c.txt', 'b.txt', 'a.txt']);
    fs.writeFileSync(path.join(dir, '.hidden'), 'h');
    fs.writeFileSync(path.join(dir, 'a.txt'), 'now the largest');
    await until((s) => s.visible[0]?.name === 'a.txt' && s.listing!.entries.some((e) => e.name === '.hidden'));
    assert.deepEqual(names(store.getState().visiblePaths), ['a.txt', 'c.txt', 'b.txt']);
    assert.equal(store.getState().listing!.entries.length, 4);
  } finally {
    await engine.shutdown();
  }
});

// A guard, not a measure: without the rename followed, `until` would wait for ever.
const UNLESS_STUCK = { timeout: 20_000 };

test('a file renamed outside Ferry stays selected and focused under its new name; one moved away leaves the selection', UNLESS_STUCK, async () => {
  const { engine, store, actions, connect, until } = storeOverEngine();
  try {
    connect();
    const dir = tree(tempDir(), { 'a.txt': 'a', 'b.txt': 'b', 'd.txt': 'd', 'm.txt': 'm' });
    const away = tempDir();
    await actions.navigate(dir);
    await until((s) => s.watching === dir);
    const order = store.getState().visiblePaths;
    store.getState().click(order, 1, 'replace'); // b.txt
    store.getState().click(order, 3, 'toggle'); // m.txt, and the focus
    store.getState().click(order, 2, 'toggle'); // d.txt, the focus now
    store.getState().openQuickLook({ paths: [path.join(dir, 'b.txt'), path.join(dir, 'd.txt')], index: 1, followsFocus: false });
    store.getState().openInfo(path.join(dir, 'd.txt'));

    fs.renameSync(path.join(dir, 'b.txt'), path.join(dir, 'z.txt'));
    fs.renameSync(path.join(dir, 'd.txt'), path.join(dir, 'c.txt'));
    fs.renameSync(path.join(dir, 'm.txt'), path.join(away, 'm.txt'));
    await until((s) => s.visiblePaths.some((p) => p.endsWith('z.txt')) && s.visiblePaths.length === 3);
    const shown = store.getState(); // once the change is applied whole (`until` resolves at its first update)
    assert.deepEqual(names(shown.visiblePaths), ['a.txt', 'c.txt', 'z.txt']);
    assert.deepEqual(names([...shown.selected]).sort(), ['c.txt', 'z.txt'], 'renamed: still selected; moved out: dropped');
    assert.equal(shown.visiblePaths[shown.focus!], path.join(dir, 'c.txt'), 'the focus followed d.txt to c.txt');
    assert.deepEqual(names(shown.quickLook!.paths), ['z.txt', 'c.txt']);
    assert.equal(shown.quickLook!.index, 1);
    assert.equal(shown.infoPath, path.join(dir, 'c.txt'));
  } finally {
    await engine.shutdown();
  }
});

test('the inline rename field follows its item renamed outside Ferry, and Enter then renames the item under its new name', UNLESS_STUCK, async () => {
  const { engine, store, actions, api, connect, until } = storeOverEngine();
  const fileOps = createFileOpActions(store, api, { refresh: () => actions.refresh() });
  try {
    connect();
    const dir = tree(tempDir(), { 'draft.txt': 'd' });
    await actions.navigate(dir);
    await until((s) => s.watching === dir);
    store.getState().beginRename(path.join(dir, 'draft.txt'));
    fs.renameSync(path.join(dir, 'draft.txt'), path.join(dir, 'report.txt'));
    await until((s) => s.renaming?.path === path.join(dir, 'report.txt'));
    await fileOps.commitRename('final.txt');
    assert.deepEqual(fs.readdirSync(dir), ['final.txt']);
    assert.equal(store.getState().renaming, null);
  } finally {
    await engine.shutdown();
  }
});
