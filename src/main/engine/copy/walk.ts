import * as fs from 'node:fs';
import { childPath, direntKindCode, kindCodeOfStats, KIND_FILE, KIND_SYMLINK, type KindCode } from '../fs/entry-kind';
import { fsPath, readEntries, readNames } from '../fs/byte-names';

/**
 * The synchronous directory reading shared by the copy engine's walking workers (delta discovery and
 * the destination index). Synchronous on purpose: it runs inside worker threads, where blocking is
 * free and one lstat call costs less than a promise round trip. Symlinks are never followed.
 * Names are read exactly (byte-names.ts): one that is not valid UTF-8 comes back escaped, and every
 * call on a path built from it goes through `fsPath` (a regex test per path, no syscall more).
 */

export interface DiskEntry {
  name: string;
  kind: KindCode;
  /** Bytes for files and symlinks (the link's own length), 0 for directories and others; NaN from `readKinds` (not read). */
  size: number;
  /** NaN from `readKinds` (not read). */
  mtimeMs: number;
}

export interface ReadFailure {
  path: string;
  error: NodeJS.ErrnoException;
}

export function statEntry(name: string, st: fs.Stats): DiskEntry {
  const kind = kindCodeOfStats(st);
  return { name, kind, size: kind === KIND_FILE || kind === KIND_SYMLINK ? st.size : 0, mtimeMs: st.mtimeMs };
}

/**
 * Lists one directory with lstat data for every entry. Throws when the directory itself cannot be
 * read (the caller reports it and walks on). An entry that vanishes between readdir and lstat is
 * simply not listed; any other lstat failure is returned in `failures`, the rest are listed.
 */
export function readDirectory(dir: string): { entries: DiskEntry[]; failures: ReadFailure[] } {
  const listing = { entries: [] as DiskEntry[], failures: [] as ReadFailure[] };
  for (const name of readNames(dir)) {
    const entry = lstatInto(dir, name, listing.failures);
    if (entry) listing.entries.push(entry);
  }
  return listing;
}

/** The lstat of `dir`'s child `name`; undefined when it vanished since readdir or failed (then in `failures`). */
function lstatInto(dir: string, name: string, failures: ReadFailure[]): DiskEntry | undefined {
  const full = childPath(dir, name);
  try {
    // No exception for a vanished entry: throwing costs more than the lstat itself.
    const st = fs.lstatSync(fsPath(full), { throwIfNoEntry: false });
    return st && statEntry(name, st);
  } catch (err) {
    failures.push({ path: full, error: err as NodeJS.ErrnoException });
    return undefined;
  }
}

/**
 * Lists one directory with kinds only (size and mtime NaN: not read), from readdir's d_type, which
 * never follows a symlink. For what needs to know *whether* something is there and what it is, not
 * how big: an lstat per entry costs more than the listing itself. An entry whose type the file system
 * does not report is lstat()ed. Same contract as `readDirectory` otherwise.
 */
export function readKinds(dir: string): { entries: DiskEntry[]; failures: ReadFailure[] } {
  const listing = { entries: [] as DiskEntry[], failures: [] as ReadFailure[] };
  for (const d of readEntries(dir)) {
    const kind = direntKindCode(d) ?? lstatInto(dir, d.name, listing.failures)?.kind;
    if (kind !== undefined) listing.entries.push({ name: d.name, kind, size: NaN, mtimeMs: NaN });
  }
  return listing;
}
