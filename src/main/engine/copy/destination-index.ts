import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { splitRel } from '../db/subtree';
import type { DestinationBatch, DestinationMessage, DestinationWorkerData } from '../workers/protocol';
import { STOPPING, WalkControl, spawnWorker } from '../workers/worker-path';
import { childPath, direntKindCode, KIND_FILE, KIND_SYMLINK, kindOfCode, type KindCode } from '../fs/entry-kind';
import { lstatAll } from '../fs/lstat-all';
import { fsPath, mayBeReplaced } from '../fs/byte-names';
import { statEntry } from './walk';
import type { DestEntry } from './types';
import type { EntryKind } from '../../../shared/types';

/**
 * Phase 0 of a copy (docs/architecture.md §3): what already exists at DEST, so that the copy workers decide
 * "exists?" with a Map get instead of an lstat per file once the map is complete.
 *
 * A worker thread walks DEST's top level and only the DEST/<name> subtrees the SOURCEs land in
 * (filters bypassed, symlinks not followed, nothing persisted) and sends columns in batches; the map
 * lives here, in the calling thread, so `lookup` stays synchronous. When none of those names exists at
 * DEST yet (a first copy), the top level is the whole map and is read here, without a worker.
 *
 * Memory, for 1M-entry destinations: one Map<string, number> from relative path to a slot, and the
 * slot's kind/size/mtime in growable typed-array columns (1 + 8 + 8 bytes), instead of one object per
 * entry (~80 bytes more each). What remains per entry is the key string and the Map's own slot.
 *
 * Sizes and mtimes cost an lstat per entry, more than the walk itself. Only some decisions read them
 * (`prompt` shows both files, `skip-newer` compares times, a resume recognises its own copies); for the
 * others the map is built from readdir's kinds alone and is complete several times sooner. Its entries
 * then carry NaN for size and mtime, and `stats.totalBytes` is absent.
 */

/** `totalBytes` is absent when the walk reads kinds only (see the constructor's `sizes`). */
export interface DestinationStats { filesFound: number; totalBytes?: number; complete: boolean }

/** Entries per message: small enough that receiving one is a short task on the host thread. */
const BATCH_SIZE = 256;
/** A top level this small is read on the calling thread when nothing below it needs walking. */
const TOP_LEVEL_HERE = 1024;
const TOP_LEVEL_LSTATS = 32;

export class DestinationIndex {
  private readonly slots = new Map<string, number>();
  private kinds = new Uint8Array(1024);
  private sizes = new Float64Array(1024);
  private mtimes = new Float64Array(1024);
  /** Folders (or entries) that could not be read: nothing at or below them is known. */
  private readonly unreadable = new Set<string>();
  private readonly wanted: Set<string>;
  private readonly listeners = new Set<(s: DestinationStats) => void>();
  private readonly control = new WalkControl();
  private worker: Worker | null = null;
  private started: Promise<void> | null = null;
  private done = false;
  private filesFound = 0;
  private totalBytes = 0;

  private readonly measured: boolean;

  /**
   * names: basename(SOURCE) of each source; only DEST/<name> subtrees (and DEST's top level) need walking.
   * sizes: whether lookups must tell sizes and mtimes (default true), or kinds are enough.
   */
  constructor(private readonly dest: string, names: string[], options: { sizes?: boolean } = {}) {
    this.wanted = new Set(names);
    this.measured = options.sizes ?? true;
  }

  /** Resolves when the map is complete, or when stopped (then `complete` stays false). Never rejects. */
  start(): Promise<void> {
    this.started ??= this.mapTopLevel().then((complete) => {
      if (!complete && this.control.state !== STOPPING) return this.walkInWorker();
    });
    return this.started;
  }

  /**
   * Most copies land where none of the sources' names exists yet. Then DEST's top level is the whole
   * map, and reading it here costs less than booting a worker thread (~0.1 s of CPU). True when that
   * completed the map; false when a subtree must be walked (or the top level is big, or odd: DT_UNKNOWN,
   * unreadable, a name that may not be UTF-8), which the worker then does from the start.
   */
  private async mapTopLevel(): Promise<boolean> {
    const dest = path.resolve(this.dest);
    let dirents: fs.Dirent[];
    try {
      dirents = await fs.promises.readdir(fsPath(dest), { withFileTypes: true });
    } catch {
      return false; // the worker tells a missing DEST (empty, complete) from an unreadable one
    }
    // A name with U+FFFD may be one Node could not decode: the worker reads such a folder exactly.
    if (dirents.length > TOP_LEVEL_HERE || dirents.some((d) => this.wanted.has(d.name) || mayBeReplaced(d.name))) return false;
    const kinds = new Uint8Array(dirents.length);
    for (let i = 0; i < dirents.length; i++) {
      const kind = direntKindCode(dirents[i]!);
      if (kind === null) return false;
      kinds[i] = kind;
    }
    const sizes = new Float64Array(dirents.length).fill(NaN);
    const mtimes = new Float64Array(dirents.length).fill(NaN);
    if (this.measured) {
      const stats = await lstatAll(dirents.map((d) => childPath(dest, d.name)), TOP_LEVEL_LSTATS);
      for (let i = 0; i < stats.length; i++) {
        const st = stats[i]!;
        if (!(st instanceof fs.Stats)) return false;
        const e = statEntry(dirents[i]!.name, st);
        kinds[i] = e.kind;
        sizes[i] = e.size;
        mtimes[i] = e.mtimeMs;
      }
    }
    if (this.control.state === STOPPING) return true;
    this.add({ rels: dirents.map((d) => d.name), kinds, sizes, mtimes });
    this.done = true;
    this.emit();
    return true;
  }

  private walkInWorker(): Promise<void> {
    const data: DestinationWorkerData = {
      dest: path.resolve(this.dest), names: [...this.wanted], sizes: this.measured, batchSize: BATCH_SIZE, control: this.control.buffer,
    };
    let worker: Worker;
    try {
      worker = spawnWorker('destination-index', { workerData: data });
    } catch {
      // No map then: every lookup stays unknown and the copy lstat()s instead.
      return Promise.resolve();
    }
    this.worker = worker;
    return new Promise<void>((resolve) => {
      worker.on('message', (m: DestinationMessage) => {
        if (this.control.state === STOPPING) return;
        switch (m.kind) {
          case 'entries': this.add(m); this.emit(); break;
          case 'unreadable': for (const r of m.rels) this.unreadable.add(r); break;
          case 'done': this.done = true; this.emit(); resolve(); break;
          // The map stays incomplete: every lookup answers "unknown" and the copy lstat()s instead.
          case 'fatal': resolve(); break;
        }
      });
      worker.on('error', () => resolve());
      worker.on('exit', () => resolve());
    });
  }

  private lastFolder: string | null = null;
  private lastFolderKnown = false;

  get complete(): boolean {
    return this.done;
  }

  /**
   * `rel` is '/'-separated and relative to DEST. The entry (size and mtime NaN in a kinds-only map)
   * as soon as the walk has listed it, even before completion: what was seen there is there. Null
   * when nothing is there, which only the complete map can tell. Undefined when unknown: not listed
   * yet, below an unreadable folder, outside the walked subtrees, or below a symlink (which may
   * point anywhere).
   */
  lookup(rel: string): DestEntry | null | undefined {
    const slot = this.slots.get(rel);
    if (slot !== undefined) return { kind: kindOfCode(this.kinds[slot]!), size: this.sizes[slot]!, mtimeMs: this.mtimes[slot]! };
    if (!this.done) return undefined;
    // Listed but not lstat-able: unknown.
    if (this.unreadable.has(rel)) return undefined;
    const parent = splitRel(rel).parent;
    // Files come folder by folder: the answer for the last folder asked serves its siblings (the map no
    // longer changes once complete).
    if (parent !== this.lastFolder) {
      this.lastFolder = parent;
      this.lastFolderKnown = this.childrenKnown(parent);
    }
    return this.lastFolderKnown ? null : undefined;
  }

  /**
   * The kind of what the complete map holds at `rel`, else undefined: the cheap question "is
   * something there?" (no walk up the parents to tell "absent" from "unknown").
   */
  kindAt(rel: string): EntryKind | undefined {
    if (!this.done) return undefined;
    const slot = this.slots.get(rel);
    return slot === undefined ? undefined : kindOfCode(this.kinds[slot]!);
  }

  get stats(): DestinationStats {
    return { filesFound: this.filesFound, ...(this.measured ? { totalBytes: this.totalBytes } : {}), complete: this.done };
  }

  onProgress(listener: (s: DestinationStats) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.control.set(STOPPING);
    const w = this.worker;
    if (w) await w.terminate();
  }

  /** Whether every child of `dir` (relative to DEST) is in the map, so an absent key means absent. */
  private childrenKnown(dir: string): boolean {
    if (this.unreadable.has(dir)) return false;
    if (dir === '') return true;
    const top = dir.split('/', 1)[0]!;
    if (!this.wanted.has(top)) return false;
    const slot = this.slots.get(dir);
    // An absent folder has no children, if its own absence is known.
    if (slot === undefined) return this.childrenKnown(splitRel(dir).parent);
    const kind = this.kinds[slot] as KindCode;
    // Walked folders are complete; nothing can be below a file; a symlink may lead anywhere.
    return kind !== KIND_SYMLINK;
  }

  private add(b: DestinationBatch): void {
    this.reserve(this.slots.size + b.rels.length);
    for (let i = 0; i < b.rels.length; i++) {
      const rel = b.rels[i]!;
      let slot = this.slots.get(rel);
      if (slot === undefined) {
        slot = this.slots.size;
        this.slots.set(rel, slot);
      }
      const kind = b.kinds[i]!;
      this.kinds[slot] = kind;
      this.sizes[slot] = b.sizes[i]!;
      this.mtimes[slot] = b.mtimes[i]!;
      if (kind === KIND_FILE) { this.filesFound++; if (this.measured) this.totalBytes += b.sizes[i]!; }
    }
  }

  private reserve(n: number): void {
    if (n <= this.kinds.length) return;
    let cap = this.kinds.length;
    while (cap < n) cap *= 2;
    const grow = <T extends Uint8Array | Float64Array>(old: T, make: (len: number) => T): T => { const a = make(cap); a.set(old); return a; };
    this.kinds = grow(this.kinds, (l) => new Uint8Array(l));
    this.sizes = grow(this.sizes, (l) => new Float64Array(l));
    this.mtimes = grow(this.mtimes, (l) => new Float64Array(l));
  }

  private emit(): void {
    const s = this.stats;
    for (const l of this.listeners) {
      try { l(s); } catch { /* a listener's failure must not stop the map */ }
    }
  }
}

