import * as path from 'node:path';
import type * as fs from 'node:fs';
import type { EntryKind } from '../../../shared/types';

/** What an lstat says an entry is: a symlink is a symlink, never what it points at. */
export function kindOfStats(st: fs.Stats | fs.BigIntStats): EntryKind {
  if (st.isSymbolicLink()) return 'symlink';
  if (st.isDirectory()) return 'dir';
  if (st.isFile()) return 'file';
  return 'other'; // FIFOs, sockets, devices
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

/**
 * `dir`'s child `name`, by concatenation: names never contain a separator, `dir` is already normalised,
 * and path.join's normalising is the hottest function of a walk.
 */
export function childPath(dir: string, name: string): string {
  return dir.endsWith(path.sep) ? dir + name : dir + path.sep + name;
}
