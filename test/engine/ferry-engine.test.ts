import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createFerryEngine, type FerryEngine } from '../../src/main/engine/ferry-engine';
import { openLibrary } from '../../src/main/engine/db/library';
import { JobStore } from '../../src/main/engine/jobs/job-store';
import { FerryError } from '../../src/shared/errors';
import { dispatchCall } from '../../src/shared/dispatch';
import type { EventOf, FerryEvent, FerryEventType } from '../../src/shared/events';
import { tempDir, tree } from '../helpers/tree';

/** An engine on a fresh library, with every event it emits collected. */
function setup(): { engine: FerryEngine; events: FerryEvent[]; dbFile: string } {
  const dbFile = path.join(tempDir(), 'library.db');
  const engine = createFerryEngine({ dbFile });
  const events: FerryEvent[] = [];
  engine.onEvent((e) => events.push(e));
  return { engine, events, dbFile };
}

async function waitFor<T extends FerryEventType>(events: FerryEvent[], jobId: string, type: T, nth = 1): Promise<EventOf<T>> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const found = events.filter((e): e is EventOf<T> => e.type === type && e.jobId === jobId);
    if (found.length >= nth) return found[nth - 1]!;
    if (Date.now() > deadline) throw new Error(`no ${type} event for ${jobId}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try { await p; } catch (err) { return err instanceof FerryError ? err.code : `not a FerryError: ${String(err)}`; }
  return 'resolved';
}

test('copies a tree: events flow to onEvent, the job is listed as completed', async () => {
  const { engine, events } = setup();
  try {
    const src = tree(tempDir(), { 'music/a.mp3': 'aaaa', 'music/album/b.mp3': 'bb' });
    const dest = tempDir();
    const { jobId } = await engine.startCopy({ sources: [path.join(src, 'music')], destination: dest, overwrite: 'skip' });
    const done = await waitFor(events, jobId, 'completed');
    assert.equal(done.status, 'done');
    assert.equal(done.copiedFiles, 2);
    assert.equal(fs.readFileSync(path.join(dest, 'music/album/b.mp3'), 'utf8'), 'bb');
    const jobs = await engine.listJobs({});
    assert.equal(jobs.find((j) => j.id === jobId)?.status, 'completed');
  } finally {
    await engine.shutdown();
  }
});

test('a job held by a conflict can be paused, resumed and then answered', async () => {
  const { engine, events } = setup();
  try {
    const src = tree(tempDir(), { 'a.txt': 'new' });
    const dest = tree(tempDir(), { 'a.txt': 'old' });
    const { jobId } = await engine.startCopy({ sources: [path.join(src, 'a.txt')], destination: dest, overwrite: 'prompt' });
    const conflict = await waitFor(events, jobId, 'conflict');
    await engine.pauseJob({ jobId });
    assert.equal((await waitFor(events, jobId, 'jobState')).status, 'paused');
    assert.equal((await engine.listJobs({})).find((j) => j.id === jobId)?.status, 'paused');
    assert.deepEqual(await engine.resumeJob({ jobId }), { jobId });
    assert.equal((await waitFor(events, jobId, 'jobState', 2)).status, 'running');
    await engine.resolveConflict({ jobId, conflictId: conflict.conflictId, resolution: 'replace', applyToAll: false });
    assert.equal((await waitFor(events, jobId, 'completed')).status, 'done');
    assert.equal(fs.readFileSync(path.join(dest, 'a.txt'), 'utf8'), 'new');
    // Finished: no longer live.
    assert.equal(await codeOf(engine.pauseJob({ jobId })), 'JOB_NOT_FOUND');
    assert.equal(await codeOf(engine.resolveConflict({ jobId, conflictId: conflict.conflictId, resolution: 'skip', applyToAll: false })), 'JOB_NOT_FOUND');
  } finally {
    await engine.shutdown();
  }
});

test('cancelling a live job ends it cancelled and leaves the destination file alone', async () => {
  const { engine, events } = setup();
  try {
    const src = tree(tempDir(), { 'a.txt': 'new' });
    const dest = tree(tempDir(), { 'a.txt': 'old' });
    const { jobId } = await engine.startCopy({ sources: [path.join(src, 'a.txt')], destination: dest, overwrite: 'prompt' });
    await waitFor(events, jobId, 'conflict');
    await engine.cancelJob({ jobId });
    assert.equal((await waitFor(events, jobId, 'completed')).status, 'cancelled');
    assert.equal(fs.readFileSync(path.join(dest, 'a.txt'), 'utf8'), 'old');
  } finally {
    await engine.shutdown();
  }
});

test('an interrupted job resumes from its checkpoints through resumeJob; another is dismissed by cancelJob', async () => {
  const { engine, events } = setup();
  try {
    const src = tree(tempDir(), { 'd/1.txt': 'one', 'd/2.txt': 'two' });
    const dest = tree(tempDir(), { 'd/2.txt': 'old two' });
    const { jobId } = await engine.startCopy({ sources: [path.join(src, 'd')], destination: dest, overwrite: 'prompt' });
    await waitFor(events, jobId, 'conflict');
    engine.interruptJob(jobId);
    assert.equal((await waitFor(events, jobId, 'completed')).status, 'interrupted');
    assert.equal((await engine.listJobs({})).find((j) => j.id === jobId)?.status, 'interrupted');

    assert.deepEqual(await engine.resumeJob({ jobId }), { jobId });
    await waitFor(events, jobId, 'resumeDetected');
    const again = await waitFor(events, jobId, 'conflict', 2);
    await engine.resolveConflict({ jobId, conflictId: again.conflictId, resolution: 'replace', applyToAll: true });
    const done = await waitFor(events, jobId, 'completed', 2);
    assert.equal(done.status, 'done');
    assert.equal(fs.readFileSync(path.join(dest, 'd/1.txt'), 'utf8'), 'one');
    assert.equal(fs.readFileSync(path.join(dest, 'd/2.txt'), 'utf8'), 'two');

    const other = await engine.startCopy({ sources: [path.join(src, 'd')], destination: dest, overwrite: 'prompt' });
    await waitFor(events, other.jobId, 'conflict');
    engine.interruptJob(other.jobId);
    await waitFor(events, other.jobId, 'completed');
    await engine.cancelJob({ jobId: other.jobId });
    assert.equal((await engine.listJobs({})).find((j) => j.id === other.jobId)?.status, 'cancelled');
  } finally {
    await engine.shutdown();
  }
});

test('retryFailed starts a new job for a finished one', async () => {
  const { engine, events } = setup();
  try {
    const src = tree(tempDir(), { 'f.txt': 'f' });
    const dest = tempDir();
    const first = await engine.startCopy({ sources: [path.join(src, 'f.txt')], destination: dest, overwrite: 'skip' });
    await waitFor(events, first.jobId, 'completed');
    const retry = await engine.retryFailed({ jobId: first.jobId });
    assert.notEqual(retry.jobId, first.jobId);
    assert.equal((await waitFor(events, retry.jobId, 'completed')).status, 'done');
  } finally {
    await engine.shutdown();
  }
});

test('refusals are typed errors and create no job', async () => {
  const { engine } = setup();
  try {
    const dest = tempDir();
    assert.equal(await codeOf(engine.startCopy({ sources: [path.join(dest, 'missing')], destination: dest, overwrite: 'skip' })), 'SOURCE_NOT_FOUND');
    assert.equal(await codeOf(engine.pauseJob({ jobId: 'nope' })), 'JOB_NOT_FOUND');
    assert.equal(await codeOf(engine.resumeJob({ jobId: 'nope' })), 'JOB_NOT_FOUND');
    assert.equal(await codeOf(engine.cancelJob({ jobId: 'nope' })), 'JOB_NOT_FOUND');
    assert.deepEqual(await engine.listJobs({}), []);
  } finally {
    await engine.shutdown();
  }
});

test('locations: add (indexed), list, reindex, remove', async () => {
  const { engine } = setup();
  try {
    const dir = tree(tempDir(), { 'a.txt': 'a', 'node_modules/x.js': 'x' });
    const loc = await engine.addLocation({ path: dir });
    assert.equal(loc.fileCount, 1);
    fs.writeFileSync(path.join(dir, 'b.txt'), 'bb');
    const again = await engine.reindexLocation({ id: loc.id });
    assert.equal(again.fileCount, 2);
    assert.deepEqual((await engine.listLocations({})).map((l) => l.path), [dir]);
    await engine.removeLocation({ id: loc.id });
    assert.deepEqual(await engine.listLocations({}), []);
  } finally {
    await engine.shutdown();
  }
});

test('at start, jobs left running by a dead process are marked interrupted', async () => {
  const dbFile = path.join(tempDir(), 'library.db');
  const db = openLibrary(dbFile);
  const orphan = new JobStore(db, 2 ** 22 + 12345).create({ kind: 'copy', status: 'running', config: {} });
  db.close();
  const engine = createFerryEngine({ dbFile });
  try {
    assert.equal((await engine.listJobs({})).find((j) => j.id === orphan.id)?.status, 'interrupted');
  } finally {
    engine.close();
  }
});

test('listFolder and places pass through', async () => {
  const { engine } = setup();
  try {
    const dir = tree(tempDir(), { 'x': 'x' });
    assert.deepEqual((await engine.listFolder({ path: dir })).entries.map((e) => e.name), ['x']);
    const p = await engine.places({});
    assert.equal(p.places[0]!.name, 'Home');
  } finally {
    engine.close();
  }
});

test('snapshotEvents: a late listener gets each running job\'s progress, pause and unanswered conflicts', async () => {
  const { engine, events } = setup();
  try {
    const src = tree(tempDir(), { 'd/clash.txt': 'new', 'd/fresh.txt': 'fresh' });
    const dest = tree(tempDir(), { 'd/clash.txt': 'old' });
    const { jobId } = await engine.startCopy({ sources: [path.join(src, 'd')], destination: dest, overwrite: 'prompt' });
    const asked = await waitFor(events, jobId, 'conflict');
    await waitFor(events, jobId, 'discoveryComplete');
    await engine.pauseJob({ jobId });

    const late = engine.snapshotEvents().filter((e) => e.jobId === jobId);
    assert.deepEqual(late.map((e) => e.type).sort(), ['conflict', 'discoveryComplete', 'jobState', 'progress']);
    assert.deepEqual(late.find((e) => e.type === 'conflict'), asked, 'the very conflict, with its id');
    assert.equal(late.find((e): e is EventOf<'jobState'> => e.type === 'jobState')!.status, 'paused');

    await engine.resumeJob({ jobId });
    await engine.resolveConflict({ jobId, conflictId: asked.conflictId, resolution: 'skip', applyToAll: false });
    await waitFor(events, jobId, 'completed');
    assert.deepEqual(engine.snapshotEvents().filter((e) => e.jobId === jobId), [], 'a finished job has nothing to replay');
  } finally {
    await engine.shutdown();
  }
});

test('startCopy takes useIndex, concurrency, rateLimit and priority, checked where the call arrives', async () => {
  const { engine, events } = setup();
  try {
    const src = tree(tempDir(), { 'd/a.txt': 'a' });
    const dest = tempDir();
    const base = { sources: [path.join(src, 'd')], destination: dest, overwrite: 'skip' };
    for (const bad of [{ concurrency: 0 }, { concurrency: 65 }, { rateLimit: -1 }, { priority: 1001 }, { useIndex: 'no' }]) {
      const r = await dispatchCall(engine, 'startCopy', { ...base, ...bad });
      assert.equal(r.ok ? 'ok' : r.error.code, 'INVALID_INPUT', JSON.stringify(bad));
    }
    assert.deepEqual(await engine.listJobs({}), [], 'refused calls create no job');

    const r = await dispatchCall(engine, 'startCopy', { ...base, useIndex: false, concurrency: 3, rateLimit: 1_000_000, priority: 7 });
    assert.ok(r.ok);
    const { jobId } = r.output as { jobId: string };
    assert.equal((await waitFor(events, jobId, 'completed')).status, 'done');
    const [job] = await engine.listJobs({ limit: 1 });
    assert.equal(job!.id, jobId);
    assert.equal(job!.priority, 7);
    assert.deepEqual([job!.config.useIndex, job!.config.concurrency, job!.config.rateLimit], [false, 3, 1_000_000]);
  } finally {
    await engine.shutdown();
  }
});
