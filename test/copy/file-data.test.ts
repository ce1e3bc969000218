import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { tempDir } from '../helpers/tree';
import { runFerry } from '../helpers/ferry-cli';
import type { EventOf, FerryEvent } from '../../src/shared/events';

/** The copy worker's byte loop (file-data.ts), through the real `bin/ferry` on real files. */

function library(): Record<string, string> {
  return { FERRY_DB: path.join(tempDir('ferry-data-db-'), 'library.db') };
}

function completed(events: FerryEvent[]): EventOf<'completed'> {
  const c = events.find((e): e is EventOf<'completed'> => e.type === 'completed');
  assert.ok(c, 'the job completed');
  return c;
}

function failedPaths(events: FerryEvent[]): Map<string, string> {
  return new Map(events.filter((e): e is EventOf<'fileFailed'> => e.type === 'fileFailed').map((e) => [e.path, e.code]));
}

/** Every regular file under `root`, relative, with its size. */
function filesUnder(root: string): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (dir: string, rel: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(dir, e.name), r);
      else if (e.isFile()) out.set(r, fs.statSync(path.join(dir, e.name)).size);
    }
  };
  walk(root, '');
  return out;
}

function readOrNull(p: string): Buffer | null {
  try { return fs.readFileSync(p); } catch { return null; }
}

test('pseudo-files whose size says 0 (/proc/sys/kernel) are copied with their contents, and counted as copied', async () => {
  const dest = tempDir('ferry-proc-');
  const run = await runFerry(['copy', '--json', '/proc/sys/kernel', dest], library());
  assert.notEqual(run.signal, 'SIGKILL', 'the copy ended');
  const done = completed(run.events);
  assert.equal(done.status, 'done');
  for (const name of ['osrelease', 'ostype', 'hostname', 'pid_max']) {
    assert.equal(fs.statSync(path.join('/proc/sys/kernel', name)).size, 0, `${name}: its size says 0`);
    assert.deepEqual(fs.readFileSync(path.join(dest, 'kernel', name)), fs.readFileSync(path.join('/proc/sys/kernel', name)), name);
  }
  const copies = filesUnder(path.join(dest, 'kernel'));
  let bytes = 0;
  for (const size of copies.values()) bytes += size;
  assert.ok(bytes > 0);
  assert.equal(done.copiedBytes, bytes, 'the bytes reported are the bytes copied');
  const failed = failedPaths(run.events);
  for (const [rel, size] of copies) {
    if (size === 0) assert.equal(readOrNull(path.join('/proc/sys/kernel', rel))?.length ?? 0, 0, `${rel} copied empty`);
  }
  for (const rel of filesUnder('/proc/sys/kernel').keys()) {
    assert.ok(copies.has(rel) || failed.has(path.join('/proc/sys/kernel', rel)), `${rel}: copied or reported`);
  }
});

test('/sys/kernel, whose files yield less than their size, is copied to the end: each file copied with its contents or reported', async () => {
  const dest = tempDir('ferry-sys-');
  // Node's copyFileSync spins for ever on such a file: a hang ends in SIGKILL at the deadline.
  const run = await runFerry(['copy', '--json', '/sys/kernel', dest], library(), { deadlineMs: 120_000 });
  assert.equal(run.signal, null, 'the copy ended by itself');
  assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`);
  assert.equal(completed(run.events).status, 'done');
  const known = ['address_bits', 'profiling', 'rcu_expedited', 'fscaps'].filter((n) => fs.existsSync(path.join('/sys/kernel', n)));
  assert.ok(known.length > 0);
  for (const name of known) {
    assert.ok(fs.statSync(path.join('/sys/kernel', name)).size > fs.readFileSync(path.join('/sys/kernel', name)).length, `${name} says more than it has`);
    assert.deepEqual(fs.readFileSync(path.join(dest, 'kernel', name)), fs.readFileSync(path.join('/sys/kernel', name)), name);
  }
  const copies = filesUnder(path.join(dest, 'kernel'));
  const failed = failedPaths(run.events);
  for (const rel of filesUnder('/sys/kernel').keys()) {
    const original = path.join('/sys/kernel', rel);
    assert.ok(copies.has(rel) || failed.has(original), `${rel}: copied or reported`);
    // Counters change between the copy and this read; a copy is never empty where the file has contents.
    if (copies.get(rel) === 0) assert.equal(readOrNull(original)?.length ?? 0, 0, `${rel} copied empty`);
  }
});

/** A source folder with one file of random bytes, and an empty destination. */
function oneFile(name: string, bytes: number) {
  const root = tempDir('ferry-torn-');
  const src = path.join(root, 'src');
  const dest = path.join(root, 'dest');
  fs.mkdirSync(src);
  fs.mkdirSync(dest);
  const file = path.join(src, name);
  fs.writeFileSync(file, randomBytes(bytes));
  return { src, dest, file, copy: path.join(dest, 'src', name) };
}

/** Calls `start` once, at the first progress event that shows bytes of the file copied (its copy has begun). */
function whenCopying(start: () => void): (e: FerryEvent) => void {
  let started = false;
  return (e) => {
    if (started || e.type !== 'progress' || e.copiedBytes === 0) return;
    started = true;
    start();
  };
}

/** Writes 64 KiB of random bytes at a random place of `file` every 10 ms, until stopped. */
function scribbler(file: string): { stop(): void } {
  const size = fs.statSync(file).size;
  const timer = setInterval(() => {
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, randomBytes(64 * 1024), 0, 64 * 1024, Math.floor(Math.random() * (size - 64 * 1024)));
    fs.closeSync(fd);
  }, 10);
  return { stop: () => clearInterval(timer) };
}

const MiB = 1024 * 1024;

test('a file written into while it is copied is copied again: the copy is its final version, with its mtime', async () => {
  const f = oneFile('big.bin', 8 * MiB);
  // 8 MiB at 4 MiB/s: the copy takes about two seconds, and the writes land in its first attempt.
  const run = await runFerry(['copy', '--json', '--limit-rate', '4M', f.src, f.dest], library(), {
    onEvent: whenCopying(() => { const w = scribbler(f.file); setTimeout(() => w.stop(), 500); }),
  });
  assert.equal(run.code, 0, run.stderr);
  const after = fs.statSync(f.file, { bigint: true });
  assert.ok(fs.readFileSync(f.copy).equals(fs.readFileSync(f.file)), 'the copy is the final version, not a torn mix');
  const off = fs.statSync(f.copy, { bigint: true }).mtimeNs - after.mtimeNs;
  assert.ok(off > -1000n && off < 1000n, `with the final mtime (to the microsecond utimes keeps): ${off} ns off`);
  assert.equal(completed(run.events).copiedBytes, 8 * MiB, 'one copy counted');
});

test('a file that keeps changing is reported SOURCE_CHANGED (exit 1); the file at the destination stays as it was', async () => {
  const f = oneFile('busy.bin', 4 * MiB);
  fs.mkdirSync(path.dirname(f.copy));
  fs.writeFileSync(f.copy, 'the old copy');
  let writer: { stop(): void } | null = null;
  // 4 MiB at 4 MiB/s: each of the attempts takes most of a second, and a write lands in every one.
  const run = await runFerry(['copy', '--json', '--overwrite', 'replace', '--limit-rate', '4M', f.src, f.dest], library(), {
    onEvent: whenCopying(() => { writer = scribbler(f.file); }),
  });
  (writer as { stop(): void } | null)?.stop();
  assert.equal(run.code, 1, run.stderr);
  assert.deepEqual([...failedPaths(run.events)], [[f.file, 'SOURCE_CHANGED']]);
  assert.equal(fs.readFileSync(f.copy, 'utf8'), 'the old copy');
  assert.deepEqual(fs.readdirSync(path.dirname(f.copy)), ['busy.bin'], 'no temp left');
});

test('a file truncated while it is read is copied again as it now is, without spinning', async () => {
  const f = oneFile('shrinks.bin', 8 * MiB);
  const run = await runFerry(['copy', '--json', '--limit-rate', '4M', f.src, f.dest], library(), {
    onEvent: whenCopying(() => fs.truncateSync(f.file, MiB)),
  });
  assert.equal(run.signal, null, 'ended by itself');
  assert.equal(run.code, 0, run.stderr);
  assert.equal(fs.statSync(f.file).size, MiB);
  assert.ok(fs.readFileSync(f.copy).equals(fs.readFileSync(f.file)));
  assert.equal(completed(run.events).copiedBytes, MiB);
});
