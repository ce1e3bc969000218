import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { filesMoved } from '../../src/main/engine/db/index-follow-files';
import { readLocationByPath } from '../../src/main/engine/db/locations';
import { indexedPaths, newLibrary, searchRowsOf } from '../helpers/library';
import { tempDir, tree } from '../helpers/tree';

/**
 * filesMoved's cases that a move through the engine (test/move/move-operation.test.ts) does not reach on purpose:
 * a file the index did not know replacing one it knew. The old row must go (a row is never wrong, only missing).
 */
test('filesMoved: a file the index never had replaces an indexed one at DEST: the old row goes, nothing takes its place', async () => {
  const base = fs.realpathSync(tempDir('ferry-follow-files-'));
  const loc = tree(path.join(base, 'loc'), { 'src/photos/kept.txt': 'k', 'src/photos/sub/a.txt': 'aa', 'dest/photos/new.txt': 'the old file' });
  const { db, indexer } = newLibrary();
  await indexer.addLocation(loc);
  fs.writeFileSync(path.join(loc, 'src/photos/new.txt'), 'written after the index');
  // What the move's job does on disk (a merge: photos exists at DEST), then the follow-up with its checkpoints' files.
  fs.renameSync(path.join(loc, 'src/photos/new.txt'), path.join(loc, 'dest/photos/new.txt'));
  fs.mkdirSync(path.join(loc, 'dest/photos/sub'));
  fs.renameSync(path.join(loc, 'src/photos/sub/a.txt'), path.join(loc, 'dest/photos/sub/a.txt'));
  fs.rmdirSync(path.join(loc, 'src/photos/sub'));
  const result = filesMoved(db, path.join(loc, 'src/photos'), path.join(loc, 'dest'),
    [[{ rel: 'photos/new.txt', destRel: 'photos/new.txt' }, { rel: 'photos/sub/a.txt', destRel: 'photos/sub/a.txt' }]]);

  assert.deepEqual(result, { carried: 1, dropped: 2, locationsMoved: 0 }); // the replaced row, and src/photos/sub's
  const location = readLocationByPath(db, loc)!;
  assert.deepEqual(indexedPaths(db, location.id),
    ['dest', 'dest/photos', 'dest/photos/sub', 'dest/photos/sub/a.txt', 'src', 'src/photos', 'src/photos/kept.txt']);
  assert.deepEqual([location.fileCount, location.totalBytes], [2, 3]);
  const aggregates = db.prepare(`SELECT relative_path || '/' || name AS p, aggregate_size AS bytes, file_count AS files FROM entries
    WHERE location_id = ? AND kind = 'dir' ORDER BY p`).all(location.id);
  assert.deepEqual(aggregates, [
    { p: '/dest', bytes: 2, files: 1 }, { p: '/src', bytes: 1, files: 1 },
    { p: 'dest/photos', bytes: 2, files: 1 }, { p: 'dest/photos/sub', bytes: 2, files: 1 }, { p: 'src/photos', bytes: 1, files: 1 },
  ]);
  assert.deepEqual(searchRowsOf(db, location.id).find((r) => r.folder === 'dest/photos')?.names, ['sub']);
});
