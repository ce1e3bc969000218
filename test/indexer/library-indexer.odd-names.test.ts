import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DeltaDiscovery } from '../../src/main/engine/copy/delta-discovery';
import { IndexPreparation, estimateFromIndex } from '../../src/main/engine/copy/index-preparation';
import type { CopyItem } from '../../src/main/engine/copy/types';
import { fsPath } from '../../src/main/engine/fs/byte-names';
import { FerryError } from '../../src/shared/errors';
import { tempDir } from '../helpers/tree';
import { ODD_DEEP_NAME, ODD_DIR, ODD_DIR_NAME, ODD_FILE_NAME, bytePath, oddTree } from '../helpers/odd-names';
import { indexedPaths, newLibrary } from '../helpers/library';

/**
 * The library index keeps only names that are valid UTF-8 (SQLite TEXT, ordered range queries on
 * paths): an entry whose name is not, and what is below it, is not indexed, and a copy's delta
 * discovery finds it on disk. So a location holding such names indexes without error, and a copy of it
 * still names every file exactly once, none as a file the index has but the disk lacks.
 */

const ALL_RULES_OFF = { skipGit: false, skipNodeModules: false, skipHidden: false, skipSystemFiles: false, respectGitignore: false };

/**
 * The issue's tree plus names that really hold U+FFFD: what Node's own decoding makes of b'\xff\xfe.txt'
 * and of the folder b'd\xe9r'.
 */
function location(): string {
  const root = path.join(tempDir(), 'loc');
  fs.mkdirSync(root);
  oddTree(root);
  fs.writeFileSync(path.join(root, '\ufffd\ufffd.txt'), 'a real replacement character');
  fs.mkdirSync(path.join(root, 'd\ufffdr'));
  fs.writeFileSync(path.join(root, 'd\ufffdr', 'real.txt'), 'real');
  return root;
}

test('a location holding names that are not UTF-8 indexes the others, without errors, with matching totals', async () => {
  const root = location();
  const { db, indexer } = newLibrary();
  const loc = await indexer.addLocation(root, { rules: ALL_RULES_OFF });
  assert.deepEqual(indexedPaths(db, loc.id), ['a.txt', 'c.txt', 'sub', 'sub/b.txt', 'sub/e.txt', '\ufffd\ufffd.txt', 'd\ufffdr', 'd\ufffdr/real.txt'].sort());
  assert.equal(loc.fileCount, 6);
  assert.equal(loc.totalBytes, ['plain a', 'plain c', 'plain b', 'plain e', 'a real replacement character', 'real'].join('').length);
  assert.equal(loc.unreadableCount, 0);
  // Indexing it again changes nothing (no row for a name it cannot hold, no error).
  const again = await indexer.reindex(loc.id);
  assert.equal(again.fileCount, 6);
  assert.deepEqual(indexedPaths(db, loc.id).length, 8);
});

test('a copy of such a location names every file exactly once: the index stream what it holds, discovery the rest', async () => {
  const root = location();
  const { db, dbFile, indexer } = newLibrary();
  await indexer.addLocation(root, { rules: ALL_RULES_OFF });
  const realRoot = fs.realpathSync(root);
  const estimate = estimateFromIndex(db, [realRoot]);
  assert.deepEqual(estimate.covered, [true]);
  assert.equal(estimate.knownFiles, 6);

  const indexed: CopyItem[] = [];
  await new IndexPreparation(db, [realRoot]).run((b) => { indexed.push(...b); });
  const discovered: CopyItem[] = [];
  await new DeltaDiscovery({ dbFile, sources: [realRoot] }).start({
    onItems: (b) => discovered.push(...b), onStale: (b) => assert.fail(`stale: ${JSON.stringify(b)}`), onError: (e) => assert.fail(e.message),
  });
  // Nothing from the index points at a file the disk lacks (a copy would skip it as `vanished`).
  for (const item of indexed) assert.ok(fs.existsSync(fsPath(item.source)), `indexed item ${item.rel} is on disk`);
  const files = [...indexed, ...discovered].filter((i) => i.kind === 'file').map((i) => i.rel).sort();
  assert.deepEqual(files, [
    'loc/a.txt', 'loc/c.txt', 'loc/d\ufffdr/real.txt', 'loc/sub/b.txt', 'loc/sub/e.txt', 'loc/\ufffd\ufffd.txt', `loc/${ODD_FILE_NAME}`, `loc/${ODD_DIR_NAME}/${ODD_DEEP_NAME}`,
  ].sort());
  assert.deepEqual(discovered.map((i) => i.rel).sort(), [`loc/${ODD_DIR_NAME}`, `loc/${ODD_DIR_NAME}/${ODD_DEEP_NAME}`, `loc/${ODD_FILE_NAME}`].sort());
  // A source inside the location whose own name is not UTF-8 is not covered (discovery copies all of it),
  // even though the folder its name becomes with U+FFFD is indexed: that is another folder.
  const oddSource = path.join(realRoot, ODD_DIR_NAME);
  assert.deepEqual(estimateFromIndex(db, [oddSource]).covered, [false]);
  const streamed: CopyItem[] = [];
  await new IndexPreparation(db, [oddSource]).run((b) => { streamed.push(...b); });
  assert.deepEqual(streamed, []);
});

test('a folder whose own path is not UTF-8 is refused as a location, with a clear message', async () => {
  const parent = tempDir();
  fs.mkdirSync(bytePath(parent, ODD_DIR));
  const { indexer } = newLibrary();
  await assert.rejects(indexer.addLocation(path.join(parent, ODD_DIR_NAME)),
    (e: unknown) => e instanceof FerryError && e.code === 'INVALID_INPUT' && /valid UTF-8: .*d\ufffdr/.test(e.message));
  assert.deepEqual(indexer.listLocations(), []);
});
