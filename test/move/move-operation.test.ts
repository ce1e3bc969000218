import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createFerryEngine } from '../../src/main/engine/ferry-engine';
import { openLibrary } from '../../src/main/engine/db/library';
import { readLocations } from '../../src/main/engine/db/locations';
import type { EventOf, FerryEvent } from '../../src/shared/events';
import type { OverwriteMode } from '../../src/shared/types';
import { indexedPaths, newLibrary, rowsOf, searchRowsOf, type Row } from '../helpers/library';
import { tempDir, tree } from '../helpers/tree';

/**
 * The index follows a move that did not go whole (move/move-operation.ts, db/index-follow-files.ts): a SOURCE
 * that merged into a folder at DEST, some of whose files stayed (a conflict skipped) or landed under another
 * name (Keep Both). Real files, a real library indexed by the indexer, the move run by the engine; after it
 * the rows of every location are exactly those a fresh index of the disk writes (folder mtimes aside), and
 * so are the library search's rows.
 */

const SOURCE = {
  'photos/a.jpg': 'aaaa', 'photos/clash.jpg': 'the new one', 'photos/2020/b.jpg': 'bb', 'photos/2020/deep/c.jpg': 'ccc',
  'photos/2021/d.jpg': 'dddd', 'photos/.hidden/e.jpg': 'skipped by the rules: never indexed', 'keep.txt': 'k',
};
const DEST = { 'photos/clash.jpg': 'old', 'photos/theirs.jpg': 'tt', 'photos/2021/mine.jpg': 'm' };

interface Case { name: string; overwrite: OverwriteMode; destIn: 'same location' | 'another location' | 'no location' }
const cases: Case[] = [
  { name: 'a conflict skipped: what stayed keeps its rows, what left takes them along', overwrite: 'skip', destIn: 'same location' },
  { name: 'a conflict skipped, into another location', overwrite: 'skip', destIn: 'another location' },
  { name: 'Keep Both: every file left (the source is gone), one under a new name; the rows at DEST stay', overwrite: 'keep-both', destIn: 'same location' },
  { name: 'a conflict skipped, into no location: the rows of what left go, those of what stayed stay', overwrite: 'skip', destIn: 'no location' },
];

for (const c of cases) {
  test(`a move merging into DEST: ${c.name}`, async () => {
    const base = fs.realpathSync(tempDir('ferry-move-follow-'));
    const a = tree(path.join(base, 'A'), { ...prefixed('src', SOURCE), ...(c.destIn === 'same location' ? prefixed('dest', DEST) : {}) });
    const destRoot = c.destIn === 'same location' ? a : tree(path.join(base, 'B'), prefixed('dest', DEST));
    const dbFile = path.join(base, 'library.db');
    const engine = createFerryEngine({ dbFile, browsing: false });
    let end: EventOf<'completed'>;
    try {
      await engine.addLocation({ path: a });
      if (c.destIn === 'another location') await engine.addLocation({ path: destRoot });
      const events: FerryEvent[] = [];
      await engine.startCopy({ operation: 'move', sources: [path.join(a, 'src/photos')], destination: path.join(destRoot, 'dest'), overwrite: c.overwrite },
        { onEvent: (e) => events.push(e) });
      end = await completed(events);
    } finally {
      await engine.shutdown();
    }
    assert.equal(end.status, 'done');
    assert.equal(end.originalsRemoved, c.overwrite === 'skip' ? 5 : 6);

    const db = openLibrary(dbFile);
    try {
      const [locA, locB] = readLocations(db);
      const inA = indexedPaths(db, locA!.id);
      if (c.overwrite === 'skip') {
        assert.ok(inA.includes('src/photos/clash.jpg'), 'the file that stayed keeps its row');
        assert.ok(!inA.includes('src/photos/a.jpg') && !inA.includes('src/photos/2020'), 'what left (and the folders emptied) lost theirs');
      } else {
        assert.ok(!inA.some((p) => p.startsWith('src/photos')), inA.join(' '));
      }
      if (c.destIn !== 'no location') {
        const inDest = c.destIn === 'same location' ? inA : indexedPaths(db, locB!.id);
        for (const p of ['dest/photos/a.jpg', 'dest/photos/2020/deep/c.jpg', 'dest/photos/2021/d.jpg', 'dest/photos/2021/mine.jpg', 'dest/photos/theirs.jpg']) {
          assert.ok(inDest.includes(p), `${p} in ${inDest.join(' ')}`);
        }
      }
      await assertLikeFreshIndex(db);
    } finally {
      db.close();
    }
  });
}

function prefixed(folder: string, spec: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(spec).map(([k, v]) => [`${folder}/${k}`, v]));
}

async function completed(events: FerryEvent[]): Promise<EventOf<'completed'>> {
  for (let waited = 0; waited < 60_000; waited += 20) {
    const end = events.find((e): e is EventOf<'completed'> => e.type === 'completed');
    if (end) return end;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the move did not complete');
}

const comparable = (rows: Row[]) => rows.map((r) => (r.kind === 'dir' ? { ...r, mtime_ms: 0 } : r));

/** Every location's rows, totals and search rows equal a fresh index of the same folders. */
async function assertLikeFreshIndex(db: ReturnType<typeof openLibrary>): Promise<void> {
  const fresh = newLibrary();
  for (const loc of readLocations(db)) {
    const again = await fresh.indexer.addLocation(loc.path);
    assert.deepEqual(comparable(rowsOf(db, loc.id)), comparable(rowsOf(fresh.db, again.id)), `rows of ${loc.path}`);
    assert.deepEqual([loc.fileCount, loc.totalBytes], [again.fileCount, again.totalBytes], `totals of ${loc.path}`);
    assert.deepEqual(searchRowsOf(db, loc.id), searchRowsOf(fresh.db, again.id), `library search rows of ${loc.path}`);
  }
}

test('a move cancelled at its conflict: the rows of what moved before the Cancel went with it', async () => {
  const base = fs.realpathSync(tempDir('ferry-move-follow-'));
  const a = tree(path.join(base, 'A'), { ...prefixed('src', SOURCE), ...prefixed('dest', DEST) });
  const dbFile = path.join(base, 'library.db');
  const engine = createFerryEngine({ dbFile, browsing: false });
  let end: EventOf<'completed'>;
  try {
    await engine.addLocation({ path: a });
    const events: FerryEvent[] = [];
    const { jobId } = await engine.startCopy({ operation: 'move', sources: [path.join(a, 'src/photos')], destination: path.join(a, 'dest'), overwrite: 'prompt' },
      { onEvent: (e) => events.push(e) });
    // The conflict waits for its answer while the other files move: Cancel once they have.
    const others = 5; // every file of photos/ but clash.jpg (.hidden/e.jpg moves too: only the index skips it)
    for (let waited = 0; !events.some((e) => e.type === 'progress' && e.copiedFiles >= others) && waited < 60_000; waited += 20) {
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.ok(events.some((e) => e.type === 'conflict'), 'asked about clash.jpg');
    await engine.cancelJob({ jobId });
    end = await completed(events);
  } finally {
    await engine.shutdown();
  }
  assert.equal(end.status, 'cancelled');
  assert.equal(fs.readFileSync(path.join(a, 'dest/photos/2020/deep/c.jpg'), 'utf8'), 'ccc', 'moved before the Cancel');
  assert.equal(fs.readFileSync(path.join(a, 'src/photos/clash.jpg'), 'utf8'), 'the new one', 'the file asked about stayed');
  const db = openLibrary(dbFile);
  try {
    const inA = indexedPaths(db, readLocations(db)[0]!.id);
    assert.ok(inA.includes('dest/photos/2020/deep/c.jpg') && !inA.includes('src/photos/2020/deep/c.jpg'), inA.join(' '));
    await assertLikeFreshIndex(db);
  } finally {
    db.close();
  }
});
