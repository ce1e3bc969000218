import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FolderListings } from '../../src/main/engine/fs/list-folder';
import { ListingWorker } from '../../src/main/engine/fs/listing-worker';
import { FerryError } from '../../src/shared/errors';
import { tempDir } from '../helpers/tree';
import { codeOf } from '../helpers/error-code';
import { bigFolder, listAll, mixedFolder } from './listings';

test('ListingWorker: the same listings from a thread of their own; errors arrive as typed values', async () => {
  const dir = mixedFolder();
  const worker = new ListingWorker();
  try {
    const inProcess = await listAll(new FolderListings(), dir, { first: 100, pageSize: 700 });
    const fromWorker = await listAll(worker, dir, { first: 100, pageSize: 700 });
    assert.deepEqual({ ...fromWorker, listingId: null }, { ...inProcess, listingId: null });
    // Several requests in flight at once are each answered with their own reply.
    const [small, head] = await Promise.all([worker.list(path.join(dir, 'a-dir')), worker.list(dir, 5)]);
    assert.deepEqual(small.entries, []);
    assert.deepEqual(head.entries.map((e) => e.name), ['.hidden-dir', 'a-dir', 'dir 9', 'Dir 10', '.dot']);
    assert.equal(await codeOf(worker.list(path.join(dir, 'no such folder'))), 'ENOENT');
    assert.equal(await codeOf(worker.list(path.join(dir, 'A.txt'))), 'ENOTDIR');
    assert.equal(await codeOf(worker.page('no-such-listing', 0, 10)), 'LISTING_EXPIRED');
    assert.equal(await codeOf(worker.list('relative/path')), 'INVALID_INPUT');
  } finally {
    worker.close();
  }
  assert.equal(await codeOf(worker.list(dir)), 'INTERNAL', 'closed: a clear refusal, not a hang');
});

test('ListingWorker: a folder too big for the thread ends that thread only; the call says so and the next one is answered', async () => {
  // A heap of 8 MB: enough for a small folder, not for 30,000 long names (about 12 MB of strings alone).
  const worker = new ListingWorker({ resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 1 } });
  try {
    const huge = tempDir();
    const long = 'n'.repeat(200);
    for (let i = 0; i < 30_000; i++) fs.writeFileSync(path.join(huge, `${long}-${i}.txt`), '');
    await assert.rejects(worker.list(huge, 300), (err: unknown) => err instanceof FerryError && err.code === 'INTERNAL'
      && /too big to list/.test(err.message));
    const small = bigFolder(3);
    assert.deepEqual((await worker.list(small)).entries.map((e) => e.name), ['f0.txt', 'f1.txt', 'f2.txt'], 'a new thread answers');
  } finally {
    worker.close();
  }
});
