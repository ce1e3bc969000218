import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir, tree } from '../../helpers/tree';
import { copyTitle } from '../../../src/renderer/lib/copy-text';
import { storeOverEngine } from './store-over-engine';

const names = (paths: Iterable<string>) => [...paths].map((p) => path.basename(p)).sort();

test('cut then paste moves the items: the originals are gone, the bytes arrive, the cut is used up', async () => {
  const { engine, store, actions, connect, until } = storeOverEngine();
  try {
    connect();
    const root = tree(tempDir(), { 'src/a.txt': 'alpha', 'src/b.txt': 'beta', 'src/stay.txt': 'stay', 'dest/keep.txt': 'k' });
    const src = path.join(root, 'src');
    const dest = path.join(root, 'dest');
    await actions.navigate(src);
    const visible = store.getState().visiblePaths;
    store.getState().click(visible, visible.indexOf(path.join(src, 'a.txt')), 'replace');
    store.getState().click(visible, visible.indexOf(path.join(src, 'b.txt')), 'toggle');
    actions.cutSelection();
    assert.equal(store.getState().clipboardCut, true);
    assert.deepEqual(names(store.getState().cutPaths), ['a.txt', 'b.txt'], 'the cut rows know they are cut (dimmed)');
    assert.equal(store.getState().notices.at(-1)?.text, '2 items cut: paste to move them');

    actions.pasteInto();
    assert.equal(store.getState().notices.at(-1)?.text, 'Those items are already in this folder');
    assert.equal(store.getState().clipboard.length, 2, 'a refused paste keeps the cut');

    actions.pasteInto(dest);
    const done = await until((s) => s.dialogs.length === 1 && s.byId[s.dialogs[0]!]?.phase === 'finished');
    const jobId = done.dialogs[0]!;
    assert.equal(done.byId[jobId]!.startError, undefined, 'the engine took the move');
    assert.equal(done.byId[jobId]!.operation, 'move');
    assert.deepEqual(store.getState().clipboard, [], 'the cut is used up by the move');
    assert.equal(store.getState().cutPaths.size, 0, 'nothing stays dimmed');
    assert.equal(copyTitle(done.byId[jobId]!), 'Moved 2 items');
    assert.equal(fs.readFileSync(path.join(dest, 'a.txt'), 'utf8'), 'alpha');
    assert.equal(fs.readFileSync(path.join(dest, 'b.txt'), 'utf8'), 'beta');
    assert.deepEqual(fs.readdirSync(src), ['stay.txt'], 'the originals are gone');
    const listed = await until((s) => s.visiblePaths.length === 1);
    assert.deepEqual(names(listed.visiblePaths), ['stay.txt'], 'the source folder on screen shows they left');
  } finally {
    await engine.shutdown();
  }
});

test('a copy after a cut replaces it (nothing dimmed, paste copies); "Move Item Here" moves what was copied', async () => {
  const { engine, store, actions, connect, until } = storeOverEngine();
  try {
    connect();
    const root = tree(tempDir(), { 'src/a.txt': 'alpha', 'copies/.keep': '', 'moved/.keep': '' });
    const src = path.join(root, 'src');
    await actions.navigate(src);
    store.getState().selectAll(store.getState().visiblePaths);
    actions.cutSelection();
    actions.copySelection();
    assert.equal(store.getState().clipboardCut, false);
    assert.equal(store.getState().cutPaths.size, 0);

    actions.pasteInto(path.join(root, 'copies'));
    await until((s) => s.dialogs.length === 1 && s.byId[s.dialogs[0]!]?.phase === 'finished');
    assert.equal(store.getState().byId[store.getState().dialogs[0]!]!.operation, 'copy');
    assert.equal(fs.readFileSync(path.join(root, 'copies', 'a.txt'), 'utf8'), 'alpha');
    assert.ok(fs.existsSync(path.join(src, 'a.txt')), 'a copy leaves the original');
    assert.equal(store.getState().clipboard.length, 1, 'a copy can be pasted again');

    actions.moveClipboardInto(path.join(root, 'moved'));
    const moved = await until((s) => s.dialogs.length === 2 && s.byId[s.dialogs[1]!]?.phase === 'finished');
    assert.equal(moved.byId[moved.dialogs[1]!]!.startError, undefined, 'the engine took the move');
    assert.equal(fs.readFileSync(path.join(root, 'moved', 'a.txt'), 'utf8'), 'alpha');
    assert.ok(!fs.existsSync(path.join(src, 'a.txt')), 'moved away');
    assert.deepEqual(store.getState().clipboard, [], 'what was moved can no longer be pasted from its old place');
  } finally {
    await engine.shutdown();
  }
});

test('a move the engine refuses keeps the cut; moving a folder into itself is refused and said', async () => {
  const { engine, store, actions, connect, until } = storeOverEngine();
  connect();
  try {
    const root = tree(tempDir(), { 'box/inner/x.txt': 'x' });
    await actions.navigate(root);
    store.getState().selectAll(store.getState().visiblePaths);
    actions.cutSelection();
    actions.pasteInto(path.join(root, 'box', 'inner'));
    assert.deepEqual(store.getState().notices.at(-1), { id: 2, text: 'Cannot move “box” into itself', tone: 'error' });
    assert.deepEqual(store.getState().dialogs, []);
    assert.equal(store.getState().clipboard.length, 1);

    fs.rmSync(path.join(root, 'box'), { recursive: true });
    fs.mkdirSync(path.join(root, 'elsewhere'));
    actions.pasteInto(path.join(root, 'elsewhere'));
    const refused = await until((s) => s.dialogs.length === 1 && s.byId[s.dialogs[0]!]?.phase === 'finished');
    assert.equal(refused.byId[refused.dialogs[0]!]!.startError?.length ? 'refused' : 'started', 'refused', 'the source is gone');
    assert.equal(copyTitle(refused.byId[refused.dialogs[0]!]!), 'Could not move');
    assert.equal(store.getState().clipboardCut, true, 'the cut is kept');
    assert.equal(store.getState().clipboard.length, 1);
  } finally {
    await engine.shutdown();
  }
});
