import * as path from 'node:path';
import type * as fs from 'node:fs';
import type { EntryKind } from '../../../shared/types';

/**
 * What an entry is, in one name everywhere: `EntryKind` ('file' | 'dir' | 'symlink' | 'other', the last for
 * FIFOs, sockets and devices), as the index stores it, the copy engine queues it and the UI lists it. Where
 * entries travel between threads in bulk (typed arrays, flat row arrays) a kind is a small integer code:
 * this module is the only place that maps one to the other.
 */
export type { EntryKind };

export const KIND_FILE = 0;
export const KIND_DIR = 1;
export const KIND_SYMLINK = 2;
export const KIND_OTHER = 3;
export type KindCode = typeof KIND_FILE | typeof KIND_DIR | typeof KIND_SYMLINK | typeof KIND_OTHER;

const KIND_OF_CODE: readonly EntryKind[] = ['file', 'dir', 'symlink', 'other'];
const CODE_OF_KIND: Record<EntryKind, KindCode> = { file: KIND_FILE, dir: KIND_DIR, symlink: KIND_SYMLINK, other: KIND_OTHER };

export function kindCode(kind: EntryKind): KindCode {
  return CODE_OF_KIND[kind];
}

/** The kind a code stands for; a code no sender writes is a bug, not an entry. */
export function kindOfCode(code: number): EntryKind {
  const kind = KIND_OF_CODE[code];
  if (kind === undefined) throw new Error(`Not an entry kind code: ${code}`);
  return kind;
}

/** What an lstat says an entry is: a symlink is a symlink, never what it points at. */
export function kindOfStats(st: fs.Stats | fs.BigIntStats): EntryKind {
  return KIND_OF_CODE[kindCodeOfStats(st)]!;
}

/** `kindOfStats` as a code (the walks that send codes skip the name). */
export function kindCodeOfStats(st: fs.Stats | fs.BigIntStats): KindCode {
  if (st.isSymbolicLink()) return KIND_SYMLINK;
  if (st.isDirectory()) return KIND_DIR;
  if (st.isFile()) return KIND_FILE;
  return KIND_OTHER;
}

/** Whether readdir reported the entry's type: some file systems do not (DT_UNKNOWN), and then only an lstat tells. */
export function direntTypeKnown(d: fs.Dirent): boolean {
  return d.isFile() || d.isDirectory() || d.isSymbolicLink() || d.isFIFO() || d.isSocket() || d.isBlockDevice()
    || d.isCharacterDevice();
}

/** What readdir's d_type says (it never follows a symlink either). */
export function kindOfDirent(d: fs.Dirent): EntryKind {
  if (d.isSymbolicLink()) return 'symlink';
  if (d.isDirectory()) return 'dir';
  if (d.isFile()) return 'file';
  return 'other';
}

/** What readdir's d_type says, as a code; null when the file system does not say (DT_UNKNOWN). */
export function direntKindCode(d: fs.Dirent): KindCode | null {
  return direntTypeKnown(d) ? CODE_OF_KIND[kindOfDirent(d)] : null;
}

/**
 * `dir`'s child `name`, by concatenation: names never contain a separator, `dir` is already normalised,
 * and path.join's normalising is the hottest function of a walk.
 */
export function childPath(dir: string, name: string): string {
  return dir.endsWith(path.sep) ? dir + name : dir + path.sep + name;
}
