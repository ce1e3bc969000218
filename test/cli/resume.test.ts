import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir, tree, manyFiles } from '../helpers/tree';
import Database from 'better-sqlite3';
import type { FerryEvent } from '../../src/shared/events';
import { startFerry as ferry } from '../helpers/ferry-cli';

test('ferry resume refuses an unknown job and a finished one (exit 2) and copies nothing', async () => {
  const root = tempDir('ferry-cli-resume-');
  const env = { FERRY_DB: path.join(root, 'library.db') };
  const src = tree(path.join(root, 'src'), { 'a.txt': 'a' });
  const dest = fs.mkdirSync(path.join(root, 'dest'), { recursive: true })!;

  const unknown = await ferry(['resume', '00000000-0000-4000-8000-000000000000'], env).exited;
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /No copy or move job with id/);

  const done = await ferry(['copy', '--json', src, dest], env).exited;
  assert.equal(done.code, 0, done.stderr);
  const jobId = done.events[0]!.jobId;
  fs.rmSync(path.join(dest, 'src'), { recursive: true });
  const again = await ferry(['resume', jobId], env).exited;
  assert.equal(again.code, 2);
  assert.match(again.stderr, /is completed: only an interrupted, paused or failed copy can be resumed/);
  assert.deepEqual(fs.readdirSync(dest), []);

  const usage = await ferry(['resume'], env).exited;
  assert.equal(usage.code, 2);
});

/** A source of `n` files (2 kB each, in 40 folders) and a `ferry copy` of it killed -9 when `killAt` says. */
async function copyKilled(n: number, killAt: (e: FerryEvent) => boolean) {
  const root = tempDir('ferry-cli-resume-');
  const env = { FERRY_DB: path.join(root, 'library.db') };
  const src = tree(path.join(root, 'src'), manyFiles(n, 2000));
  const dest = fs.mkdirSync(path.join(root, 'dest'), { recursive: true })!;
  // 6 MB at 1 MiB/s: still copying when the first progress arrives.
  const run = ferry(['copy', '--json', '--concurrency', '1', '--limit-rate', '1M', src, dest], env);
  let killed = false;
  run.onEvent((e) => { if (!killed && killAt(e)) { killed = true; run.child.kill('SIGKILL'); } });
  const r = await run.exited;
  assert.equal(r.signal, 'SIGKILL', r.stderr);
  const jobId = r.events[0]!.jobId;
  const db = new Database(env.FERRY_DB, { readonly: true });
  // Files settled (the folders the job made are rows too: 'made', for its undo).
  const settled = (db.prepare(`SELECT COUNT(*) AS n FROM copy_items WHERE job_id = ? AND state IN ('done', 'skipped') AND code IS NOT 'made'`).get(jobId) as { n: number }).n;
  const saved = JSON.parse((db.prepare('SELECT progress FROM jobs WHERE id = ?').get(jobId) as { progress: string | null }).progress ?? '{}') as { discoveryActive?: boolean };
  db.close();
  const resumed = await ferry(['resume', '--json', '--limit-rate', '1G', jobId], env).exited;
  assert.equal(resumed.code, 0, resumed.stderr);
  const detected = resumed.events[0]!;
  assert.ok(detected.type === 'resumeDetected', JSON.stringify(detected));
  const completed = resumed.events.at(-1)!;
  assert.ok(completed.type === 'completed' && completed.status === 'done', JSON.stringify(completed));
  return { detected, settled, completed, counted: saved.discoveryActive === false };
}

test('kill -9 early (before the first checkpoint of progress), then resume: remainingFiles is the count not yet settled', async () => {
  const N = 3000;
  const { detected, settled } = await copyKilled(N, (e) => e.type === 'progress' && e.copiedFiles > 0 && !e.discoveryActive);
  assert.ok(settled > 0 && settled < N, `settled ${settled}`);
  assert.equal(detected.alreadyCompleted, settled);
  assert.equal(detected.remainingFiles, N - settled);
});

test('kill -9 before discovery counted the files: remainingFiles is null (unknown), not 0', async () => {
  const { detected, completed, counted, settled } = await copyKilled(3000, (e) => e.type === 'initialEstimate');
  // Discovery may, rarely, have counted the 3000 files before the kill landed: then the count is right.
  assert.equal(detected.remainingFiles, counted ? 3000 - settled : null);
  assert.equal(completed.copiedFiles, 3000);
});
