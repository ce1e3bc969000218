import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir, tree } from '../../helpers/tree';
import { storeOverEngine } from './store-over-engine';

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
