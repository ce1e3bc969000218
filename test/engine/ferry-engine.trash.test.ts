import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createFerryEngine } from '../../src/main/engine/ferry-engine';
import { tempDir, tree } from '../helpers/tree';
import { homeOfItsOwn } from '../helpers/trash-env';

const { home } = homeOfItsOwn();

test('the index follows a trash: what went to the Trash leaves its location\'s rows and totals', async () => {
  const engine = createFerryEngine({ dbFile: path.join(tempDir(), 'library.db'), browsing: false });
  try {
    const root = tree(path.join(home, 'indexed'), { 'keep.txt': '1234', 'sub/a.txt': '12345678', 'sub/b.txt': '12' });
    await engine.addLocation({ path: root });
    const before = (await engine.listLocations({}))[0]!;
    assert.deepEqual([before.fileCount, before.totalBytes], [3, 14]);

    const { items, failed } = await engine.trashItems({ paths: [path.join(root, 'sub')] });
    assert.deepEqual(failed, []);
    assert.equal(items.length, 1);
    const after = (await engine.listLocations({}))[0]!;
    assert.deepEqual([after.fileCount, after.totalBytes], [1, 4]);

    // And through the facade the rest of the Trash: listed, restored to its place.
    assert.ok((await engine.listTrash({})).some((i) => i.id === items[0]!.id));
    const restored = await engine.restoreItems({ ids: [items[0]!.id], onConflict: 'ask' });
    assert.deepEqual(restored.restored, [{ id: items[0]!.id, path: path.join(root, 'sub') }]);
    assert.equal(fs.readFileSync(path.join(root, 'sub/a.txt'), 'utf8'), '12345678');
  } finally {
    await engine.shutdown();
  }
});
