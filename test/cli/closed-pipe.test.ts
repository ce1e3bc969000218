import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir, tree } from '../helpers/tree';
import { ferry, libraryEnv, startFerry, type CliResult } from '../helpers/ferry-cli';

/** Runs bin/ferry with its stdout a pipe whose reader is gone before ferry writes (`ferry … | head -0`). */
function withReaderGone(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  const run = startFerry(args, env);
  run.child.stdout!.destroy(); // Node takes tens of milliseconds to start: ferry's first write meets a closed pipe
  return run.exited;
}

test('a reader that goes away ends ferry quietly with status 141, as SIGPIPE ends other tools', async () => {
  const { env } = libraryEnv();
  const r = await withReaderGone(['jobs'], env);
  assert.equal(r.stderr, '', 'no stack trace');
  assert.equal(r.code, 141);
});

test('a copy whose reader goes away ends with 141 and resumes to the same tree', async () => {
  const { env } = libraryEnv();
  const root = tempDir();
  const spec: Record<string, string> = {};
  for (let i = 0; i < 30; i++) spec[`f${i}.bin`] = 'x'.repeat(100_000);
  const src = tree(path.join(root, 'src'), spec);
  const dest = fs.mkdirSync(path.join(root, 'dest'), { recursive: true })!;
  // 3 MB at 1 MB/s: still copying when its first event meets the closed pipe.
  const r = await withReaderGone(['copy', '--json', '--overwrite', 'replace', '--limit-rate', '1M', src, dest], env);
  assert.equal(r.code, 141);
  assert.equal(r.stderr, '');
  const jobs = ferry(['jobs', '--json'], env);
  const [job] = JSON.parse(jobs.stdout) as { id: string; status: string }[];
  assert.equal(job!.status, 'interrupted');
  const resumed = ferry(['resume', '--limit-rate', '0', job!.id], env);
  assert.equal(resumed.code, 0, resumed.stderr);
  for (const name of Object.keys(spec)) assert.equal(fs.readFileSync(path.join(dest, 'src', name), 'utf8'), spec[name]);
  assert.deepEqual(fs.readdirSync(path.join(dest, 'src')).sort(), Object.keys(spec).sort(), 'no temporary file left');
});
