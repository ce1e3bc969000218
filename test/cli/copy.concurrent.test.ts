import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EventOf } from '../../src/shared/events';
import { tempDir, tree, manyFiles } from '../helpers/tree';
import { ferry, runFerry, startFerry } from '../helpers/ferry-cli';

function setup(n: number) {
  const root = tempDir('ferry-cli-concurrent-');
  const env = { FERRY_DB: path.join(root, 'library.db') };
  const src = tree(path.join(root, 'src'), manyFiles(n, 2000, 20));
  const dest = fs.mkdirSync(path.join(root, 'dest'), { recursive: true })!;
  return { env, src, dest };
}

const waitingOf = (events: { type: string }[]) => events.filter((e): e is EventOf<'jobState'> => e.type === 'jobState' && (e as EventOf<'jobState'>).status === 'waiting');

test('two `ferry copy` processes into one DEST at once: one waits for the other; N files copied in all, not 2N', async () => {
  const N = 1000;
  const { env, src, dest } = setup(N);
  const first = startFerry(['copy', '--json', '--limit-rate', '1M', src, dest], env);
  const second = startFerry(['copy', '--json', src, dest], env);
  let jobsWhileWaiting: { id: string; status: string; error: string | null }[] | null = null;
  for (const run of [first, second]) {
    run.onEvent((e) => {
      if (jobsWhileWaiting || e.type !== 'jobState' || e.status !== 'waiting') return;
      jobsWhileWaiting = JSON.parse(ferry(['jobs', '--json'], env).stdout);
    });
  }
  const [a, b] = await Promise.all([first.exited, second.exited]);
  assert.equal(a.code, 0, a.stderr);
  assert.equal(b.code, 0, b.stderr);
  const ca = a.events.at(-1) as EventOf<'completed'>;
  const cb = b.events.at(-1) as EventOf<'completed'>;
  assert.equal(ca.copiedFiles + cb.copiedFiles, N);
  assert.equal(ca.skippedFiles + cb.skippedFiles, N, 'the one that waited skipped what the other had copied');
  // Whichever claimed the destination first ran; the other waited for it, and said so.
  const waits = [a, b].map((r) => waitingOf(r.events));
  assert.equal(waits.filter((w) => w.length > 0).length, 1, 'exactly one waited');
  const waiter = waits[0]!.length > 0 ? 0 : 1;
  const other = [ca, cb][1 - waiter]!;
  assert.equal(waits[waiter]![0]!.waitingFor, other.jobId);
  assert.equal(waits[waiter]![0]!.into, path.join(fs.realpathSync(dest), 'src'));
  const listed = jobsWhileWaiting as { id: string; status: string; error: string | null }[] | null;
  assert.ok(listed, 'ferry jobs ran while one waited');
  assert.equal(listed.find((j) => j.id === [ca, cb][waiter]!.jobId)?.status, 'waiting');
});

test('a copy whose process was killed (-9) does not block the next one into the same DEST', async () => {
  const N = 1000;
  const { env, src, dest } = setup(N);
  const first = startFerry(['copy', '--json', '--concurrency', '1', '--limit-rate', '512K', src, dest], env);
  let killed = false;
  first.onEvent((e) => { if (!killed && e.type === 'progress' && e.copiedFiles > 0) { killed = true; first.child.kill('SIGKILL'); } });
  assert.equal((await first.exited).signal, 'SIGKILL');
  const next = await runFerry(['copy', '--json', src, dest], env);
  assert.equal(next.code, 0, next.stderr);
  assert.deepEqual(waitingOf(next.events), []);
  const done = next.events.at(-1) as EventOf<'completed'>;
  assert.equal(done.copiedFiles + done.skippedFiles, N);
});
