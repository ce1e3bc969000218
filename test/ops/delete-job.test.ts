import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createFerryEngine, type FerryEngine } from '../../src/main/engine/ferry-engine';
import { FerryError } from '../../src/shared/errors';
import type { EventOf, FerryEvent } from '../../src/shared/events';
import { manyFiles, symlink, tempDir, tree } from '../helpers/tree';

/** An engine on a fresh library; `run` deletes and resolves with every event of the job once it completed. */
function setup(): { engine: FerryEngine; run: (paths: string[], onEvent?: (e: FerryEvent, jobId: string) => void) => Promise<FerryEvent[]> } {
  const engine = createFerryEngine({ dbFile: path.join(tempDir(), 'library.db'), browsing: false });
  const run = async (paths: string[], onEvent?: (e: FerryEvent, jobId: string) => void) => {
    const events: FerryEvent[] = [];
    let done!: () => void;
    const finished = new Promise<void>((r) => { done = r; });
    await engine.deleteItems({ paths }, {
      onEvent: (e) => {
        events.push(e);
        onEvent?.(e, e.jobId);
        if (e.type === 'completed') done();
      },
    });
    await finished;
    return events;
  };
  return { engine, run };
}

const completedOf = (events: FerryEvent[]) => events.find((e): e is EventOf<'completed'> => e.type === 'completed')!;

test('deletes files, folders and links (never a link\'s target) as a listed delete job with progress', async () => {
  const { engine, run } = setup();
  try {
    const keep = tree(tempDir(), { 'target.txt': 'stays' });
    const dir = tree(tempDir(), { 'a.txt': 'aaaa', 'tree/b.txt': 'bb', 'tree/deep/c.txt': 'c', 'tree/link': symlink(path.join(keep, 'target.txt')), 'other.txt': 'o' });
    const events = await run([path.join(dir, 'a.txt'), path.join(dir, 'tree')]);
    assert.deepEqual(fs.readdirSync(dir), ['other.txt']);
    assert.equal(fs.readFileSync(path.join(keep, 'target.txt'), 'utf8'), 'stays');
    const first = events[0]!;
    assert.equal(first.type, 'initialEstimate');
    assert.equal(first.type === 'initialEstimate' && first.operation, 'delete');
    const discovered = events.find((e) => e.type === 'discoveryComplete');
    assert.deepEqual(discovered && { n: discovered.totalDiscovered, bytes: discovered.discoveryBytes }, { n: 6, bytes: 7 + path.join(keep, 'target.txt').length }, 'a link counts its own size: the length of its target');
    const completed = completedOf(events);
    assert.deepEqual({ status: completed.status, removed: completed.copiedFiles, failed: completed.failedFiles, operation: completed.operation },
      { status: 'done', removed: 6, failed: 0, operation: 'delete' });
    const progress = events.filter((e): e is EventOf<'progress'> => e.type === 'progress');
    assert.ok(progress.length > 0);
    assert.deepEqual(progress.map((p) => p.fraction), [...progress.map((p) => p.fraction)].sort((a, b) => a! - b!), 'the fraction never goes back');
    assert.equal(progress.at(-1)!.fraction, 1);
    const job = (await engine.listJobs({})).find((j) => j.id === completed.jobId);
    assert.deepEqual(job && { kind: job.kind, status: job.status }, { kind: 'delete', status: 'completed' });
  } finally {
    await engine.shutdown();
  }
});

test('cancel stops between two entries: what is gone is gone, the rest stays whole, the job says so', async () => {
  const { engine, run } = setup();
  try {
    const dir = tree(tempDir(), manyFiles(2000, 10, 20));
    let cancelled = false;
    const events = await run([dir], (e, jobId) => {
      if (e.type === 'progress' && e.copiedFiles > 0 && !cancelled) {
        cancelled = true;
        void engine.cancelJob({ jobId });
      }
    });
    const completed = completedOf(events);
    assert.equal(completed.status, 'cancelled');
    assert.match(completed.message ?? '', /^Stopped: \d+ of 2021 items were deleted, the rest is still there$/);
    const left = fs.readdirSync(dir, { recursive: true }).length;
    assert.ok(left > 0 && left < 2020, `${left} entries left`);
    assert.equal(left, 2020 - completed.copiedFiles, 'every entry counted as removed is gone, every other one is there');
    const job = (await engine.listJobs({})).find((j) => j.id === completed.jobId);
    assert.equal(job?.status, 'cancelled');
  } finally {
    await engine.shutdown();
  }
});

test('what cannot be removed is reported, the rest goes; its folders stay without a report each', async (t) => {
  if (process.getuid?.() !== 0) return t.skip('needs root to mount a tmpfs (a mount point cannot be removed)');
  const { engine, run } = setup();
  const dir = tree(tempDir(), { 'top/a.txt': 'a', 'top/busy/x': '', 'top/z.txt': 'z' });
  const busy = path.join(dir, 'top', 'busy');
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', busy]);
  try {
    fs.writeFileSync(path.join(busy, 'inside.txt'), 'removed too');
    const events = await run([path.join(dir, 'top')]);
    const failures = events.filter((e): e is EventOf<'fileFailed'> => e.type === 'fileFailed');
    assert.deepEqual(failures.map((f) => f.path), [busy]);
    assert.equal(failures[0]!.code, 'INTERNAL'); // EBUSY: not one of the codes the UI names
    assert.deepEqual(fs.readdirSync(path.join(dir, 'top')), ['busy']);
    assert.deepEqual(fs.readdirSync(busy), []);
    const completed = completedOf(events);
    assert.deepEqual({ status: completed.status, failed: completed.failedFiles, message: completed.message },
      { status: 'done', failed: 1, message: '1 item could not be deleted' });
  } finally {
    execFileSync('umount', [busy]);
    await engine.shutdown();
  }
});

test('refusals are checked before anything is removed: /, home, a location root, a missing path', async () => {
  const { engine } = setup();
  try {
    const dir = tree(tempDir(), { 'a.txt': 'a', 'loc/b.txt': 'b' });
    await engine.addLocation({ path: path.join(dir, 'loc') });
    const cases: Array<[string[], string, RegExp]> = [
      [[path.join(dir, 'a.txt'), '/'], 'INVALID_INPUT', /root folder/],
      [[os.homedir()], 'INVALID_INPUT', /home folder/],
      [[path.join(dir, 'a.txt'), path.join(dir, 'loc')], 'INVALID_INPUT', /is a location of the library/],
      [[path.join(dir, 'a.txt'), path.join(dir, 'missing')], 'SOURCE_NOT_FOUND', /No such file or directory: .*missing/],
    ];
    for (const [paths, code, message] of cases) {
      await assert.rejects(engine.deleteItems({ paths }), (err: unknown) => err instanceof FerryError && err.code === code && message.test(err.message), paths.join(' '));
    }
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.txt', 'loc']);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'loc')), ['b.txt']);
  } finally {
    await engine.shutdown();
  }
});
