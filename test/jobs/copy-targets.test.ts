import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyTargets, overlap } from '../../src/main/engine/jobs/copy-targets';
import type { CopyHandle } from '../../src/main/engine/copy/copy-service';
import type { EventOf, FerryEvent } from '../../src/shared/events';
import { tempDir, tree, manyFiles } from '../helpers/tree';
import { lab, ofType } from '../copy/harness';

const labs: ReturnType<typeof lab>[] = [];
after(() => { for (const l of labs) l.close(); });

test('targets are DEST/<basename(SOURCE)> by the real path of DEST; they overlap when one holds the other', () => {
  const root = tempDir();
  fs.mkdirSync(path.join(root, 'real'));
  fs.symlinkSync('real', path.join(root, 'alias'));
  const real = fs.realpathSync(path.join(root, 'real'));
  assert.deepEqual(copyTargets({ sources: ['/x/photos', '/y/docs/'], destination: path.join(root, 'alias') }),
    [path.join(real, 'photos'), path.join(real, 'docs')]);
  assert.equal(overlap(['/d/photos'], ['/d/photos']), '/d/photos');
  assert.equal(overlap(['/d/photos/2024'], ['/d/photos']), '/d/photos/2024', 'inside the other');
  assert.equal(overlap(['/d/photos'], ['/d/photos/2024']), '/d/photos', 'holding the other');
  assert.equal(overlap(['/d/photos2', '/d/docs'], ['/d/photos']), undefined, 'a shared prefix is not a folder');
});

/** A running copy (under a speed limit) and its events, in a lab (one process, one library). */
async function started(l: ReturnType<typeof lab>, src: string, dest: string, rateLimit?: number) {
  const events: FerryEvent[] = [];
  const waiters: { type: string; status?: string; resolve: (e: FerryEvent) => void }[] = [];
  const handle: CopyHandle = await l.service.start({
    sources: [src], destination: dest, overwrite: 'skip', concurrency: 1, ...(rateLimit ? { rateLimit } : {}),
    onEvent: (e) => {
      events.push(e);
      for (const w of [...waiters]) {
        if (w.type === e.type && (w.status === undefined || (e.type === 'jobState' && e.status === w.status))) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(e);
        }
      }
    },
  });
  const next = (type: string, status?: string) => {
    const seen = events.find((e) => e.type === type && (status === undefined || (e.type === 'jobState' && e.status === status)));
    return seen ? Promise.resolve(seen) : new Promise<FerryEvent>((resolve) => waiters.push({ type, status, resolve }));
  };
  return { handle, events, next };
}

function manyFilesIn(root: string, n: number): string {
  return tree(path.join(root, 'src'), manyFiles(n, 2000, 20));
}

test('in one process, a second copy into the same place waits for the first, then skips its files: N copied, not 2N', async () => {
  const l = lab(); labs.push(l);
  const src = manyFilesIn(l.root, 1000);
  const dest = fs.mkdirSync(path.join(l.root, 'dest'), { recursive: true })!;
  const first = await started(l, src, dest, 1 << 20);
  const second = await started(l, src, dest);
  const waiting = await second.next('jobState', 'waiting') as EventOf<'jobState'>;
  assert.equal(waiting.waitingFor, first.handle.jobId);
  assert.equal(waiting.into, path.join(fs.realpathSync(dest), 'src'));
  assert.equal(l.jobs.store.get(second.handle.jobId)?.status, 'waiting');
  assert.equal(ofType(second.events, 'progress').length, 0, 'nothing done while waiting');

  const [a, b] = await Promise.all([first.handle.done, second.handle.done]);
  assert.equal(a.status, 'done');
  assert.equal(b.status, 'done');
  assert.equal(a.copiedFiles + b.copiedFiles, 1000);
  assert.equal(b.skippedFiles, 1000, 'its destination map saw the first copy\'s files');
  assert.equal(ofType(first.events, 'jobState').length, 0, 'the first never waited');
});

test('a waiting copy can be paused, resumed (it waits again) and cancelled; the first is not disturbed', async () => {
  const l = lab(); labs.push(l);
  const src = manyFilesIn(l.root, 600);
  const dest = fs.mkdirSync(path.join(l.root, 'dest'), { recursive: true })!;
  const first = await started(l, src, dest, 512 << 10);
  const second = await started(l, src, dest);
  await second.next('jobState', 'waiting');
  second.handle.pause();
  await second.next('jobState', 'paused');
  assert.equal(l.jobs.store.get(second.handle.jobId)?.status, 'paused');
  second.handle.resume();
  await new Promise<void>((resolve) => {
    const check = () => (ofType(second.events, 'jobState').filter((e) => e.status === 'waiting').length === 2 ? resolve() : setTimeout(check, 20));
    check();
  });
  assert.equal(l.jobs.store.get(second.handle.jobId)?.status, 'waiting', 'waiting again once resumed');
  second.handle.cancel();
  const b = await second.handle.done;
  assert.equal(b.status, 'cancelled');
  assert.equal(b.copiedFiles, 0);
  assert.equal(l.jobs.store.get(second.handle.jobId)?.status, 'cancelled');

  const a = await first.handle.done;
  assert.equal(a.status, 'done');
  assert.equal(a.copiedFiles, 600);
});

test('copies into different places, or the same DEST with other names, do not wait', async () => {
  const l = lab(); labs.push(l);
  const one = tree(path.join(l.root, 'one'), { 'a.txt': 'a' });
  const two = tree(path.join(l.root, 'two'), { 'b.txt': 'b' });
  const slow = manyFilesIn(l.root, 300);
  const dest = fs.mkdirSync(path.join(l.root, 'dest'), { recursive: true })!;
  const first = await started(l, slow, dest, 256 << 10);
  const others = [await started(l, one, dest), await started(l, two, dest)];
  const done = await Promise.all(others.map((o) => o.handle.done));
  assert.deepEqual(done.map((c) => [c.status, c.copiedFiles]), [['done', 1], ['done', 1]]);
  for (const o of others) assert.equal(ofType(o.events, 'jobState').length, 0);
  first.handle.cancel();
  await first.handle.done;
});
