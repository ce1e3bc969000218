import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { FerryError, toErrorValue } from '../../../shared/errors';
import { compareNames } from '../../../shared/natural-order';
import type { EntryKind, FolderListing, FolderPage, ListedEntry } from '../../../shared/types';
import { childPath, kindOfDirent, kindOfStats } from './entry-kind';
import { decodeName, fsPath, mayBeReplaced } from './byte-names';
import { smallest, sortYielding } from './yielding-sort';
import { currentUser, mayEnter } from './folder-access';

const PROCESS_USER = currentUser();

/** Directory entries read per getdents call. */
const DIR_BUFFER = 1024;


/** First-page size when the caller names none: a few screens of rows. */
export const DEFAULT_FIRST_PAGE = 500;

/** What readdir tells about a name: enough to put it in order without an lstat. */
interface Named {
  name: string;
  kind: EntryKind;
}

/**
 * Lists folders for the file browser: every entry (hidden ones flagged, not dropped). Reads a folder's
 * names and kinds with one readdir (file types come from d_type, which never follows a symlink: a
 * symlink is a symlink) and orders them by those; only the entries of a page are lstat-ed, when that
 * page is asked for. So a 100,000-entry folder answers its first page after one readdir and a few
 * hundred lstat calls, not 100,000. Listings bigger than their first page are kept for `page()` calls:
 * at most `maxListings` (least recently used goes first), each dropped after `idleMs` unused.
 *
 * It reads with synchronous calls: it runs on a thread of its own (the listing worker, see
 * ListingWorker), where blocking costs nothing and a synchronous read of 100,000 names takes half the
 * time of one callback per entry. Only the sort of a big folder is cut into slices, so that the
 * thread still answers page requests and other folders meanwhile.
 */
export class FolderListings {
  private readonly kept = new Map<string, KeptListing>(); // Map order is use order: first = least recent
  private readonly maxListings: number;
  private readonly idleMs: number;
  private readonly now: () => number;

  constructor(options: { maxListings?: number; idleMs?: number; now?: () => number } = {}) {
    this.maxListings = options.maxListings ?? 4;
    this.idleMs = options.idleMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** The folder's first `limit` entries: folders first, then names in natural order ("file 2" before "file 10"). */
  async list(folder: string, limit = DEFAULT_FIRST_PAGE): Promise<FolderListing> {
    if (!path.isAbsolute(folder)) throw new FerryError('INVALID_INPUT', `Not an absolute path: ${folder}`, folder);
    if (!(Number.isInteger(limit) && limit >= 1)) throw new FerryError('INVALID_INPUT', `A page holds at least one entry (got ${limit})`);
    this.dropIdle();
    const dir = path.resolve(folder);
    const parentDir = path.dirname(dir);
    const parent = parentDir === dir ? null : parentDir;
    const readAt = this.now();
    const stamp = stampOf(dir);
    const kept = stamp ? this.unchangedListing(dir, stamp) : null;
    if (kept) {
      // Read before and unchanged since: its names serve again (going back to a huge folder is instant).
      const total = kept.names.length;
      const first = kept.sorted ? kept.sorted.slice(0, limit) : smallest(kept.names, limit, compareEntries);
      const entries = describeAll(dir, first);
      const complete = limit >= total;
      return { path: dir, parent, listingId: complete ? null : kept.id, total, entries, nextOffset: Math.min(limit, total), complete };
    }
    const named = readNames(dir);
    if (named.length <= limit) {
      // All of it at once: ordered by what lstat saw, as nothing else will follow.
      const entries = describeAll(dir, named).sort(compareEntries);
      return { path: dir, parent, listingId: null, total: named.length, entries, nextOffset: named.length, complete: true };
    }
    // The first page needs only the `limit` smallest names, not a sort of them all (that follows, in slices).
    const first = smallest(named, limit, compareEntries);
    // Only a folder that had been quiet for a while when read may be trusted by its mtime later: a change
    // right after the read could otherwise land in the same timestamp tick and go unnoticed.
    const listing = this.keep(dir, named, stamp && stamp.mtimeMs < readAt - QUIET_MS ? stamp : null);
    const entries = describeAll(dir, first);
    // The sort of every name starts once the first page is ready: setImmediate runs after the reply went
    // out (it is sent from promise callbacks), so the sort's slices never hold back the first rows.
    setImmediate(() => listing.sort());
    return { path: dir, parent, listingId: listing.id, total: named.length, entries, nextOffset: limit, complete: false };
  }

  /** Entries [offset, offset + limit) of a kept listing, in the order its first page started. */
  async page(listingId: string, offset: number, limit: number): Promise<FolderPage> {
    if (!Number.isInteger(offset) || offset < 0 || !(Number.isInteger(limit) && limit >= 1)) {
      throw new FerryError('INVALID_INPUT', `Bad page: offset ${offset}, limit ${limit}`);
    }
    this.dropIdle();
    const listing = this.use(listingId);
    const order = await listing.order;
    // Dropped meanwhile (evicted, closed): its sort may have stopped half-way, so nothing is served from it.
    if (!order || listing.dropped) throw expired(listingId);
    const entries = describeAll(listing.dir, order.slice(offset, offset + limit));
    listing.lastUsed = this.now();
    const nextOffset = Math.min(offset + limit, order.length);
    return { entries, nextOffset, complete: nextOffset >= order.length };
  }

  /** Forgets every kept listing (their sorts stop). */
  close(): void {
    for (const id of [...this.kept.keys()]) this.drop(id);
  }

  /** How many listings are kept now. */
  get size(): number {
    return this.kept.size;
  }

  /** A kept listing of `dir` whose folder has not changed since it was read (same inode, same mtime). */
  private unchangedListing(dir: string, stamp: FolderStamp): KeptListing | null {
    const same = [...this.kept.values()].find((l) => l.dir === dir && l.stamp?.ino === stamp.ino && l.stamp.mtimeMs === stamp.mtimeMs);
    return same ? this.use(same.id) : null;
  }

  private keep(dir: string, names: Named[], stamp: FolderStamp | null): KeptListing {
    let done!: (order: Named[] | null) => void;
    const listing: KeptListing = {
      id: randomUUID(), dir, stamp, names, sorted: null, lastUsed: this.now(), dropped: false,
      order: new Promise((resolve) => { done = resolve; }),
      // A slice at a time, so the host keeps answering while 100,000 names are sorted (see sortYielding).
      sort: () => {
        void sortYielding(names, compareEntries, { cancelled: () => listing.dropped }).then((sorted) => {
          listing.sorted = sorted;
          done(sorted);
        });
      },
    };
    this.kept.set(listing.id, listing);
    while (this.kept.size > this.maxListings) this.drop(this.kept.keys().next().value!);
    // Frees the memory of a listing nobody pages through any more, even if no other call comes.
    setTimeout(() => this.dropIdle(), this.idleMs + 1_000).unref();
    return listing;
  }

  private use(id: string): KeptListing {
    const listing = this.kept.get(id);
    if (!listing) throw expired(id);
    this.kept.delete(id);
    this.kept.set(id, listing);
    listing.lastUsed = this.now();
    return listing;
  }

  private dropIdle(): void {
    const now = this.now();
    for (const [id, listing] of this.kept) if (now - listing.lastUsed > this.idleMs) this.drop(id);
  }

  private drop(id: string): void {
    const listing = this.kept.get(id);
    if (!listing) return;
    listing.dropped = true;
    this.kept.delete(id);
  }
}

/** What tells whether a folder's entries changed: a folder's mtime moves whenever a name is added, removed or renamed in it. */
interface FolderStamp {
  ino: number;
  mtimeMs: number;
}

/** How long a folder must have gone unchanged before a read of it is reused on its mtime alone. */
const QUIET_MS = 1_000;

/** The folder's stamp, or null when it cannot be stat-ed (the readdir that follows reports why). */
function stampOf(dir: string): FolderStamp | null {
  try {
    const st = fs.statSync(fsPath(dir));
    return { ino: st.ino, mtimeMs: st.mtimeMs };
  } catch {
    return null;
  }
}

interface KeptListing {
  id: string;
  dir: string;
  /** Set when the listing may be reused for a folder with this same stamp. */
  stamp: FolderStamp | null;
  /** The names as read (in no particular order). */
  names: Named[];
  /** Every name in the default order, once sorted. */
  sorted: Named[] | null;
  /** Resolves to `sorted` when the sort ends; to null when the listing was dropped before. */
  order: Promise<Named[] | null>;
  /** Starts sorting the names. */
  sort(): void;
  lastUsed: number;
  dropped: boolean;
}

function expired(id: string): FerryError {
  return new FerryError('LISTING_EXPIRED', `Listing ${id} is no longer kept: list the folder again`);
}

/**
 * The folder's names with the kinds readdir reports (d_type: a symlink is a symlink), read in chunks
 * from an open directory handle. Not `readdir`: its scandir sorts every name before returning (a third
 * of the time for 100,000 names), and the order is made here.
 */
function readNames(dir: string): Named[] {
  const named: Named[] = [];
  let replaced = false;
  readDir(dir, 'utf8', (d) => {
    named.push({ name: d.name, kind: kindOfDirent(d) });
    replaced ||= mayBeReplaced(d.name);
  });
  if (!replaced) return named;
  // A name Node could not decode came back with U+FFFD: the folder is read again as bytes, so that
  // every name is exact (byte-names.ts) and reaches its own file. Rare, and a real U+FFFD reads the same.
  const exact: Named[] = [];
  readDir(dir, 'buffer', (d) => exact.push({ name: decodeName(d.name as unknown as Buffer), kind: kindOfDirent(d) }));
  return exact;
}

function readDir(dir: string, encoding: 'utf8' | 'buffer', each: (d: fs.Dirent) => void): void {
  let handle: fs.Dir;
  try {
    // Node reads names as Buffers with 'buffer' (its types allow only text encodings here).
    handle = fs.opendirSync(fsPath(dir), { bufferSize: DIR_BUFFER, encoding: encoding as BufferEncoding });
  } catch (err) {
    throw listingError(err, dir);
  }
  try {
    for (let d = handle.readSync(); d !== null; d = handle.readSync()) each(d);
  } catch (err) {
    throw listingError(err, dir);
  } finally {
    handle.closeSync();
  }
}

function listingError(err: unknown, dir: string): FerryError {
  const value = toErrorValue(err, dir);
  return new FerryError(value.code, value.message, dir);
}

/** lstat of each name; a name gone since readdir is left out (it is no longer in the folder). */
function describeAll(dir: string, named: readonly Named[]): ListedEntry[] {
  const listed: ListedEntry[] = [];
  for (const n of named) {
    let st: fs.Stats | NodeJS.ErrnoException;
    try {
      st = fs.lstatSync(fsPath(childPath(dir, n.name)));
    } catch (err) {
      st = err as NodeJS.ErrnoException;
    }
    const entry = describe(n, st, dir);
    if (entry) listed.push(entry);
  }
  return listed;
}

/** One name of `dir` as it is now; null when it is not there (a watcher's change: see folder-watchers.ts). */
export function describeName(dir: string, name: string): ListedEntry | null {
  let st: fs.Stats | NodeJS.ErrnoException;
  try {
    st = fs.lstatSync(fsPath(childPath(dir, name)));
  } catch (err) {
    st = err as NodeJS.ErrnoException;
  }
  return describe({ name, kind: 'other' }, st, dir);
}

function describe(named: Named, st: fs.Stats | NodeJS.ErrnoException, dir: string): ListedEntry | null {
  const { name } = named;
  const hidden = name.startsWith('.');
  if (st instanceof fs.Stats) {
    const kind = kindOfStats(st);
    const entry: ListedEntry = { name, kind, size: st.isFile() ? st.size : 0, mtimeMs: st.mtimeMs, hidden, ino: st.ino };
    // A folder this process cannot list or enter carries a lock (from the mode bits: folder-access.ts).
    if (kind === 'dir' && !mayEnter(st, PROCESS_USER)) entry.noAccess = true;
    if (kind === 'file' && (st.mode & 0o111) !== 0) entry.executable = true;
    if (kind === 'symlink') Object.assign(entry, linkOf(childPath(dir, name)));
    return entry;
  }
  // Gone between readdir and lstat: it is no longer in the folder, so it is not listed.
  if (st.code === 'ENOENT') return null;
  // Listed but not stat-able (a folder readable but not searchable): show it with what readdir knew.
  return { name, kind: named.kind, size: 0, mtimeMs: 0, hidden };
}

/** Where a symlink leads, so that opening it opens what it points to (a few syscalls, for symlinks only). */
function linkOf(link: string): Pick<ListedEntry, 'linkTarget' | 'linkKind'> {
  let target: string;
  try {
    target = path.resolve(path.dirname(link), decodeName(fs.readlinkSync(fsPath(link), 'buffer')));
  } catch {
    return {};
  }
  try {
    return { linkTarget: target, linkKind: kindOfStats(fs.statSync(fsPath(link))) };
  } catch {
    return { linkTarget: target };
  }
}

/** Folders first, then names as people sort them; never 0 for two different names (a total order). */
export function compareEntries(a: { name: string; kind: EntryKind }, b: { name: string; kind: EntryKind }): number {
  const folders = Number(b.kind === 'dir') - Number(a.kind === 'dir');
  if (folders !== 0) return folders;
  return compareNames(a.name, b.name);
}
