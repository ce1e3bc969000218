import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openLibrary } from '../../src/main/engine/db/library';
import { LibraryIndexer } from '../../src/main/engine/indexer/library-indexer';
import { DeltaDiscovery } from '../../src/main/engine/copy/delta-discovery';
import { IndexPreparation, estimateFromIndex } from '../../src/main/engine/copy/index-preparation';
import type { CopyItem, StaleItem } from '../../src/main/engine/copy/types';
import { tempDir, tree } from '../helpers/tree';

/**
 * The producers against the real indexer (not rows written by hand): together, phase 1 and phase 2
 * name every entry of the tree exactly once, whatever the default rules filtered.
 */
test('index stream + discovery cover a really indexed tree exactly once, filtered entries included', async () => {
  const root = tree(tempDir(), {
    'src/app.ts': 'export const app = 1;',
    'src/odd name %_\\.ts': 'odd',
    ['src/cafe\u0301.txt']: 'nfd',
    'src/new\nline.txt': 'newline',
    'node_modules/dep/index.js': 'module.exports = {};',
    '.git/HEAD': 'ref: refs/heads/main',
    '.env': 'KEY=1',
    '.gitignore': 'build/\n*.log\n',
    'build/out.js': 'built',
    'debug.log': 'log',
    'empty': { dir: true },
  });
  const dbFile = path.join(tempDir(), 'library.db');
  const db = openLibrary(dbFile);
  await new LibraryIndexer(db, dbFile).addLocation(root);
  const realRoot = fs.realpathSync(root);

  const estimate = estimateFromIndex(db, [realRoot]);
  assert.deepEqual(estimate.covered, [true]);
  const indexed: CopyItem[] = [];
  const totals = await new IndexPreparation(db, [realRoot]).run((b) => { indexed.push(...b); });
  assert.equal(totals.files, estimate.knownFiles, 'the stream delivers what the estimate announced');
  assert.equal(totals.bytes, estimate.knownBytes);

  const discovered: CopyItem[] = [];
  const stale: StaleItem[] = [];
  await new DeltaDiscovery({ dbFile, sources: [realRoot] }).start({
    onItems: (b) => discovered.push(...b), onStale: (b) => stale.push(...b), onError: (e) => assert.fail(e.message),
  });
  assert.deepEqual(stale, []);

  const base = path.basename(realRoot);
  const onDisk: string[] = [base];
  const walk = (dir: string, rel: string) => {
    for (const name of fs.readdirSync(dir)) {
      onDisk.push(`${rel}/${name}`);
      if (fs.lstatSync(path.join(dir, name)).isDirectory()) walk(path.join(dir, name), `${rel}/${name}`);
    }
  };
  walk(realRoot, base);
  const both = [...indexed, ...discovered].map((i) => i.rel);
  assert.deepEqual([...both].sort(), onDisk.sort(), 'every entry exactly once');
  const found = discovered.map((i) => i.rel);
  for (const filtered of ['node_modules/dep/index.js', '.git/HEAD', '.env', 'build/out.js', 'debug.log']) {
    assert.ok(found.includes(`${base}/${filtered}`), `${filtered} is discovered`);
  }
  assert.ok(!found.includes(`${base}/src/cafe\u0301.txt`) && !found.includes(`${base}/src/new\nline.txt`), 'fresh odd names are not rediscovered');
  db.close();
});
