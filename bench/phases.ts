import { performance } from 'node:perf_hooks';
import { openLibrary } from '../src/main/engine/db/library';
import { DeltaDiscovery } from '../src/main/engine/copy/delta-discovery';
import { DestinationIndex } from '../src/main/engine/copy/destination-index';
import { IndexPreparation, estimateFromIndex } from '../src/main/engine/copy/index-preparation';
import { LoopDelay } from '../src/main/engine/perf/loop-delay';
import { median } from './measure';

/**
 * The copy phases measured in-process, on their own (no copy): how fast the index answers and
 * streams, how fast discovery and the destination index walk compared with `find` on the same tree.
 */

export async function timeEstimate(dbFile: string, sources: string[], reps = 25): Promise<{ medianMs: number; maxMs: number; knownFiles: number }> {
  const db = openLibrary(dbFile, { readonly: true });
  const times: number[] = [];
  let knownFiles = 0;
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    knownFiles = estimateFromIndex(db, sources).knownFiles;
    times.push(performance.now() - t);
  }
  db.close();
  // The first call pays for statement preparation and cold pages: report it as the max.
  return { medianMs: median(times), maxMs: Math.max(...times), knownFiles };
}

export async function timeIndexStream(dbFile: string, sources: string[]): Promise<{ ms: number; items: number }> {
  const db = openLibrary(dbFile, { readonly: true });
  let items = 0;
  const t = performance.now();
  await new IndexPreparation(db, sources).run((b) => { items += b.length; });
  const ms = performance.now() - t;
  db.close();
  return { ms, items };
}

export async function timeDiscovery(dbFile: string | null, sources: string[]): Promise<{ ms: number; items: number; stale: number; errors: number }> {
  let items = 0;
  let stale = 0;
  let errors = 0;
  const t = performance.now();
  await new DeltaDiscovery({ dbFile, sources, useIndex: dbFile !== null }).start({
    onItems: (b) => { items += b.length; },
    onStale: (b) => { stale += b.length; },
    onError: () => { errors++; },
  });
  return { ms: performance.now() - t, items, stale, errors };
}

/** sizes: an lstat per entry (prompt, skip-newer, resume) or kinds from readdir only (the other modes). */
export async function timeDestinationIndex(dest: string, names: string[], sizes = true): Promise<{ ms: number; filesFound: number }> {
  const index = new DestinationIndex(dest, names, { sizes });
  const t = performance.now();
  await index.start();
  const ms = performance.now() - t;
  await index.stop();
  return { ms, filesFound: index.stats.filesFound };
}

/**
 * The three producers at once, as a copy runs them, with a sink that drops everything: how long do
 * they hold the calling thread? (monitorEventLoopDelay p99 and max, in ms.)
 */
export async function producersLoopDelay(dbFile: string, source: string, dest: string): Promise<{ p99: number; max: number; ms: number }> {
  const path = await import('node:path');
  const h = new LoopDelay();
  const db = openLibrary(dbFile, { readonly: true });
  const t = performance.now();
  h.start();
  const destIndex = new DestinationIndex(dest, [path.basename(source)]);
  await Promise.all([
    destIndex.start(),
    new IndexPreparation(db, [source]).run(() => {}),
    new DeltaDiscovery({ dbFile, sources: [source] }).start({ onItems: () => {}, onStale: () => {}, onError: () => {} }),
  ]);
  const delay = h.stop();
  const ms = performance.now() - t;
  await destIndex.stop();
  db.close();
  return { ...delay, ms };
}
