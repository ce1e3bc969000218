import * as fs from 'node:fs';
import * as path from 'node:path';
import { fsPath, readEntries } from '../fs/byte-names';
import { decodeTrashPath, encodeTrashPath } from './trash-info';

/**
 * A trash folder's `directorysizes` cache (Trash specification 1.0): one line per trashed folder,
 * `SIZE MTIME NAME` — its size in bytes, the modification time (seconds) of its `.trashinfo`, its
 * percent-encoded name in `files/`. Rewritten whole to a temporary name then renamed, as the specification
 * asks, so that a reader never sees half a file.
 */

export interface DirectorySize { size: number; mtime: number; name: string }

export function parseDirectorySizes(text: string): DirectorySize[] {
  const out: DirectorySize[] = [];
  for (const line of text.split('\n')) {
    const m = /^(\d+) (\d+) (.+)$/.exec(line);
    if (m) out.push({ size: Number(m[1]), mtime: Number(m[2]), name: decodeTrashPath(m[3]!) });
  }
  return out;
}

export function formatDirectorySizes(entries: DirectorySize[]): string {
  return entries.map((e) => `${e.size} ${e.mtime} ${encodeTrashPath(e.name)}\n`).join('');
}

export function readDirectorySizes(trashDir: string): DirectorySize[] {
  try {
    return parseDirectorySizes(fs.readFileSync(fsPath(path.join(trashDir, 'directorysizes')), 'utf8'));
  } catch {
    return [];
  }
}

/** Drops the lines of `removed` names, adds `added` (replacing a line of the same name). */
export function updateDirectorySizes(trashDir: string, added: DirectorySize[], removed: string[] = []): void {
  const gone = new Set([...removed, ...added.map((a) => a.name)]);
  const before = readDirectorySizes(trashDir);
  const kept = before.filter((e) => !gone.has(e.name));
  if (added.length === 0 && kept.length === before.length) return;
  const file = path.join(trashDir, 'directorysizes');
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(fsPath(tmp), formatDirectorySizes([...kept, ...added]), { mode: 0o600 });
  fs.renameSync(fsPath(tmp), fsPath(file));
}

/**
 * Entries walked at most to size a trashed folder: the walk runs in the host's process after the rename, so
 * a folder bigger than this (a whole source tree) gets no line rather than a pause. The file is a cache:
 * a reader computes what it lacks.
 */
export const SIZE_WALK_LIMIT = 20_000;

/**
 * The bytes of the files under `dir` (symlinks counted as themselves, never followed), or null when it
 * holds more than `limit` entries.
 */
export function treeSize(dir: string, limit = SIZE_WALK_LIMIT): number | null {
  let total = 0;
  let seen = 0;
  const stack = [dir];
  while (stack.length > 0) {
    const at = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = readEntries(at);
    } catch {
      continue;
    }
    seen += entries.length;
    if (seen > limit) return null;
    for (const e of entries) {
      const p = path.join(at, e.name);
      try {
        const st = fs.lstatSync(fsPath(p));
        if (st.isDirectory()) stack.push(p);
        else total += st.size;
      } catch {
        // Gone meanwhile: it weighs nothing.
      }
    }
  }
  return total;
}
