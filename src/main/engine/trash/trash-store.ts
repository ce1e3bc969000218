import * as fs from 'node:fs';
import * as path from 'node:path';
import { FerryError } from '../../../shared/errors';
import type { RestoreConflict, RestoreResult, TrashedItem } from '../../../shared/trash';
import { fsPath, readNames } from '../fs/byte-names';
import { kindOfStats } from '../fs/entry-kind';
import { keepBothName } from '../copy/keep-both-name';
import { readDirectorySizes, updateDirectorySizes } from './directory-sizes';
import { allTrashDirs, type TrashDir } from './trash-dirs';
import { parseTrashInfo } from './trash-info';
import { infoNameOf, nameOfInfo } from './trash-names';
import { trashItems } from './trash-put';

/**
 * What is in the trash, and taking it out (Trash specification 1.0, "Contents of a trash directory"):
 * every trash folder's `info/*.trashinfo` with its item in `files/`, whoever put it there (GIO, KIO,
 * Ferry). An info file without its item is ignored, as the specification says; restore puts an item
 * back at its `Path=` (creating the folders above it), then removes its info file.
 */

function lstatOrNull(p: string): fs.Stats | null {
  try {
    return fs.lstatSync(fsPath(p));
  } catch {
    return null;
  }
}

/** One trashed item read from its trash folder, or null when its info or its item is missing or unreadable. */
function readItem(dir: TrashDir, name: string, sizes: Map<string, number>): TrashedItem | null {
  const filesPath = path.join(dir.path, 'files', name);
  const st = lstatOrNull(filesPath);
  if (!st) return null;
  let text: string;
  try {
    text = fs.readFileSync(fsPath(path.join(dir.path, 'info', infoNameOf(name))), 'utf8');
  } catch {
    return null;
  }
  const info = parseTrashInfo(text);
  if (!info) return null;
  const originalPath = path.isAbsolute(info.path) || dir.topdir === null ? info.path : path.join(dir.topdir, info.path);
  const kind = kindOfStats(st);
  return {
    id: filesPath, name: path.basename(originalPath), originalPath, deletedAt: info.deletedAtMs, kind,
    size: kind === 'dir' ? sizes.get(name) ?? null : st.size, trashDir: dir.path,
  };
}

function namesIn(dir: TrashDir): string[] {
  try {
    return readNames(path.join(dir.path, 'info')).map(nameOfInfo).filter((n): n is string => n !== null);
  } catch {
    return [];
  }
}

/** Every item of every trash folder, the most recently trashed first. */
export function listTrash(dirs: TrashDir[] = allTrashDirs()): TrashedItem[] {
  const items: TrashedItem[] = [];
  for (const dir of dirs) {
    const sizes = new Map(readDirectorySizes(dir.path).map((e) => [e.name, e.size]));
    for (const name of namesIn(dir)) {
      const item = readItem(dir, name, sizes);
      if (item) items.push(item);
    }
  }
  return items.sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0) || a.name.localeCompare(b.name));
}

/** The trashed item an id names; TRASH_ITEM_NOT_FOUND unless it is an item of a trash folder. */
export function findTrashed(id: string, dirs: TrashDir[] = allTrashDirs()): { item: TrashedItem; dir: TrashDir } {
  const filesDir = path.dirname(id);
  const dir = dirs.find((d) => path.join(d.path, 'files') === filesDir);
  const item = dir && path.basename(id) !== '' ? readItem(dir, path.basename(id), new Map(readDirectorySizes(dir.path).map((e) => [e.name, e.size]))) : null;
  if (!dir || !item) throw new FerryError('TRASH_ITEM_NOT_FOUND', `Not in the trash (restored or deleted meanwhile?): ${id}`, id);
  return { item, dir };
}

/** Takes an item out of its trash folder's bookkeeping: its info file and its `directorysizes` line. */
function forget(dir: TrashDir, name: string): void {
  fs.rmSync(fsPath(path.join(dir.path, 'info', infoNameOf(name))), { force: true });
  updateDirectorySizes(dir.path, [], [name]);
}

/**
 * Puts items back where they were. A taken original place is decided by `onConflict`: `ask` leaves the
 * item and reports it, `skip` leaves it, `keep-both` restores it beside under Finder's next free name,
 * `replace` sends what is there to the trash first (so a Replace can be undone too).
 */
export function restoreItems(ids: string[], onConflict: RestoreConflict): RestoreResult {
  const dirs = allTrashDirs();
  const result: RestoreResult = { restored: [], conflicts: [], skipped: [], replaced: [] };
  for (const id of ids) {
    const { item, dir } = findTrashed(id, dirs);
    let target = item.originalPath;
    if (lstatOrNull(target)) {
      if (onConflict === 'ask') {
        result.conflicts.push({ id, path: target });
        continue;
      }
      if (onConflict === 'skip') {
        result.skipped.push(id);
        continue;
      }
      if (onConflict === 'keep-both') {
        const parent = path.dirname(target);
        target = path.join(parent, keepBothName(path.basename(target), (n) => lstatOrNull(path.join(parent, n)) !== null));
      } else {
        const moved = trashItems([target]);
        if (moved.failed.length > 0) throw new FerryError('TRASH_UNAVAILABLE', moved.failed[0]!.message, target);
        result.replaced.push(...moved.items);
      }
    }
    fs.mkdirSync(fsPath(path.dirname(target)), { recursive: true });
    try {
      fs.renameSync(fsPath(item.id), fsPath(target));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EXDEV') {
        throw new FerryError('EXDEV', `${item.name} was trashed from another file system than ${path.dirname(target)} is on now; move it out of ${path.dirname(item.id)} by hand`, target);
      }
      throw err;
    }
    forget(dir, path.basename(item.id));
    result.restored.push({ id, path: target });
  }
  return result;
}

/** Removes trashed items for good. */
export function deleteTrashed(ids: string[]): { deleted: number } {
  const dirs = allTrashDirs();
  let deleted = 0;
  for (const id of ids) {
    const { dir } = findTrashed(id, dirs);
    fs.rmSync(fsPath(id), { recursive: true, force: true });
    forget(dir, path.basename(id));
    deleted++;
  }
  return { deleted };
}

/**
 * Empties every trash folder: each item (the ones without an info file too), each info file, `directorysizes`.
 * `deleted` counts the items the list showed.
 */
export function emptyTrash(dirs: TrashDir[] = allTrashDirs()): { deleted: number } {
  const deleted = listTrash(dirs).length;
  for (const dir of dirs) {
    for (const sub of ['files', 'info']) {
      let names: string[];
      try {
        names = readNames(path.join(dir.path, sub));
      } catch {
        continue;
      }
      for (const n of names) fs.rmSync(fsPath(path.join(dir.path, sub, n)), { recursive: true, force: true });
    }
    fs.rmSync(fsPath(path.join(dir.path, 'directorysizes')), { force: true });
  }
  return { deleted };
}
