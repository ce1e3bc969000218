import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EntryKind } from '../../../shared/types';
import { toErrorValue } from '../../../shared/errors';
import { joinRel } from '../db/subtree';
import { childPath, direntTypeKnown, kindOfStats } from '../fs/entry-kind';
import { hasEscapedBytes, readEntries } from '../fs/byte-names';
import { makeMatcher, type IgnoreLevel, type RuleSet } from './rules';

/** One entry as it goes into `entries`. `relativePath` is the PARENT folder relative to the root. */
export interface WalkRow {
  relativePath: string;
  name: string;
  kind: EntryKind;
  size: number;
  mtimeMs: number;
  inode: number;
  /** Directories only: bytes and count of the indexed regular files below, recursively. */
  aggregateSize: number | null;
  fileCount: number | null;
}

/** A folder (or entry) the walk could not read; `relativePath` is its own root-relative path. */
export interface WalkError {
  relativePath: string;
  code: string;
  message: string;
}

export interface WalkSink {
  row(row: WalkRow): void;
  error(error: WalkError): void;
}

export interface WalkTotals {
  entries: number;
  files: number;
  bytes: number;
}

/** A folder being listed: its entries, the next one to look at, and what its subtree adds up to. */
interface Frame {
  rel: string;
  abs: string;
  dirents: fs.Dirent[];
  next: number;
  levels: readonly IgnoreLevel[];
  bytes: number;
  files: number;
  /** The folder's own row, written once its subtree is done (post-order), so aggregates are final. */
  self: WalkRow | null;
  /** Whether an entry of this folder failed to lstat (reported once, for the folder). */
  statFailed: boolean;
}

/**
 * Walks `root` depth-first, synchronously (it runs in a worker thread), never following symlinks.
 * Each row reaches `sink` exactly once; a directory's row comes after everything below it, carrying
 * the aggregates of its indexed files, so no second pass over the tree or the table is needed.
 * Unreadable folders are reported to `sink.error` and skipped; the walk goes on. Returns the totals,
 * or null when `shouldStop` asked it to stop.
 */
export function walk(root: string, rules: RuleSet, sink: WalkSink, shouldStop: () => boolean): WalkTotals | null {
  const totals: WalkTotals = { entries: 0, files: 0, bytes: 0 };
  const stack: Frame[] = [openFrame('', root, [], null, rules, sink)];
  while (stack.length > 0) {
    if (shouldStop()) return null;
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.dirents.length) {
      stack.pop();
      closeFrame(frame, stack[stack.length - 1], sink, totals);
      continue;
    }
    const dirent = frame.dirents[frame.next++]!;
    const child = visit(frame, dirent, rules, sink);
    if (!child) continue;
    if (child.kind === 'dir') {
      stack.push(openFrame(joinRel(frame.rel, child.name), childPath(frame.abs, child.name), frame.levels, child, rules, sink));
      continue;
    }
    totals.entries++;
    if (child.kind === 'file') {
      frame.bytes += child.size;
      frame.files++;
      totals.files++;
      totals.bytes += child.size;
    }
    sink.row(child);
  }
  return totals;
}

/** Looks at one directory entry: applies the rules, lstats it, and returns its row (or null: left out). */
function visit(frame: Frame, dirent: fs.Dirent, rules: RuleSet, sink: WalkSink): WalkRow | null {
  const name = dirent.name;
  // The index keeps only names that are valid UTF-8 (SQLite TEXT, ordered range queries on paths): one
  // that is not, and what is below it, stays out, and a copy's delta discovery finds it on disk.
  if (hasEscapedBytes(name)) return null;
  const abs = childPath(frame.abs, name);
  const rel = joinRel(frame.rel, name);
  let isDir = dirent.isDirectory();
  let st: fs.Stats | null | undefined;
  if (!direntTypeKnown(dirent)) {
    st = lstatOrReport(abs, frame, sink);
    if (!st) return null;
    isDir = st.isDirectory();
  }
  if (rules.excludes(name, rel, isDir, frame.levels)) return null;
  st ??= lstatOrReport(abs, frame, sink);
  if (!st) return null;
  const kind = kindOfStats(st);
  return {
    relativePath: frame.rel,
    name,
    kind,
    size: kind === 'dir' ? 0 : st.size,
    mtimeMs: st.mtimeMs,
    inode: st.ino,
    aggregateSize: null,
    fileCount: null,
  };
}

/**
 * lstat, or null: an entry that vanished since readdir is simply gone. Other failures (a folder that
 * can be listed but not searched: read permission without execute) are recorded once, for the folder.
 */
function lstatOrReport(abs: string, frame: Frame, sink: WalkSink): fs.Stats | null {
  try {
    return fs.lstatSync(abs);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' && !frame.statFailed) {
      frame.statFailed = true;
      report(sink, frame.rel, frame.abs, err);
    }
    return null;
  }
}

function openFrame(rel: string, abs: string, levels: readonly IgnoreLevel[], self: WalkRow | null, rules: RuleSet, sink: WalkSink): Frame {
  let dirents: fs.Dirent[] = [];
  try {
    // Names exactly: Node's own decoding would turn a name that is not UTF-8 into another name (U+FFFD).
    dirents = readEntries(abs);
  } catch (err) {
    // A folder removed since its parent was listed is gone, not unreadable.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || rel === '') report(sink, rel, abs, err);
  }
  return { rel, abs, dirents, next: 0, levels: withGitignore(levels, rel, abs, dirents, rules, sink), bytes: 0, files: 0, self, statFailed: false };
}

/** Adds this folder's .gitignore (if any, and if the rules read them) to the inherited stack. */
function withGitignore(levels: readonly IgnoreLevel[], rel: string, abs: string, dirents: fs.Dirent[], rules: RuleSet, sink: WalkSink): readonly IgnoreLevel[] {
  if (!rules.readsGitignore) return levels;
  const file = dirents.find((d) => d.name === '.gitignore' && d.isFile());
  if (!file) return levels;
  try {
    const text = fs.readFileSync(path.join(abs, '.gitignore'), 'utf8');
    return [...levels, { dirRel: rel, matcher: makeMatcher(text) }];
  } catch (err) {
    report(sink, joinRel(rel, '.gitignore'), path.join(abs, '.gitignore'), err);
    return levels;
  }
}

function closeFrame(frame: Frame, parent: Frame | undefined, sink: WalkSink, totals: WalkTotals): void {
  if (!frame.self) return; // the root: its totals belong to the location row
  frame.self.aggregateSize = frame.bytes;
  frame.self.fileCount = frame.files;
  totals.entries++;
  sink.row(frame.self);
  if (parent) {
    parent.bytes += frame.bytes;
    parent.files += frame.files;
  }
}

function report(sink: WalkSink, rel: string, abs: string, err: unknown): void {
  const value = toErrorValue(err, abs);
  sink.error({ relativePath: rel, code: value.code, message: value.message });
}
