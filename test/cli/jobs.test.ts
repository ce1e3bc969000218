import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { JobSummary } from '../../src/shared/types';
import { openLibrary } from '../../src/main/engine/db/library';
import { JobStore } from '../../src/main/engine/jobs/job-store';
import { progressSummary } from '../../src/main/hosts/cli/commands/jobs';
import { tempDir, tree } from '../helpers/tree';
import { ferry, libraryEnv } from '../helpers/ferry-cli';

/** The pid of a process that has exited (and, a moment later, is not reused: the test checks). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

test('ferry jobs shows a job left running by a dead process as interrupted, first', () => {
  const { env, FERRY_DB } = libraryEnv();
  const root = tree(tempDir(), { 'a.txt': 'a' });
  assert.equal(ferry(['index', root], env).code, 0);
  const pid = deadPid();
  const db = openLibrary(FERRY_DB);
  const store = new JobStore(db, pid);
  const job = store.create({ kind: 'copy', status: 'running', config: { sources: ['/src/photos', '/src/music'], destination: '/backup' } });
  store.setStatus(job.id, 'running');
  store.saveProgress(job.id, { copiedFiles: 3, totalFiles: 10, copiedBytes: 3000, totalBytes: 10000, failedFiles: 0 });
  db.close();
  let alive = true;
  try { process.kill(pid, 0); } catch { alive = false; }
  assert.equal(alive, false, 'the owner pid must be gone for this test');

  const r = ferry(['jobs'], env);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines[0]!, /^ID\s+KIND\s+STATUS\s+CREATED\s+PROGRESS$/);
  assert.match(lines[1]!, new RegExp(`^${job.id}\\s+copy\\s+interrupted\\s+just now\\s+3/10 files, 3\\.0 KB of 10\\.0 KB, /src/photos \\+1 more → /backup`));
  assert.match(lines[2]!, /\sindex\s+completed\s+just now\s+1 file, 1 B, \//);
  assert.match(r.stdout, /Resume an interrupted copy or move with: ferry resume JOB_ID/);

  const json = JSON.parse(ferry(['jobs', '--json'], env).stdout) as JobSummary[];
  assert.equal(json[0]!.id, job.id);
  assert.equal(json[0]!.status, 'interrupted');
  assert.equal(json[1]!.kind, 'index');
  // The change is in the database, not just on screen.
  const check = openLibrary(FERRY_DB);
  assert.equal(new JobStore(check).get(job.id)?.status, 'interrupted');
  check.close();
});

test('ferry jobs with no jobs, --limit, and bad input', () => {
  const { env } = libraryEnv();
  assert.equal(ferry(['jobs'], env).stdout, 'No jobs yet.\n');
  const root = tree(tempDir(), { 'a.txt': 'a' });
  ferry(['index', root], env);
  ferry(['index', root], env);
  assert.equal((JSON.parse(ferry(['jobs', '--json'], env).stdout) as unknown[]).length, 2);
  assert.equal((JSON.parse(ferry(['jobs', '--json', '--limit', '1'], env).stdout) as unknown[]).length, 1);
  const bad = ferry(['jobs', '--limit', 'zero'], env);
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr, 'ferry jobs: --limit must be a whole number of at least 1\n');
});

test('a copy that skipped everything says so in its progress summary', () => {
  const job: JobSummary = {
    id: 'j', parentId: null, kind: 'copy', status: 'completed', priority: 0,
    config: { sources: ['/a/src'], destination: '/b' },
    progress: { copiedFiles: 0, totalFiles: 6, copiedBytes: 0, totalBytes: 21, skippedFiles: 6, failedFiles: 0 },
    error: null, createdAt: 0, updatedAt: 0, finishedAt: 0,
  };
  assert.equal(progressSummary(job), '0/6 files, 0 B of 21 B, 6 skipped, /a/src → /b');
});

test('a job whose saved row is damaged is listed as such, and ferry resume refuses it in one line', () => {
  const { env, FERRY_DB } = libraryEnv();
  const db = openLibrary(FERRY_DB);
  const store = new JobStore(db);
  const job = store.create({ kind: 'copy', status: 'interrupted', config: {} });
  db.prepare('UPDATE jobs SET config = ? WHERE id = ?').run('{"sources": ["/photos"', job.id);
  db.close();

  const r = ferry(['jobs'], env);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout.split('\n')[1]!, new RegExp(`^${job.id}\\s+copy\\s+interrupted\\s+just now\\s+damaged row: config is not valid JSON$`));
  assert.equal((JSON.parse(ferry(['jobs', '--json'], env).stdout) as JobSummary[])[0]!.damaged, 'config is not valid JSON');

  const resumed = ferry(['resume', job.id.slice(0, 8)], env);
  assert.equal(resumed.code, 2);
  assert.equal(resumed.stderr, `ferry resume: Job ${job.id}'s saved row is damaged (config is not valid JSON): it cannot be resumed or retried\n`);
});
