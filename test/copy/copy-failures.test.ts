import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { snapshot, tempDir, tree } from '../helpers/tree';
import { lab, ofType, tempLeftovers } from './harness';
import { runFerry } from '../helpers/ferry-cli';
import type { FerryEvent } from '../../src/shared/events';

/** A real full disk: a 1 MiB tmpfs (needs root; skipped with the reason otherwise). */
function tinyDisk(): { dir: string; grow(): void; remove(): void } | string {
  const dir = tempDir('ferry-tmpfs-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'pipe' });
  } catch (err) {
    return `cannot mount a tmpfs here (${(err as Error).message.split('\n')[0]})`;
  }
  return {
    dir,
    grow: () => execFileSync('mount', ['-o', 'remount,size=8m', dir]),
    remove: () => { try { execFileSync('umount', ['-l', dir]); } catch { /* already gone */ } },
  };
}

const bigFiles = { 'a.bin': Buffer.alloc(400_000, 1), 'b.bin': Buffer.alloc(400_000, 2), 'c.bin': Buffer.alloc(400_000, 3), 'small.txt': 'small' };

test('a full disk pauses the job with a clear message, removes the temp file, and resume finishes once space is freed', async (t) => {
  const disk = tinyDisk();
  if (typeof disk === 'string') { t.skip(disk); return; }
  const l = lab();
  try {
    const src = tree(path.join(l.root, 'src'), bigFiles);
    const events: FerryEvent[] = [];
    let resumed = false;
    const handle = await l.service.start({
      sources: [src], destination: disk.dir, overwrite: 'skip', concurrency: 1,
      onEvent: (e) => {
        events.push(e);
        if (e.type === 'jobState' && e.status === 'paused' && !resumed) {
          resumed = true;
          setTimeout(() => {
            assert.deepEqual(tempLeftovers(disk.dir), [], 'the partial temp file was removed');
            assert.equal(l.jobs.store.get(handle.jobId)!.status, 'paused');
            disk.grow();
            handle.resume();
          }, 100);
        }
      },
    });
    const completed = await handle.done;
    const paused = ofType(events, 'jobState').find((e) => e.status === 'paused');
    assert.ok(paused, 'a jobState paused event');
    assert.match(paused.reason ?? '', /no space left/i);
    assert.equal(completed.status, 'done');
    assert.equal(completed.failedFiles, 0);
    assert.deepEqual(snapshot(path.join(disk.dir, 'src')), snapshot(src));
  } finally {
    l.close();
    disk.remove();
  }
});

test('ferry copy on a full disk stops resumably (exit 3); ferry resume finishes after space is freed', async (t) => {
  const disk = tinyDisk();
  if (typeof disk === 'string') { t.skip(disk); return; }
  try {
    const root = tempDir('ferry-cli-enospc-');
    const env = { FERRY_DB: path.join(root, 'library.db') };
    const src = tree(path.join(root, 'src'), bigFiles);
    const r = await runFerry(['copy', '--concurrency', '1', src, disk.dir], env);
    assert.equal(r.code, 3, r.stdout + r.stderr);
    assert.match(r.stderr, /paused: There is no space left to write /);
    assert.match(r.stdout, /Resume with: ferry resume ([0-9a-f-]{36})/);
    assert.deepEqual(tempLeftovers(disk.dir), []);
    const jobId = /ferry resume ([0-9a-f-]{36})/.exec(r.stdout)![1]!;
    disk.grow();
    const again = await runFerry(['resume', jobId], env);
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.deepEqual(snapshot(path.join(disk.dir, 'src')), snapshot(src));
    assert.ok(fs.existsSync(path.join(disk.dir, 'src', 'small.txt')));
  } finally {
    disk.remove();
  }
});
