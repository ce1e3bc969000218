import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createSeeActions, selectedFileBytes } from '../../../src/renderer/stores/see-actions';
import { tempDir, tree } from '../../helpers/tree';
import { storeOverEngine } from './store-over-engine';

const names = (paths: readonly string[]) => paths.map((p) => path.basename(p));

function setup() {
  const parts = storeOverEngine();
  return { ...parts, see: createSeeActions(parts.store, parts.api) };
}

test('Quick Look: one item walks the folder with the selection; several stay within the selection', async () => {
  const { engine, store, actions, see } = setup();
  try {
    const dir = tree(tempDir(), { 'a.txt': 'a', 'b.png': 'b', 'c.md': 'c', 'd.rs': 'd' });
    await actions.navigate(dir);
    const order = store.getState().visiblePaths;
    see.toggleQuickLook();
    assert.equal(store.getState().quickLook, null, 'nothing selected: nothing to show');

    store.getState().click(order, 1, 'replace');
    see.toggleQuickLook();
    assert.equal(path.basename(store.getState().quickLook!.paths[store.getState().quickLook!.index]!), 'b.png');
    see.stepQuickLook(1);
    assert.deepEqual(names([...store.getState().selected]), ['c.md'], 'the selection follows');
    see.stepQuickLook(5);
    assert.equal(path.basename(store.getState().quickLook!.paths[store.getState().quickLook!.index]!), 'd.rs', 'stops at the end');
    see.toggleQuickLook();
    assert.equal(store.getState().quickLook, null);

    store.getState().click(order, 0, 'replace');
    store.getState().click(order, 2, 'toggle');
    see.toggleQuickLook();
    const look = () => store.getState().quickLook!;
    assert.deepEqual(names(look().paths), ['a.txt', 'c.md']);
    assert.equal(look().index, 1, 'opens at the focused item');
    see.stepQuickLook(1);
    assert.equal(look().index, 0, 'wraps around within the selection');
    assert.deepEqual(names([...store.getState().selected].sort()), ['a.txt', 'c.md'], 'the selection stays');

    // Another folder closes it (what the window's watch does).
    const stop = see.watch();
    await actions.navigate(tree(tempDir(), { 'z.txt': 'z' }));
    stop();
    assert.equal(store.getState().quickLook, null);
  } finally {
    await engine.shutdown();
  }
});

test('Get Info and Copy Path name the selection, or the folder when nothing is selected', async () => {
  const { engine, store, actions, see } = setup();
  try {
    const dir = tree(tempDir(), { 'a.txt': 'aaaa', 'b.txt': 'bb', sub: { dir: true } });
    await actions.navigate(dir);
    see.showInfo();
    assert.equal(store.getState().infoPath, dir);
    assert.deepEqual(see.pathsToCopy(), [dir]);
    const order = store.getState().visiblePaths;
    store.getState().selectAll(order);
    assert.deepEqual(names(see.pathsToCopy()), ['sub', 'a.txt', 'b.txt']);
    assert.equal(selectedFileBytes(store.getState().visible, store.getState().selected), 6, 'files only: a folder has no size here');
    store.getState().click(order, 2, 'replace');
    see.showInfo();
    assert.equal(store.getState().infoPath, path.join(dir, 'b.txt'));
  } finally {
    await engine.shutdown();
  }
});

test('the free space is read for the folder shown, and again after its listing changes', async () => {
  const { engine, store, actions, see, until } = setup();
  const stop = see.watch();
  try {
    const dir = tree(tempDir(), { 'a.txt': 'a' });
    await actions.navigate(dir);
    const first = await until((s) => s.freeSpace?.folder === dir);
    const expected = fs.statfsSync(dir);
    assert.equal(first.freeSpace!.total, expected.blocks * expected.bsize);
    store.getState().setFreeSpace(null);
    await actions.refresh();
    await until((s) => s.freeSpace?.folder === dir);
  } finally {
    stop();
    await engine.shutdown();
  }
});
