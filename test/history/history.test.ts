import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { entriesMoved } from '../../src/main/engine/db/index-follow';
import { openLibrary } from '../../src/main/engine/db/library';
import type { History } from '../../src/main/engine/history/history';
import { historyOn } from '../helpers/history';
import { codeOf } from '../helpers/error-code';
import { newLibrary, rowsOf } from '../helpers/library';
import { tempDir, tree } from '../helpers/tree';

/** A folder with a.txt renamed to b.txt (on disk, then recorded as the rename operation records itself). */
function renamed(): { dir: string; history: History; dbFile: string } {
  const { db, dbFile } = newLibrary();
  const dir = tree(tempDir(), { 'a.txt': 'hello' });
  fs.renameSync(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
  const history = historyOn(db, dbFile);
  history.recordRename(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
  return { dir, history, dbFile };
}

test('a rename is undone (the old name back, same bytes, same inode) and redone', async () => {
  const { dir, history } = renamed();
  const ino = fs.statSync(path.join(dir, 'b.txt')).ino;
  assert.equal(history.state().undo?.label, 'Rename');
  assert.equal(history.state().redo, null);

  const undone = await history.undo();
  assert.deepEqual(fs.readdirSync(dir), ['a.txt']);
  assert.equal(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'), 'hello');
  assert.equal(fs.statSync(path.join(dir, 'a.txt')).ino, ino);
  assert.deepEqual(undone.paths, [path.join(dir, 'a.txt')]);
  assert.equal(history.state().undo, null);
  assert.equal(history.state().redo?.label, 'Rename');

  await history.redo();
  assert.deepEqual(fs.readdirSync(dir), ['b.txt']);
  assert.equal(history.state().undo?.label, 'Rename');
  assert.equal(history.state().redo, null);
});

test('an undo is refused when the renamed file was changed since, and nothing changes', async () => {
  const { dir, history } = renamed();
  fs.appendFileSync(path.join(dir, 'b.txt'), ' world');
  assert.equal(await codeOf(history.undo()), 'ITEM_CHANGED');
  assert.deepEqual(fs.readdirSync(dir), ['b.txt']);
  assert.equal(history.state().undo?.label, 'Rename', 'still on the undo stack');
  await assert.rejects(history.undo(), /Can't undo Rename: “b\.txt” was changed since/);
});

test('an undo is refused when the old name is taken, and nothing changes', async () => {
  const { dir, history } = renamed();
  fs.writeFileSync(path.join(dir, 'a.txt'), 'new');
  await assert.rejects(history.undo(), (err: Error & { code?: string }) =>
    err.code === 'NAME_TAKEN' && /the name “a\.txt” is taken/.test(err.message));
  assert.deepEqual(fs.readdirSync(dir).sort(), ['a.txt', 'b.txt']);
  assert.equal(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'), 'new');
});

test('an undo is refused when the renamed file is gone', async () => {
  const { dir, history } = renamed();
  fs.rmSync(path.join(dir, 'b.txt'));
  assert.equal(await codeOf(history.undo()), 'ITEM_GONE');
  assert.deepEqual(fs.readdirSync(dir), []);
});

test('a redo is refused when the name came back taken after the undo', async () => {
  const { dir, history } = renamed();
  await history.undo();
  fs.writeFileSync(path.join(dir, 'b.txt'), 'other');
  assert.equal(await codeOf(history.redo()), 'NAME_TAKEN');
  assert.equal(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'), 'hello');
  assert.equal(history.state().redo?.label, 'Rename');
});

test('the history outlives a restart: a new engine on the same library file undoes', async () => {
  const { dir, history, dbFile } = renamed();
  void history;
  const reopened = openLibrary(dbFile);
  const after = historyOn(reopened, dbFile);
  assert.equal(after.state().undo?.label, 'Rename');
  await after.undo();
  assert.deepEqual(fs.readdirSync(dir), ['a.txt']);
  const again = openLibrary(dbFile);
  const third = historyOn(again, dbFile);
  assert.equal(third.state().redo?.label, 'Rename');
});

test('nothing to undo, nothing to redo', async () => {
  const { db, dbFile } = newLibrary();
  const history = historyOn(db, dbFile);
  assert.equal(await codeOf(history.undo()), 'NOTHING_TO_UNDO');
  assert.equal(await codeOf(history.redo()), 'NOTHING_TO_REDO');
});

test('a new operation after an undo empties the redo stack', async () => {
  const { dir, history } = renamed();
  await history.undo();
  fs.mkdirSync(path.join(dir, 'New Folder'));
  history.recordNewFolder(path.join(dir, 'New Folder'));
  const state = history.state();
  assert.equal(state.undo?.label, 'New Folder');
  assert.equal(state.redo, null);
  assert.equal(await codeOf(history.redo()), 'NOTHING_TO_REDO');
});

test('undoing a rename under a location takes the index along (a later copy still starts from it)', async () => {
  const { db, dbFile, indexer } = newLibrary();
  const root = tree(tempDir(), { 'docs/a.txt': 'a', 'docs/sub/b.txt': 'bb' });
  const location = await indexer.addLocation(root);
  // The rename as the app does it: on disk, the index following, then recorded.
  fs.renameSync(path.join(root, 'docs'), path.join(root, 'papers'));
  entriesMoved(db, path.join(root, 'docs'), path.join(root, 'papers'));
  const history = historyOn(db, dbFile);
  history.recordRename(path.join(root, 'docs'), path.join(root, 'papers'));
  await history.undo();
  assert.deepEqual(fs.readdirSync(root), ['docs']);
  const rows = rowsOf(db, location.id).map((r) => `${r.relative_path}/${r.name}`);
  assert.deepEqual(rows, ['/docs', 'docs/a.txt', 'docs/sub', 'docs/sub/b.txt']);
});
