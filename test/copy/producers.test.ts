import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { openLibrary } from '../../src/main/engine/db/library';
import { Checkpoints } from '../../src/main/engine/copy/checkpoints';
import { RetryFailures, type WorkSink } from '../../src/main/engine/copy/producers';
import { JobStore } from '../../src/main/engine/jobs/job-store';
import type { CopyItem } from '../../src/main/engine/copy/types';
import { tempDir } from '../helpers/tree';

/** A sink that keeps what it is given, in order; `stopAfter` pages, it says the job is stopping. */
function recordingSink(stopAfter = Infinity) {
  const pages: CopyItem[][] = [];
  const log: string[] = [];
  const sink: WorkSink = {
    stopping: () => pages.length >= stopAfter,
    listed: async (batch) => { pages.push(batch); log.push('listed'); },
    found: () => { log.push('found'); },
    stale: () => { log.push('stale'); },
    unreadable: () => { log.push('unreadable'); },
    listingEnded: () => { log.push('listingEnded'); },
    discoveryStarted: () => { log.push('discoveryStarted'); },
    discoveryEnded: () => { log.push('discoveryEnded'); },
  };
  return { sink, pages, log };
}

/** A finished job whose checkpoints hold `failed` failures under a/, two under a name no source has, and done rows. */
function previousJob(failed: number) {
  const db = openLibrary(path.join(tempDir('ferry-producers-'), 'library.db'));
  const jobId = new JobStore(db).create({ kind: 'copy', config: {} }).id;
  const cp = new Checkpoints(db, jobId);
  for (let i = 0; i < failed; i++) cp.record({ rel: `a/d/f${String(i).padStart(4, '0')}`, state: 'failed', destRel: null, size: i, code: 'EACCES' });
  for (const rel of ['gone/x', 'gone/y']) cp.record({ rel, state: 'failed', destRel: null, size: 1, code: 'EIO' });
  for (const rel of ['a/ok1', 'a/ok2']) cp.record({ rel, state: 'done', destRel: rel, size: 1, code: null });
  cp.flush();
  return { db, jobId };
}

test('a retry lists exactly the earlier failures under its sources, mapped back to their source paths, in pages, then ends', async () => {
  const { db, jobId } = previousJob(300);
  const { sink, pages, log } = recordingSink();
  await new RetryFailures(db, jobId, ['/data/src/a']).run(sink);
  const items = pages.flat();
  assert.equal(items.length, 300, 'every failure under a/, none of the done rows nor of a name that is not a source');
  assert.ok(pages.every((p) => p.length <= 256), 'paged');
  assert.deepEqual(items[7], { source: '/data/src/a/d/f0007', rel: 'a/d/f0007', kind: 'file', size: 7, mtimeMs: 0, origin: 'index' });
  assert.deepEqual(log.filter((l) => l !== 'listed'), ['listingEnded']);
  assert.equal(log.at(-1), 'listingEnded', 'it ends after its last page');
});

test('a retry stops listing once the job stops, and still says its listing ended', async () => {
  const { db, jobId } = previousJob(600);
  const { sink, pages, log } = recordingSink(1);
  await new RetryFailures(db, jobId, ['/data/src/a']).run(sink);
  assert.equal(pages.length, 1);
  assert.deepEqual(log, ['listed', 'listingEnded']);
});
