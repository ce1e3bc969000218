import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir, tree } from '../../helpers/tree';
import { storeOverEngine } from './store-over-engine';

const names = (paths: readonly string[]) => paths.map((p) => path.basename(p));

test('the filter narrows the rows in their order, keeps the selection to them, follows sorting and pages, and closes in a new folder', async () => {
  const { engine, store, actions } = storeOverEngine();
  try {
    const root = tree(tempDir(), { 'docs/alpha.txt': 'aaaa', 'docs/Alphabet.md': 'a', 'docs/beta.txt': 'bb', 'docs/gamma alp': 'g', 'other/x': 'x' });
    const docs = path.join(root, 'docs');
    await actions.navigate(docs);
    store.getState().selectAll(store.getState().visiblePaths);

    actions.setFilter('ALP');
    assert.deepEqual(names(store.getState().visiblePaths), ['alpha.txt', 'Alphabet.md', 'gamma alp']);
    assert.deepEqual(names([...store.getState().selected].sort()), ['Alphabet.md', 'alpha.txt', 'gamma alp'].sort(),
      'beta.txt is no longer shown, so no longer selected');
    assert.equal(store.getState().sorted.length, 4);

    store.getState().sortBy('size');
    assert.deepEqual(names(store.getState().visiblePaths), ['Alphabet.md', 'gamma alp', 'alpha.txt'], 'the filter stays across a sort');

    // A refresh of the same folder keeps the filter, and what arrived shows if it matches.
    fs.writeFileSync(path.join(docs, 'alp-new'), 'nnn');
    await actions.refresh();
    assert.equal(store.getState().filter, 'ALP');
    assert.deepEqual(names(store.getState().visiblePaths), ['Alphabet.md', 'gamma alp', 'alp-new', 'alpha.txt']);

    actions.setFilter(null);
    assert.equal(store.getState().visiblePaths.length, 5);
    actions.setFilter('beta');
    await actions.navigate(path.join(root, 'other'));
    assert.equal(store.getState().filter, null, 'a new folder closes the filter');
    assert.deepEqual(names(store.getState().visiblePaths), ['x']);
  } finally {
    await engine.shutdown();
  }
});

test('reveal opens a folder with the item selected (a hidden one shows hidden files), and says when it is gone', async () => {
  const { engine, store, actions } = storeOverEngine();
  try {
    const root = tree(tempDir(), { 'a/one.txt': '1', 'a/two.txt': '2', 'a/.secret': 's', 'b/z.txt': 'z' });
    await actions.navigate(path.join(root, 'b'));
    actions.setFilter('z');
    assert.equal(await actions.reveal(path.join(root, 'a'), 'two.txt'), true);
    assert.equal(store.getState().path, path.join(root, 'a'));
    assert.deepEqual(names([...store.getState().selected]), ['two.txt']);
    assert.equal(store.getState().visiblePaths[store.getState().focus!], path.join(root, 'a', 'two.txt'));

    assert.equal(store.getState().showHidden, false);
    assert.equal(await actions.reveal(path.join(root, 'a'), '.secret'), true);
    assert.equal(store.getState().showHidden, true);
    assert.deepEqual(names([...store.getState().selected]), ['.secret']);

    // The folder is still there but not the file (the index was behind): false, and a notice says so.
    store.getState().setFilter('one'); // a filter that would hide the target is cleared first
    assert.equal(await actions.reveal(path.join(root, 'a'), 'gone.txt'), false);
    assert.equal(store.getState().filter, null);
    assert.match(store.getState().notices.at(-1)?.text ?? '', /“gone\.txt” is no longer in a/);
    assert.equal(await actions.reveal(path.join(root, 'nowhere'), 'x'), false);
  } finally {
    await engine.shutdown();
  }
});
