import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openLibrary } from '../../src/main/engine/db/library';
import { createFerryEngine } from '../../src/main/engine/ferry-engine';
import type { EventOf, FerryEvent } from '../../src/shared/events';
import { indexedPaths } from '../helpers/library';
import { tempDir, tree } from '../helpers/tree';

/** The facade's rename and delete under a location: the library index follows them (docs/file-operations.md). */
async function indexedLocation() {
  const dbFile = path.join(tempDir(), 'library.db');
  const engine = createFerryEngine({ dbFile, browsing: false });
  const root = tree(fs.realpathSync(tempDir()), { 'photos/a.jpg': 'aaaa', 'photos/trip/b.jpg': 'bb', 'notes.txt': 'n', 'old/x.txt': 'x' });
  const location = await engine.addLocation({ path: root });
  const reader = openLibrary(dbFile);
  return { engine, root, paths: () => indexedPaths(reader, location.id), close: async () => { reader.close(); await engine.shutdown(); } };
}

test('a renamed folder\'s files are found by the index at the new path, and a copy from there starts from it', async () => {
  const { engine, root, paths, close } = await indexedLocation();
  try {
    await engine.renameItem({ path: path.join(root, 'photos'), newName: 'Photos 2026' });
    await engine.renameItem({ path: path.join(root, 'notes.txt'), newName: 'Notes.txt' });
    assert.deepEqual(paths(), ['Notes.txt', 'Photos 2026', 'Photos 2026/a.jpg', 'Photos 2026/trip', 'Photos 2026/trip/b.jpg', 'old', 'old/x.txt']);

    const events: FerryEvent[] = [];
    const dest = tempDir();
    let done!: () => void;
    const finished = new Promise<void>((r) => { done = r; });
    await engine.startCopy({ sources: [path.join(root, 'Photos 2026')], destination: dest, overwrite: 'skip' }, {
      onEvent: (e) => { events.push(e); if (e.type === 'completed') done(); },
    });
    await finished;
    const estimate = events.find((e): e is EventOf<'initialEstimate'> => e.type === 'initialEstimate')!;
    assert.deepEqual([estimate.knownFiles, estimate.knownBytes], [2, 6], 'both files known from the index at once');
    assert.equal(fs.readFileSync(path.join(dest, 'Photos 2026/trip/b.jpg'), 'utf8'), 'bb');
  } finally {
    await close();
  }
});

test('what a permanent delete removed leaves the index; the rest stays', async () => {
  const { engine, root, paths, close } = await indexedLocation();
  try {
    let done!: () => void;
    const finished = new Promise<void>((r) => { done = r; });
    await engine.deleteItems({ paths: [path.join(root, 'photos'), path.join(root, 'notes.txt')] }, {
      onEvent: (e) => { if (e.type === 'completed') done(); },
    });
    await finished;
    assert.deepEqual(paths(), ['old', 'old/x.txt']);
  } finally {
    await close();
  }
});
