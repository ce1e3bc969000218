import * as fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorValue } from '../../../shared/errors';
import { openLibrary, type Db } from '../db/library';
import { runDiscovery, walkError } from './discovery-walker';
import type { DiscoveryMessage, DiscoveryWorkerData } from './protocol';
import { WalkControl } from './worker-path';

/**
 * Worker entry of delta discovery (copy phase 2). Opens its own read-only connection to the library
 * (WAL lets it read while the main thread and indexers write), walks, and posts typed batches.
 */
const data = workerData as DiscoveryWorkerData;
const control = new WalkControl(data.control);
const post = (m: DiscoveryMessage) => parentPort!.postMessage(m);

function openIndex(): Db | null {
  if (!data.useIndex || data.dbFile === null || !fs.existsSync(data.dbFile)) return null;
  try {
    return openLibrary(data.dbFile, { readonly: true });
  } catch (err) {
    // Without the index every file is "new": slower totals, never a lost file.
    post({ kind: 'error', error: walkError(data.dbFile, err) });
    return null;
  }
}

try {
  const db = openIndex();
  const totals = runDiscovery(db, data.sources, data.batchSize, {
    items: (items) => post({ kind: 'items', items }),
    stale: (items) => post({ kind: 'stale', items }),
    error: (error) => post({ kind: 'error', error }),
    keepGoing: (flush) => control.waitWhilePaused(flush),
  });
  db?.close();
  post({ kind: 'done', ...totals });
} catch (err) {
  post({ kind: 'fatal', error: toErrorValue(err) });
}
