import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ThumbnailCache, type ThumbnailRequest } from '../../../src/renderer/lib/thumbnail-cache';

/** A fetcher whose answers the test releases one by one, recording what was asked. */
function controlledFetcher() {
  const asked: string[] = [];
  const pending = new Map<string, { resolve(url: string | null): void; reject(e: Error): void }>();
  const fetch = (path: string) => new Promise<string | null>((resolve, reject) => {
    asked.push(path);
    pending.set(path, { resolve, reject });
  });
  return { asked, fetch, answer: (path: string, url: string | null) => pending.get(path)!.resolve(url), fail: (path: string) => pending.get(path)!.reject(new Error('gone')) };
}

const req = (path: string, mtimeMs = 1): ThumbnailRequest => ({ path, size: 10, mtimeMs, edge: 64 });
const tick = () => new Promise((r) => setImmediate(r));

test('at most `parallel` requests in flight; one asked twice is fetched once; rows scrolled away are never sent', async () => {
  const f = controlledFetcher();
  const cache = new ThumbnailCache(f.fetch, 2);
  const got: [string, string | null][] = [];
  cache.request(req('/a'), (u) => got.push(['a', u]));
  cache.request(req('/a'), (u) => got.push(['a2', u]));
  cache.request(req('/b'), (u) => got.push(['b', u]));
  const withdraw = cache.request(req('/c'), (u) => got.push(['c', u]));
  cache.request(req('/d'), (u) => got.push(['d', u]));
  assert.deepEqual(f.asked, ['/a', '/b']);
  withdraw(); // /c scrolled away before its turn
  f.answer('/a', 'data:a');
  await tick();
  assert.deepEqual(f.asked, ['/a', '/b', '/d']);
  assert.deepEqual(got, [['a', 'data:a'], ['a2', 'data:a']]);
  assert.equal(cache.peek(req('/a')), 'data:a');
  assert.equal(cache.peek(req('/a', 2)), undefined, 'a changed file is another key');
});

test('an answer is kept, a failure is not (asked again next time), and the oldest answers go past the bound', async () => {
  const f = controlledFetcher();
  const cache = new ThumbnailCache(f.fetch, 4, 2);
  let last: string | null | undefined;
  cache.request(req('/x'), (u) => { last = u; });
  f.fail('/x');
  await tick();
  assert.equal(last, null);
  assert.equal(cache.peek(req('/x')), undefined);
  cache.request(req('/x'), () => undefined);
  assert.deepEqual(f.asked, ['/x', '/x']);

  for (const p of ['/1', '/2', '/3']) {
    cache.request(req(p), () => undefined);
    f.answer(p, p === '/2' ? null : `data:${p}`);
    await tick();
  }
  assert.equal(cache.peek(req('/1')), undefined, 'the oldest went');
  assert.equal(cache.peek(req('/2')), null, '"no thumbnail" is an answer too');
  assert.equal(cache.peek(req('/3')), 'data:/3');
});
