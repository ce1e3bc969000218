import * as path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorValue } from '../../../shared/errors';
import { joinRel } from '../db/subtree';
import { readDirectory, readKinds, type DiskEntry } from '../copy/walk';
import { childPath, KIND_DIR } from '../fs/entry-kind';
import type { DestinationMessage, DestinationWorkerData } from './protocol';
import { STOPPING, WalkControl } from './worker-path';

/**
 * Worker entry of the destination index (copy phase 0): lists DEST's top level and walks only the
 * DEST/<name> subtrees that the SOURCEs will land in, filters bypassed, symlinks never followed,
 * nothing persisted. Entries go to the main thread as columns in batches.
 */
const data = workerData as DestinationWorkerData;
const control = new WalkControl(data.control);
const post = (m: DestinationMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);
const FLUSH_AFTER_MS = 100;
const list = data.sizes ? readDirectory : readKinds;

class ColumnBatch {
  private rels: string[] = [];
  private entries: DiskEntry[] = [];
  private lastFlush = Date.now();
  add(rel: string, e: DiskEntry): void {
    this.rels.push(rel);
    this.entries.push(e);
    if (this.rels.length >= data.batchSize) this.flush();
  }
  maybeFlush(): void {
    if (Date.now() - this.lastFlush >= FLUSH_AFTER_MS) this.flush();
  }
  flush(): void {
    this.lastFlush = Date.now();
    const n = this.rels.length;
    if (n === 0) return;
    const kinds = new Uint8Array(n);
    const sizes = new Float64Array(n);
    const mtimes = new Float64Array(n);
    this.entries.forEach((e, i) => { kinds[i] = e.kind; sizes[i] = e.size; mtimes[i] = e.mtimeMs; });
    post({ kind: 'entries', rels: this.rels, kinds, sizes, mtimes }, [kinds.buffer, sizes.buffer, mtimes.buffer]);
    this.rels = [];
    this.entries = [];
  }
}

/**
 * Names in descending order, so that the stack pops folders in ascending order: the order in which the
 * index streams the sources' files (by path), so the map has listed a folder by the time its files
 * come to be decided more often than not.
 */
function inWalkOrder(entries: DiskEntry[]): DiskEntry[] {
  return entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

function walk(): void {
  const batch = new ColumnBatch();
  const unreadable = (rel: string) => { batch.flush(); post({ kind: 'unreadable', rels: [rel] }); };
  let top: ReturnType<typeof list>;
  try {
    top = list(data.dest);
  } catch (err) {
    // A missing DEST is an empty one (complete, nothing exists); any other failure leaves it unknown.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') unreadable('');
    return;
  }
  const wanted = new Set(data.names);
  const stack: { abs: string; rel: string }[] = [];
  for (const e of inWalkOrder(top.entries)) {
    batch.add(e.name, e);
    if (e.kind === KIND_DIR && wanted.has(e.name)) stack.push({ abs: childPath(data.dest, e.name), rel: e.name });
  }
  for (const f of top.failures) unreadable(path.relative(data.dest, f.path));
  while (stack.length > 0) {
    if (!control.waitWhilePaused(() => batch.flush())) return;
    const dir = stack.pop()!;
    let listing: ReturnType<typeof list>;
    try {
      listing = list(dir.abs);
    } catch {
      unreadable(dir.rel);
      continue;
    }
    for (const e of inWalkOrder(listing.entries)) {
      const rel = joinRel(dir.rel, e.name);
      batch.add(rel, e);
      if (e.kind === KIND_DIR) stack.push({ abs: childPath(dir.abs, e.name), rel });
    }
    // An entry that could not be lstat'ed is unknown: the caller lstat()s it itself.
    for (const f of listing.failures) unreadable(joinRel(dir.rel, path.basename(f.path)));
    batch.maybeFlush();
  }
  batch.flush();
}

try {
  walk();
  if (control.state !== STOPPING) post({ kind: 'done' });
} catch (err) {
  post({ kind: 'fatal', error: toErrorValue(err) });
}
