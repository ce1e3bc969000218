import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { tempDir } from '../helpers/tree';
import { runFerry } from '../helpers/ferry-cli';
import { tempLeftovers } from '../copy/harness';
import type { EventOf, FerryEvent } from '../../src/shared/events';

/**
 * SIGTERM (and Ctrl-C) end a copy with exit 3, resumable, within about a second: the workers check the
 * job's stop flag between chunks of a file, and a worker waiting for the speed limit is woken. The
 * deadline SIGKILLs a process that ignores the signal, which fails the test.
 */

function completed(events: FerryEvent[]): EventOf<'completed'> | undefined {
  return events.find((e): e is EventOf<'completed'> => e.type === 'completed');
}

/** Sends SIGTERM once, when a progress event shows bytes copied. */
function termWhenCopying(): (e: FerryEvent, child: ChildProcess) => void {
  let sent = false;
  return (e, child) => {
    if (sent || e.type !== 'progress' || e.copiedBytes === 0) return;
    sent = true;
    child.kill('SIGTERM');
  };
}

test('SIGTERM in the middle of a large file under a speed limit: exit 3, no temp left, and the resume copies it whole', async () => {
  const root = tempDir('ferry-term-');
  const env = { FERRY_DB: path.join(root, 'library.db') };
  const src = path.join(root, 'src');
  const dest = path.join(root, 'dest');
  fs.mkdirSync(src);
  fs.mkdirSync(dest);
  fs.writeFileSync(path.join(src, 'large.bin'), randomBytes(64 * 1024 * 1024));
  // 64 MiB at 2 MiB/s: half a minute, unless the signal stops it.
  const run = await runFerry(['copy', '--json', '--limit-rate', '2M', src, dest], env, { deadlineMs: 20_000, onEvent: termWhenCopying() });
  assert.equal(run.signal, null, 'it ended on SIGTERM, not at the deadline');
  assert.equal(run.code, 3, run.stderr);
  assert.equal(completed(run.events)?.status, 'interrupted');
  assert.deepEqual(tempLeftovers(dest), [], 'the torn temp was removed');
  assert.equal(fs.existsSync(path.join(dest, 'src', 'large.bin')), false);

  const resumed = await runFerry(['resume', '--json', '--limit-rate', '0', run.events[0]!.jobId], env);
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.ok(fs.readFileSync(path.join(dest, 'src', 'large.bin')).equals(fs.readFileSync(path.join(src, 'large.bin'))));
  assert.deepEqual(tempLeftovers(dest), []);
});

test('SIGTERM during a copy of /sys/kernel (files that yield less than their size): exit 3, then the resume finishes it', async () => {
  const root = tempDir('ferry-term-sys-');
  const env = { FERRY_DB: path.join(root, 'library.db') };
  const dest = path.join(root, 'dest');
  fs.mkdirSync(dest);
  // A limit keeps the copy going long enough for the signal to land in its middle.
  const run = await runFerry(['copy', '--json', '--limit-rate', '512K', '/sys/kernel', dest], env, { deadlineMs: 30_000, onEvent: termWhenCopying() });
  assert.equal(run.signal, null, 'it ended on SIGTERM, not at the deadline');
  assert.equal(run.code, 3, run.stderr);
  assert.equal(completed(run.events)?.status, 'interrupted');
  assert.deepEqual(tempLeftovers(dest), []);
  const resumed = await runFerry(['resume', '--json', '--limit-rate', '0', run.events[0]!.jobId], env, { deadlineMs: 120_000 });
  assert.equal(resumed.signal, null);
  assert.ok(resumed.code === 0 || resumed.code === 1, resumed.stderr);
  assert.equal(completed(resumed.events)?.status, 'done');
  assert.deepEqual(fs.readFileSync(path.join(dest, 'kernel', 'address_bits')), fs.readFileSync('/sys/kernel/address_bits'));
  assert.deepEqual(tempLeftovers(dest), []);
});
