import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileInfo } from '../../../shared/file-info';
import { fileKind } from '../../../shared/file-kind';
import { toErrorValue, FerryError } from '../../../shared/errors';
import type { Db } from '../db/library';
import { findLocationFor, subtreeTotals } from '../db/entries';
import { readLocation } from '../db/locations';
import { decodeName, fsPath, mayBeReplaced, realpathExact } from '../fs/byte-names';
import { kindOfStats } from '../fs/entry-kind';
import { groupName, userName } from './principals';
import { permissionOctal, permissionString } from './permissions';

/**
 * Get Info for one path: an lstat (a symlink is described as the link, with its target and what that is
 * now), owner and group names, and for a folder the totals the library index already holds (one row read);
 * counting a folder on disk is `FolderSizes`' job, in the background.
 */
export async function readFileInfo(db: Db, target: string): Promise<FileInfo> {
  let st: fs.Stats;
  try {
    st = await fs.promises.lstat(fsPath(target));
  } catch (err) {
    throw asFerryError(err, target);
  }
  const entryKind = kindOfStats(st);
  const name = path.basename(target) || target;
  const link = entryKind === 'symlink' ? await readLink(target) : { symlinkTarget: null, targetKind: null };
  return {
    path: target,
    name,
    entryKind,
    kind: fileKind({ name, entryKind, mode: st.mode }),
    size: st.size,
    indexTotals: entryKind === 'dir' ? indexTotals(db, target) : null,
    // A birth time of 0 means the file system keeps none (statx said nothing), not 1970.
    createdMs: st.birthtimeMs > 0 ? st.birthtimeMs : null,
    modifiedMs: st.mtimeMs,
    accessedMs: st.atimeMs,
    mode: st.mode,
    permissions: permissionString(st.mode),
    octal: permissionOctal(st.mode),
    owner: { id: st.uid, name: userName(st.uid) },
    group: { id: st.gid, name: groupName(st.gid) },
    ...link,
  };
}

async function readLink(target: string): Promise<Pick<FileInfo, 'symlinkTarget' | 'targetKind'>> {
  const raw = await fs.promises.readlink(fsPath(target));
  const symlinkTarget = mayBeReplaced(raw) ? decodeName(await fs.promises.readlink(fsPath(target), { encoding: 'buffer' })) : raw;
  try {
    return { symlinkTarget, targetKind: kindOfStats(await fs.promises.stat(fsPath(target))) };
  } catch {
    // Dangling, a loop, or a target we may not reach: the link still has its text.
    return { symlinkTarget, targetKind: 'missing' };
  }
}

/** A folder's totals as the index last saw them; null when no location covers it. */
function indexTotals(db: Db, folder: string): FileInfo['indexTotals'] {
  let real: string;
  try {
    real = realpathExact(folder);
  } catch {
    return null;
  }
  const found = findLocationFor(db, real);
  if (!found) return null;
  const totals = subtreeTotals(db, found.location.id, found.rel);
  if (!totals) return null;
  return { ...totals, indexedAt: readLocation(db, found.location.id)?.lastIndexedAt ?? null };
}

function asFerryError(err: unknown, target: string): FerryError {
  const value = toErrorValue(err, target);
  return new FerryError(value.code, value.message, target);
}
