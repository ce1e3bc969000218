import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { EventOf, FerryEvent } from '../../src/shared/events';
import { FerryError } from '../../src/shared/errors';
import { tempDir, tree } from '../helpers/tree';
import { lab } from '../copy/harness';

/** Resolves with the first event of `type` that `events` receives. */
function next<T extends FerryEvent['type']>(on: (l: (e: FerryEvent) => void) => void, type: T): Promise<EventOf<T>> {
  return new Promise((resolve) => on((e) => { if (e.type === type) resolve(e as EventOf<T>); }));
}

test('the registry: a copy is reachable by id while it runs, its events reach every listener, and it is forgotten once completed', async () => {
  const l = lab();
  try {
    const root = tree(tempDir(), { 'src/a.txt': 'new', 'dest/src/a.txt': 'old' });
    const seen: FerryEvent[] = [];
    l.jobs.onEvent((e) => seen.push(e));
    const handle = await l.service.start({ sources: [path.join(root, 'src')], destination: path.join(root, 'dest'), overwrite: 'prompt' });
    assert.equal(l.jobs.handle(handle.jobId), handle);
    assert.deepEqual(l.jobs.handles(), [handle]);

    const conflict = await next((f) => handle.onEvent(f), 'conflict');
    l.jobs.liveHandle(handle.jobId).resolve({ conflictId: conflict.conflictId, resolution: 'skip', applyToAll: false });
    const completed = await handle.done;
    assert.equal(completed.status, 'done');
    assert.equal(seen[0]!.type, 'initialEstimate', 'listeners see the job from its first event');
    assert.equal(seen.at(-1), completed);

    assert.equal(l.jobs.handle(handle.jobId), undefined);
    assert.deepEqual(l.jobs.handles(), []);
    assert.throws(() => l.jobs.liveHandle(handle.jobId), (err: unknown) => err instanceof FerryError
      && err.code === 'JOB_NOT_FOUND' && err.message === `Job ${handle.jobId} is not running (it is completed)`);
    assert.throws(() => l.jobs.liveHandle('no-such-job'), { message: 'No job with id no-such-job' });
  } finally {
    l.close();
  }
});

test('closing the registry interrupts every live job, resumable', async () => {
  const l = lab();
  try {
    const root = tree(tempDir(), { 'src/a.txt': 'new', 'dest/src/a.txt': 'old' });
    const handle = await l.service.start({ sources: [path.join(root, 'src')], destination: path.join(root, 'dest'), overwrite: 'prompt' });
    await next((f) => handle.onEvent(f), 'conflict');
    l.jobs.close();
    assert.equal((await handle.done).status, 'interrupted');
    assert.equal(l.jobs.store.get(handle.jobId)!.status, 'interrupted');
  } finally {
    l.close();
  }
});
