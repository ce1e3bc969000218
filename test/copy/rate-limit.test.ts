import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RateLimit, parseRate } from '../../src/main/engine/copy/rate-limit';
import { FerryError } from '../../src/shared/errors';
import { snapshot } from '../helpers/tree';
import { copy, lab } from './harness';

describe('RateLimit', () => {
  test('lets a burst through, then makes the job wait exactly as long as the debt takes to pay', () => {
    const limit = new RateLimit(1_000_000, 0); // 1 MB/s: a burst of 200 kB
    assert.equal(limit.delayMs(0), 0);
    assert.equal(limit.available(0), 200_000);
    limit.charge(700_000, 0); // a big file goes through on credit: 500 kB of debt
    assert.equal(limit.delayMs(0), 500);
    assert.equal(limit.delayMs(250), 250);
    assert.equal(limit.delayMs(500), 0);
    assert.equal(limit.available(500), 0);
  });

  test('an idle spell refills no more than the burst: the average rate holds', () => {
    const limit = new RateLimit(1_000_000, 0);
    limit.charge(200_000, 0);
    assert.equal(limit.available(60_000), 200_000, 'a minute idle earns one burst, not 60 MB');
    let sent = 0;
    let now = 60_000;
    // Send 100 kB files as fast as the limit allows for 10 simulated seconds.
    while (now < 70_000) {
      const wait = limit.delayMs(now);
      if (wait > 0) { now += wait; continue; }
      limit.charge(100_000, now);
      sent += 100_000;
    }
    assert.ok(sent <= 10_000_000 + 500_000 && sent >= 10_000_000 - 500_000, `~10 MB in 10 s, got ${sent}`);
  });

  test('refuses a rate that is not positive', () => {
    assert.throws(() => new RateLimit(0, 0), RangeError);
    assert.throws(() => new RateLimit(Number.NaN, 0), RangeError);
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
