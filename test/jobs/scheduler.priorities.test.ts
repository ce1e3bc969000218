import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openLibrary } from '../../src/main/engine/db/library';
import { JobManager } from '../../src/main/engine/jobs/job-manager';
import { JobScheduler } from '../../src/main/engine/jobs/scheduler';
import { CopyService } from '../../src/main/engine/copy/copy-service';
import { LibraryIndexer } from '../../src/main/engine/indexer/library-indexer';
import type { FerryEvent } from '../../src/shared/events';
import { snapshot, tempDir, tree } from '../helpers/tree';

/** A library whose process has only `slots` worker slots, so that jobs must take turns. */
function scarceLab(slots: number) {
  const root = tempDir('ferry-priorities-');
  const dbFile = path.join(root, 'library.db');
  const db = openLibrary(dbFile);
  const scheduler = new JobScheduler(slots);
  const jobs = new JobManager(db, { scheduler });
  const service = new CopyService({ db, dbFile, jobs });
  return { root, dbFile, db, jobs, scheduler, service, close: () => { jobs.close(); db.close(); } };
}
const labs: ReturnType<typeof scarceLab>[] = [];
after(() => { for (const l of labs) l.close(); });

function files(count: number, prefix: string): Record<string, string> {
  const spec: Record<string, string> = {};
  for (let i = 0; i < count; i++) spec[`d${i % 4}/${prefix}-${i}.txt`] = `${prefix} ${i}`;
  return spec;
}

function ctimes(dir: string): number[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile()).map((e) => fs.statSync(path.join(e.parentPath, e.name)).ctimeMs);
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 5));
}

test('a higher-priority copy gets the worker slots first: it finishes before a lower one copies a file', async () => {
  const l = scarceLab(1);
  labs.push(l);
  const srcA = tree(path.join(l.root, 'a'), files(1500, 'a'));
  const srcB = tree(path.join(l.root, 'b'), files(1500, 'b'));
  const destA = fs.mkdirSync(path.join(l.root, 'dest-a'), { recursive: true })!;
  const destB = fs.mkdirSync(path.join(l.root, 'dest-b'), { recursive: true })!;

  // The test holds the only slot while both jobs line up, so that the order is the scheduler's alone.
  const held = await l.scheduler.acquire(0);
  const low = await l.service.start({ sources: [srcA], destination: destA, overwrite: 'skip', useIndex: false, concurrency: 1 });
  const high = await l.service.start({ sources: [srcB], destination: destB, overwrite: 'skip', useIndex: false, concurrency: 1, priority: 5 });
  await until(() => l.scheduler.queued >= 4); // both jobs' destination index and discovery
  assert.deepEqual(fs.readdirSync(destA), [], 'nothing runs without a slot');
  held();

  const [lowDone, highDone] = await Promise.all([low.done, high.done]);
  assert.equal(highDone.status, 'done');
  assert.equal(lowDone.status, 'done');
  // Each file is renamed into place when copied, which sets its ctime: every file of the high-priority
  // copy landed before the first file of the low one (≤: the kernel's clock is coarse).
  const lastHigh = Math.max(...ctimes(path.join(destB, 'b')));
  const firstLow = Math.min(...ctimes(path.join(destA, 'a')));
  assert.ok(lastHigh <= firstLow, `the low-priority copy began (${firstLow}) before the high one ended (${lastHigh})`);
  assert.deepEqual(snapshot(path.join(destA, 'a')), snapshot(srcA));
  assert.deepEqual(snapshot(path.join(destB, 'b')), snapshot(srcB));
  assert.equal(l.jobs.store.get(high.jobId)!.priority, 5);
  assert.equal(l.scheduler.available, 1, 'every slot is given back');
});

test('with a single slot, discovery that waits for room in the queue gives its slot to the copying (no deadlock)', async () => {
  const l = scarceLab(1);
  labs.push(l);
  // More files than the copy queue holds (8,192): discovery must pause and hand its slot over.
  const src = tree(path.join(l.root, 'many'), files(9000, 'f'));
  const dest = fs.mkdirSync(path.join(l.root, 'dest'), { recursive: true })!;
  const handle = await l.service.start({ sources: [src], destination: dest, overwrite: 'skip', useIndex: false, concurrency: 2 });
  const done = await handle.done;
  assert.equal(done.status, 'done');
  assert.equal(done.copiedFiles, 9000);
  assert.deepEqual(snapshot(path.join(dest, 'many')), snapshot(src));
  assert.equal(l.scheduler.available, 1);
});

test('an index job waits, queued, for a worker slot; it runs when one is free', async () => {
  const l = scarceLab(1);
  labs.push(l);
  const folder = tree(path.join(l.root, 'photos'), files(20, 'p'));
  const indexer = new LibraryIndexer(l.db, l.dbFile, { scheduler: l.scheduler });
  const held = await l.scheduler.acquire(0);
  const indexing = indexer.addLocation(folder);
  await until(() => l.scheduler.queued === 1);
  const job = l.jobs.store.list({ includeChildren: true }).find((j) => j.kind === 'index')!;
  assert.equal(job.status, 'queued');
  assert.equal(job.priority, -100);
  held();
  const location = await indexing;
  assert.equal(location.fileCount, 20);
  assert.equal(l.jobs.store.get(job.id)!.status, 'completed');
  assert.equal(l.scheduler.available, 1);
});

test('the conflicts to expect are announced before the first conflict is asked', async () => {
  // One slot: the destination map (highest priority) is complete before any copy batch runs.
  const l = scarceLab(1);
  labs.push(l);
  const src = tree(path.join(l.root, 'src'), { 'a.txt': 'new a', 'b.txt': 'new b', 'c.txt': 'new c', 'd.txt': 'd', 'sub/e.txt': 'e' });
  const dest = tree(path.join(l.root, 'dest'), { 'src/a.txt': 'old', 'src/b.txt': 'old', 'src/sub/e.txt': 'old', 'src/unrelated.txt': 'x' });
  const events: FerryEvent[] = [];
  let handle: Awaited<ReturnType<typeof l.service.start>> | undefined;
  // eslint-disable-next-line prefer-const -- onEvent may run before start() returns: a const would still be in its temporal dead zone and throw
  handle = await l.service.start({
    sources: [src], destination: dest, overwrite: 'prompt', useIndex: false, concurrency: 1,
    onEvent: (e) => {
      events.push(e);
      if (e.type === 'conflict') handle!.resolve({ conflictId: e.conflictId, resolution: 'skip', applyToAll: true });
    },
  });
  const done = await handle.done;
  assert.equal(done.status, 'done');
  const first = events.findIndex((e) => e.type === 'conflict');
  assert.ok(first > 0, 'a conflict was asked');
  const announced = events.slice(0, first).filter((e) => 'expectedConflicts' in e && e.expectedConflicts !== undefined)
    .map((e) => (e as { expectedConflicts: number }).expectedConflicts);
  assert.equal(announced.at(-1), 3, `announced before the first question: ${JSON.stringify(announced)}`);
  assert.equal(done.skippedFiles, 3);
  assert.equal(done.copiedFiles, 2);
});
