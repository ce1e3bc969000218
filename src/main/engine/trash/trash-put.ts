import * as fs from 'node:fs';
import * as path from 'node:path';
import { FerryError, toErrorValue } from '../../../shared/errors';
import type { TrashedItem } from '../../../shared/trash';
import { fsPath, realpathExact } from '../fs/byte-names';
import { kindOfStats } from '../fs/entry-kind';
import { treeSize, updateDirectorySizes } from './directory-sizes';
import { trashDirFor, type TrashDir } from './trash-dirs';
import { formatTrashInfo } from './trash-info';
import { infoNameOf, trashNameCandidates } from './trash-names';

/**
 * Putting items into the trash (Trash specification 1.0, "Trashing a file"): the `.trashinfo` is created
 * first with O_EXCL — the atomic reservation of the name, so two programs trashing at once never take the
 * same one — then the item is renamed into `files/` under that name. A rename on the item's own file
 * system: instant whatever its size, and never a copy (the trash folder is chosen on that file system).
 * Synchronous: each step is one system call, and the copy workers call `trashByLink` from their threads.
 */

export interface Placed { dir: TrashDir; name: string; infoPath: string; filesPath: string }

/** An item's place in its trash: the info file written (O_EXCL) under the first free name. */
function reserve(dir: TrashDir, itemPath: string, now: Date): Placed {
  const original = dir.topdir === null ? itemPath : path.relative(dir.topdir, itemPath);
  const content = formatTrashInfo(original, now);
  for (const name of trashNameCandidates(path.basename(itemPath))) {
    const infoPath = path.join(dir.path, 'info', infoNameOf(name));
    const filesPath = path.join(dir.path, 'files', name);
    let fd: number;
    try {
      fd = fs.openSync(fsPath(infoPath), fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw err;
    }
    try {
      fs.writeSync(fd, content);
    } finally {
      fs.closeSync(fd);
    }
    // A file left in files/ without its info (another program's crash) keeps its name.
    if (exists(filesPath)) {
      fs.rmSync(fsPath(infoPath), { force: true });
      continue;
    }
    return { dir, name, infoPath, filesPath };
  }
  throw new Error('unreachable');
}

function exists(p: string): boolean {
  try {
    fs.lstatSync(fsPath(p));
    return true;
  } catch {
    return false;
  }
}

/** The item's real place (its parent resolved, the item itself not: a link is trashed, not its target). */
function locate(given: string): { itemPath: string; st: fs.Stats; dir: TrashDir } {
  if (!path.isAbsolute(given)) throw new FerryError('INVALID_INPUT', `Not an absolute path: ${given}`);
  const trimmed = path.resolve(given);
  let st: fs.Stats;
  try {
    st = fs.lstatSync(fsPath(trimmed));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new FerryError('SOURCE_NOT_FOUND', `No such file or folder: ${given}`, given);
    throw err;
  }
  if (trimmed === path.dirname(trimmed)) throw new FerryError('INVALID_INPUT', 'The root folder cannot go to the trash', given);
  const parent = realpathExact(path.dirname(trimmed));
  const itemPath = path.join(parent, path.basename(trimmed));
  if (fs.statSync(fsPath(parent)).dev !== st.dev) {
    throw new FerryError('INVALID_INPUT', `${itemPath} is a mount point: it cannot go to the trash (unmount it instead)`, itemPath);
  }
  const dir = trashDirFor(parent, st.dev);
  if (dir.path === itemPath || dir.path.startsWith(`${itemPath}/`)) {
    throw new FerryError('INVALID_INPUT', `${itemPath} holds the trash itself: it cannot go to the trash (delete it permanently instead)`, itemPath);
  }
  if (itemPath.startsWith(`${dir.path}/`)) {
    throw new FerryError('INVALID_INPUT', `${itemPath} is already in the trash`, itemPath);
  }
  return { itemPath, st, dir };
}

export function describePlaced(p: Placed, originalPath: string, st: fs.Stats, deletedAt: Date, size: number | null): TrashedItem {
  const kind = kindOfStats(st);
  return {
    id: p.filesPath, name: path.basename(originalPath), originalPath, deletedAt: Math.floor(deletedAt.getTime() / 1000) * 1000,
    kind, size: kind === 'dir' ? size : st.size, trashDir: p.dir.path,
  };
}

export interface TrashOutcome {
  items: TrashedItem[];
  failed: { path: string; code: string; message: string }[];
}

/**
 * Moves each path into the trash of its file system. Every item that can go goes; the others are
 * reported with their reason and stay where they were. The folders' `directorysizes` lines are written
 * after every item has moved, so that the items leave their places at once (a folder too big to size
 * quickly gets none: directory-sizes.ts).
 */
export function trashItems(paths: string[], now = new Date()): TrashOutcome {
  const out: TrashOutcome = { items: [], failed: [] };
  const folders: { placed: Placed; item: TrashedItem }[] = [];
  for (const given of paths) {
    let placed: Placed | undefined;
    try {
      const { itemPath, st, dir } = locate(given);
      placed = reserve(dir, itemPath, now);
      fs.renameSync(fsPath(itemPath), fsPath(placed.filesPath));
      const item = describePlaced(placed, itemPath, st, now, null);
      out.items.push(item);
      if (item.kind === 'dir') folders.push({ placed, item });
    } catch (err) {
      if (placed) fs.rmSync(fsPath(placed.infoPath), { force: true });
      const value = toErrorValue(err, given);
      out.failed.push({ path: given, code: value.code, message: value.message });
    }
  }
  for (const { placed, item } of folders) {
    try {
      item.size = treeSize(placed.filesPath);
      if (item.size === null) continue;
      const mtime = Math.floor(fs.statSync(fsPath(placed.infoPath)).mtimeMs / 1000);
      updateDirectorySizes(placed.dir.path, [{ size: item.size, mtime, name: placed.name }]);
    } catch {
      // A cache: a folder without its line is still listed, restored and deleted (its size shows unknown).
    }
  }
  return out;
}

/**
 * A file about to be replaced goes to the trash while its name stays taken (Replace is undoable): a hard
 * link in the trash's `files/` and its `.trashinfo`, then the caller renames the new file over the name.
 * Where the file system has no hard links (EPERM, ENOTSUP…), the file is renamed into the trash instead, and
 * the name is free until the caller's rename. Returns null for a folder (not linkable; the caller keeps its
 * own way) and throws when there is no trash on that file system.
 */
export function trashByLink(finalPath: string, now = new Date()): TrashedItem | null {
  const { itemPath, st, dir } = locate(finalPath);
  if (st.isDirectory()) return null;
  const placed = reserve(dir, itemPath, now);
  try {
    try {
      fs.linkSync(fsPath(itemPath), fsPath(placed.filesPath));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EMLINK') throw err;
      fs.renameSync(fsPath(itemPath), fsPath(placed.filesPath));
    }
  } catch (err) {
    fs.rmSync(fsPath(placed.infoPath), { force: true });
    throw err;
  }
  return describePlaced(placed, itemPath, st, now, null);
}
