import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SharedRateLimit, parseRate } from '../../src/main/engine/copy/rate-limit';
import { FerryError } from '../../src/shared/errors';
import { snapshot } from '../helpers/tree';
import { copy, lab } from './harness';

const S = 1_000_000_000n; // ns in a second

describe('SharedRateLimit', () => {
  test('lets a burst through, then makes each chunk wait exactly as long as the debt takes to pay', () => {
    const limit = new SharedRateLimit(SharedRateLimit.buffer(1_000_000)); // 1 MB/s: a burst of 0.2 s
    assert.equal(limit.charge(200_000, 10n * S), 0n, 'the burst goes at once');
    assert.equal(limit.charge(500_000, 10n * S), S / 2n, 'a big chunk: half a second of debt');
    assert.equal(limit.charge(100_000, 10n * S + S / 4n), S / 2n + S / 10n - S / 4n, 'the wait counts from now');
  });

  test('an idle spell earns no more than the burst, and workers sharing it hold the rate together', () => {
    const buffer = SharedRateLimit.buffer(1_000_000);
    const a = new SharedRateLimit(buffer);
    const b = new SharedRateLimit(buffer); // a second worker's view of the same memory
    a.charge(200_000, 0n);
    assert.equal(a.charge(200_000, 60n * S), 0n, 'a minute idle: one burst goes at once…');
    assert.ok(a.charge(100_000, 60n * S) > 0n, '…not 60 MB');
    // Two workers send 100 kB chunks as fast as the limit lets them, for 10 simulated seconds.
    let sent = 0;
    const clocks = [60n * S, 60n * S];
    while (clocks[0]! < 70n * S || clocks[1]! < 70n * S) {
      const k = clocks[0]! <= clocks[1]! ? 0 : 1;
      const wait = (k === 0 ? a : b).charge(100_000, clocks[k]!);
      sent += 100_000;
      clocks[k] = clocks[k]! + wait;
    }
    assert.ok(sent <= 10_500_000 && sent >= 9_500_000, `~10 MB in 10 s between two workers, got ${sent}`);
  });

  test('refuses a rate that is not positive', () => {
    assert.throws(() => SharedRateLimit.buffer(0), RangeError);
    assert.throws(() => SharedRateLimit.buffer(Number.NaN), RangeError);
  });
});

describe('parseRate', () => {
  test('reads bytes a second with K, M and G as powers of 1024', () => {
    assert.equal(parseRate('100000'), 100_000);
    assert.equal(parseRate('512K'), 512 * 1024);
    assert.equal(parseRate('20M'), 20 * 1024 ** 2);
    assert.equal(parseRate('1.5g'), 1.5 * 1024 ** 3);
    assert.equal(parseRate('4MB/s'), 4 * 1024 ** 2);
    assert.equal(parseRate('4MiB'), 4 * 1024 ** 2);
    assert.equal(parseRate('0'), 0, 'no limit');
  });

  test('says what a good value looks like when the text is not a speed', () => {
    for (const bad of ['', 'fast', '-1M', '0.5', '12Q', '1e9']) {
      assert.throws(() => parseRate(bad), (e: unknown) => e instanceof FerryError && e.code === 'INVALID_INPUT' && /512K, 20M or 1G/.test(e.message), bad);
    }
  });
});

describe('a copy under a speed limit', () => {
  test('takes at least as long as the limit allows, copies every byte, and records its limit with the job', async () => {
    const l = lab();
    try {
      const src = path.join(l.root, 'media');
      fs.mkdirSync(src);
      for (let i = 0; i < 16; i++) fs.writeFileSync(path.join(src, `clip-${i}.bin`), Buffer.alloc(64 * 1024, i));
      const dest = path.join(l.root, 'dest');
      fs.mkdirSync(dest);
      const rate = 512 * 1024; // 1 MiB of files at 512 KiB/s, minus the first 102 kB burst: ≥ 1.8 s
      const started = performance.now();
      const run = await copy(l, { sources: [src], destination: dest, overwrite: 'skip', rateLimit: rate, useIndex: false });
      const elapsed = performance.now() - started;
      assert.equal(run.completed.status, 'done');
      assert.deepEqual(snapshot(path.join(dest, 'media')), snapshot(src));
      // A lower bound only: a loaded machine makes the copy slower, never faster than the limit.
      assert.ok(elapsed >= 1_700, `1 MiB at 512 KiB/s took only ${Math.round(elapsed)} ms`);
      assert.equal((l.jobs.store.get(run.handle.jobId)!.config as { rateLimit?: number }).rateLimit, rate);
    } finally {
      l.close();
    }
  });
});

test('the limit holds for large files too: charged as bytes flow, not per file handed out', async () => {
  const l = lab();
  try {
    const src = path.join(l.root, 'big');
    fs.mkdirSync(src);
    for (let i = 0; i < 3; i++) fs.writeFileSync(path.join(src, `part-${i}.bin`), Buffer.alloc(4 * 1024 * 1024, i + 1));
    const dest = path.join(l.root, 'dest');
    fs.mkdirSync(dest);
    // 12 MiB at 4 MiB/s, less one burst (0.8 MiB): at least 2.8 s. Two workers share the one limit.
    const started = performance.now();
    const run = await copy(l, { sources: [src], destination: dest, overwrite: 'skip', rateLimit: 4 * 1024 * 1024, useIndex: false, concurrency: 2 });
    const elapsed = performance.now() - started;
    assert.equal(run.completed.status, 'done');
    assert.deepEqual(snapshot(path.join(dest, 'big')), snapshot(src));
    assert.ok(elapsed >= 2_500, `12 MiB at 4 MiB/s took only ${Math.round(elapsed)} ms`);
  } finally {
    l.close();
  }
});

test('a resume can replace the job\'s limit, or lift it with 0; the job row keeps the choice', async () => {
  const l = lab();
  try {
    const src = path.join(l.root, 'src');
    fs.mkdirSync(src);
    for (let i = 0; i < 64; i++) fs.writeFileSync(path.join(src, `f${i}.bin`), Buffer.alloc(16 * 1024, i));
    const dest = path.join(l.root, 'dest');
    fs.mkdirSync(dest);
    const limitOf = (jobId: string) => (l.jobs.store.get(jobId)!.config as { rateLimit?: number }).rateLimit;
    // 1 MiB at 64 KiB/s: interrupted long before the end.
    const first = await copy(l, { sources: [src], destination: dest, overwrite: 'skip', rateLimit: 64 * 1024, concurrency: 1 }, (e, h) => {
      if (e.type === 'progress' && e.copiedFiles > 0) h().cancel('interrupt');
    });
    assert.equal(first.completed.status, 'interrupted');
    const jobId = first.handle.jobId;
    assert.equal(limitOf(jobId), 64 * 1024);

    const slower = await l.service.resume(jobId, undefined, { rateLimit: 32 * 1024 });
    assert.equal(limitOf(jobId), 32 * 1024);
    slower.cancel('interrupt');
    assert.equal((await slower.done).status, 'interrupted');

    const unlimited = await l.service.resume(jobId, undefined, { rateLimit: 0 });
    assert.equal(limitOf(jobId), undefined, 'lifted');
    assert.equal((await unlimited.done).status, 'done');
    assert.deepEqual(snapshot(path.join(dest, 'src')), snapshot(src));
  } finally {
    l.close();
  }
});
