import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir, tree } from '../helpers/tree';
import { ferry } from '../copy/harness';

test('ferry resume refuses an unknown job and a finished one (exit 2) and copies nothing', async () => {
  const root = tempDir('ferry-cli-resume-');
  const env = { FERRY_DB: path.join(root, 'library.db') };
  const src = tree(path.join(root, 'src'), { 'a.txt': 'a' });
  const dest = fs.mkdirSync(path.join(root, 'dest'), { recursive: true })!;

  const unknown = await ferry(['resume', '00000000-0000-4000-8000-000000000000'], env).exited;
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /No copy job with id/);

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
