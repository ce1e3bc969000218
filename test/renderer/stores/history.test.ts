import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openLibrary } from '../../../src/main/engine/db/library';
import { historyOn } from '../../helpers/history';
import { redoLabel, undoLabel } from '../../../src/renderer/stores/history';
import { tempDir, tree } from '../../helpers/tree';
import { storeOverEngine } from './store-over-engine';

/** a.txt renamed to b.txt, recorded in the library by another process (another window's engine, the CLI). */
function renamedElsewhere(dbFile: string, dir: string): void {
  fs.renameSync(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
  const db = openLibrary(dbFile);
  historyOn(db, dbFile).recordRename(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
  db.close();
}

const names = (paths: readonly string[]) => paths.map((p) => path.basename(p));

test('a window learns of an operation done elsewhere, undoes it, and shows the folder as it is now', async () => {
  const { engine, store, actions, dbFile } = storeOverEngine();
  try {
    const dir = tree(tempDir(), { 'a.txt': 'hello' });
    await actions.navigate(dir);
    await actions.followHistory();
    assert.equal(undoLabel(store.getState().nextUndo), 'Undo');

    renamedElsewhere(dbFile, dir);
    await actions.followHistory();
    assert.equal(undoLabel(store.getState().nextUndo), 'Undo Rename');
    assert.deepEqual(names(store.getState().visiblePaths), ['b.txt'], 'the change elsewhere re-lists the folder');

    await actions.undo();
    assert.deepEqual(fs.readdirSync(dir), ['a.txt']);
    assert.deepEqual(names(store.getState().visiblePaths), ['a.txt']);
    assert.equal(store.getState().notices.at(-1)?.text, 'Undid Rename');
    assert.equal(undoLabel(store.getState().nextUndo), 'Undo');
    assert.equal(redoLabel(store.getState().nextRedo), 'Redo Rename');

    await actions.redo();
    assert.deepEqual(names(store.getState().visiblePaths), ['b.txt']);
    assert.equal(store.getState().notices.at(-1)?.text, 'Redid Rename');
  } finally {
    await engine.shutdown();
  }
});

test('a refused undo is a notice saying why, and nothing changes', async () => {
  const { engine, store, actions, dbFile } = storeOverEngine();
  try {
    const dir = tree(tempDir(), { 'a.txt': 'hello' });
    renamedElsewhere(dbFile, dir);
    fs.writeFileSync(path.join(dir, 'a.txt'), 'taken');
    await actions.navigate(dir);
    await actions.undo();
    const notice = store.getState().notices.at(-1);
    assert.equal(notice?.tone, 'error');
    assert.equal(notice?.text, `Can't undo Rename: the name “a.txt” is taken in “${path.basename(dir)}”`);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.txt', 'b.txt']);
    assert.equal(undoLabel(store.getState().nextUndo), 'Undo Rename', 'still the next undo');
  } finally {
    await engine.shutdown();
  }
});
