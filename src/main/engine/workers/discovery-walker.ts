import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Db } from '../db/library';
import { joinRel, splitRel } from '../db/subtree';
import { locateInLibrary } from '../copy/index-preparation';
import { readDirectory, statEntry, type DiskEntry } from '../copy/walk';
import type { CopyItem, StaleItem } from '../copy/types';
import type { EntryKind } from '../../../shared/types';
import type { WalkError } from './protocol';
import { childPath, KIND_DIR, KIND_FILE, kindOfCode } from '../fs/entry-kind';
import { fsPath } from '../fs/byte-names';

/**
 * Delta discovery's walk (runs inside the discovery worker; pure and synchronous so it can also be
 * tested in-thread). It walks every SOURCE on disk, filters bypassed, and per directory asks the
 * index for that directory's children in ONE query (relative_path = ? on the unique index), then
 * reports what the index lacks (new files, filtered folders such as .git or node_modules, whole
 * uncovered sources) as CopyItems and what it has with another size or mtime as StaleItems.
 * Below a folder the index does not know, nothing is looked up any more: all of it is new.
 */

export interface DiscoveryOutput {
  items(batch: CopyItem[]): void;
  stale(batch: StaleItem[]): void;
  error(e: WalkError): void;
  /**
   * Called between directories; false stops the walk. A pause blocks inside it, after calling
   * `flush` so that nothing found before the pause waits in a half-full batch.
   */
  keepGoing(flush: () => void): boolean;
}

/** An index row as a raw statement returns it: name, kind, size, mtime_ms. */
type IndexedRow = [name: string, kind: EntryKind, size: number, mtimeMs: number];

/**
 * Index mtimes are stored as REAL milliseconds; an indexer that rounds (or a file system with coarse
 * timestamps) must not make every file look touched, so mtimes within a millisecond are equal.
 */
const MTIME_TOLERANCE_MS = 1;

/** Where the index keeps the children of a directory being walked (null: the index has none). */
interface Pending { abs: string; rel: string; index: { loc: number; dir: string } | null }

export function runDiscovery(db: Db | null, sources: string[], batchSize: number, out: DiscoveryOutput): { totalDiscovered: number; discoveryBytes: number } {
  // Raw rows (arrays): one object per indexed entry would double what this lookup costs.
  const children = db?.prepare('SELECT name, kind, size, mtime_ms FROM entries WHERE location_id = ? AND relative_path = ?').raw(true);
  const single = db?.prepare('SELECT name, kind, size, mtime_ms FROM entries WHERE location_id = ? AND relative_path = ? AND name = ?').raw(true);
  const batch = new Batcher(batchSize, out);
  const flush = () => batch.flush();

  const compare = (abs: string, rel: string, disk: DiskEntry, row: IndexedRow | undefined): void => {
    const kind = kindOfCode(disk.kind);
    if (!row || row[1] !== kind) {
      batch.item({ source: abs, rel, kind, size: disk.size, mtimeMs: disk.mtimeMs, origin: 'discovery' });
    } else if (disk.kind === KIND_FILE && (row[2] !== disk.size || Math.abs(row[3] - disk.mtimeMs) >= MTIME_TOLERANCE_MS)) {
      batch.stale({ rel, indexedSize: row[2], diskSize: disk.size });
    }
  };

  for (const source of sources) {
    if (!out.keepGoing(flush)) break;
    const abs = path.resolve(source);
    const base = path.basename(abs);
    let disk: DiskEntry;
    try {
      disk = statEntry(base, fs.lstatSync(fsPath(abs)));
    } catch (err) {
      out.error(walkError(abs, err));
      continue;
    }
    const loc = db ? locateInLibrary(db, abs) : undefined;
    let index: Pending['index'] = null;
    if (loc && loc.rel === '') {
      // A location root has no row of its own; IndexPreparation queues it.
      index = { loc: loc.locationId, dir: '' };
    } else {
      const { parent, name } = loc ? splitRel(loc.rel) : { parent: '', name: '' };
      const row = loc ? single!.get(loc.locationId, parent, name) as IndexedRow | undefined : undefined;
      compare(abs, base, disk, row);
      if (loc && row?.[1] === 'dir') index = { loc: loc.locationId, dir: loc.rel };
    }
    if (disk.kind !== KIND_DIR) continue;

    const stack: Pending[] = [{ abs, rel: base, index }];
    while (stack.length > 0) {
      if (!out.keepGoing(flush)) break;
      const dir = stack.pop()!;
      let listing: ReturnType<typeof readDirectory>;
      try {
        listing = readDirectory(dir.abs);
      } catch (err) {
        out.error(walkError(dir.abs, err));
        continue;
      }
      for (const f of listing.failures) out.error(walkError(f.path, f.error));
      const known = new Map<string, IndexedRow>();
      if (dir.index) {
        for (const row of children!.all(dir.index.loc, dir.index.dir) as IndexedRow[]) known.set(row[0], row);
      }
      for (const entry of listing.entries) {
        const entryAbs = childPath(dir.abs, entry.name);
        const entryRel = `${dir.rel}/${entry.name}`;
        const row = known.get(entry.name);
        compare(entryAbs, entryRel, entry, row);
        if (entry.kind === KIND_DIR) {
          const sub = dir.index && row?.[1] === 'dir' ? { loc: dir.index.loc, dir: joinRel(dir.index.dir, entry.name) } : null;
          stack.push({ abs: entryAbs, rel: entryRel, index: sub });
        }
      }
      batch.maybeFlush();
    }
  }
  batch.flush();
  return batch.totals;
}

export function walkError(p: string, err: unknown): WalkError {
  const e = err as NodeJS.ErrnoException;
  return { path: p, code: typeof e?.code === 'string' ? e.code : 'INTERNAL', message: e?.message ?? String(err) };
}

/**
 * Collects items and stale entries into messages of `size`, and flushes a partial batch after
 * FLUSH_AFTER_MS so a slow walk (a network drive, a huge folder) still reports as it goes.
 */
const FLUSH_AFTER_MS = 100;

class Batcher {
  readonly totals = { totalDiscovered: 0, discoveryBytes: 0 };
  private items: CopyItem[] = [];
  private staleItems: StaleItem[] = [];
  private lastFlush = Date.now();
  constructor(private readonly size: number, private readonly out: DiscoveryOutput) {}

  item(i: CopyItem): void {
    if (i.kind === 'file') { this.totals.totalDiscovered++; this.totals.discoveryBytes += i.size; }
    this.items.push(i);
    if (this.items.length >= this.size) this.flushItems();
  }
  stale(s: StaleItem): void {
    this.staleItems.push(s);
    if (this.staleItems.length >= this.size) this.flushStale();
  }
  maybeFlush(): void {
    if (Date.now() - this.lastFlush >= FLUSH_AFTER_MS) this.flush();
  }
  flush(): void {
    this.flushItems();
    this.flushStale();
  }
  private flushItems(): void {
    this.lastFlush = Date.now();
    if (this.items.length === 0) return;
    const b = this.items;
    this.items = [];
    this.out.items(b);
  }
  private flushStale(): void {
    if (this.staleItems.length === 0) return;
    const b = this.staleItems;
    this.staleItems = [];
    this.out.stale(b);
  }
}
