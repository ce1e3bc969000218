import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createTrashActions } from '../../../src/renderer/stores/trash-actions';
import { tree } from '../../helpers/tree';
import { homeOfItsOwn } from '../../helpers/trash-env';
import { storeOverEngine } from './store-over-engine';

const { home } = homeOfItsOwn();

test('Move to Trash leaves the folder on screen, the Trash view lists it, Restore brings it back', async () => {
  const { engine, store, actions, api } = storeOverEngine();
  const trash = createTrashActions(store, api, actions.refresh);
  try {
    const dir = tree(path.join(home, 'flow'), { 'a.txt': 'a', 'b.txt': 'b' });
    await actions.navigate(dir);
    await trash.moveToTrash([path.join(dir, 'a.txt')]);
    assert.deepEqual(store.getState().visiblePaths.map((p) => path.basename(p)), ['b.txt'], 'the folder is re-read');
    assert.match(store.getState().notices.at(-1)!.text, /Moved “a\.txt” to the Trash/);

    await store.getState().openTrash();
    const [item] = store.getState().trash.filter((i) => i.originalPath.startsWith(dir));
    assert.equal(item!.originalPath, path.join(dir, 'a.txt'));
    store.getState().clickTrashed(item!.id, false);
    assert.deepEqual([...store.getState().trashSelected], [item!.id]);
    await store.getState().restoreTrashed([...store.getState().trashSelected]);
    assert.equal(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'), 'a');
    assert.equal(store.getState().trash.some((i) => i.id === item!.id), false);
    assert.deepEqual([...store.getState().trashSelected], [], 'the restored item left the selection');
  } finally {
    await engine.shutdown();
  }
});

test('a taken place is asked about, and the answer restores; delete and empty wait for their confirmation', async () => {
  const { engine, store, api, actions } = storeOverEngine();
  const trash = createTrashActions(store, api, actions.refresh);
  try {
    const dir = tree(path.join(home, 'ask'), { 'x.txt': 'old', 'y.txt': 'y' });
    await trash.moveToTrash([path.join(dir, 'x.txt'), path.join(dir, 'y.txt')]);
    fs.writeFileSync(path.join(dir, 'x.txt'), 'new');
    await store.getState().openTrash();
    const mine = () => store.getState().trash.filter((i) => i.originalPath.startsWith(`${dir}/`));
    const x = mine().find((i) => i.name === 'x.txt')!;
    await store.getState().restoreTrashed([x.id]);
    assert.deepEqual(store.getState().restoreAsk, { ids: [x.id], paths: [path.join(dir, 'x.txt')] });
    assert.equal(fs.readFileSync(path.join(dir, 'x.txt'), 'utf8'), 'new', 'nothing done before the answer');
    await store.getState().answerRestore('keep-both');
    assert.equal(store.getState().restoreAsk, null);
    assert.equal(fs.readFileSync(path.join(dir, 'x 2.txt'), 'utf8'), 'old');

    const y = mine().find((i) => i.name === 'y.txt')!;
    store.getState().askDeleteForever([y.id]);
    assert.deepEqual(store.getState().trashConfirm, { kind: 'delete', ids: [y.id] });
    assert.ok(fs.existsSync(y.id), 'asked, not done');
    store.getState().cancelTrashConfirm();
    assert.ok(fs.existsSync(y.id));
    store.getState().askDeleteForever([y.id]);
    await store.getState().confirmTrash();
    assert.equal(fs.existsSync(y.id), false);
    assert.deepEqual(mine(), []);
  } finally {
    await engine.shutdown();
  }
});
