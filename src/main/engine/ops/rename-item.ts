import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FerryError } from '../../../shared/errors';
import { nameRefusal, sameIgnoringCase } from '../../../shared/item-names';
import { fsPath } from '../fs/byte-names';
import { withOpErrors } from './op-errors';

/**
 * Renames one item in its folder and returns its new path (the undo history records the pair). Never
 * overwrites: a taken name is refused (EEXIST). A name that differs only by case (or Unicode form) and
 * resolves to the item itself — a case-insensitive file system such as vfat, exFAT, APFS or NTFS — goes
 * through a temporary name, which every such file system honours. A symlink is renamed, not its target.
 */
export function renameItem(itemPath: string, newName: string): Promise<string> {
  return withOpErrors(itemPath, () => renameChecked(itemPath, newName));
}

async function renameChecked(itemPath: string, newName: string): Promise<string> {
  const refusal = nameRefusal(newName);
  if (refusal) throw new FerryError('INVALID_INPUT', refusal, itemPath);
  const item = path.resolve(itemPath);
  const folder = path.dirname(item);
  if (folder === item) throw new FerryError('INVALID_INPUT', 'The root folder cannot be renamed.', item);
  const oldName = path.basename(item);
  const target = path.join(folder, newName);
  const st = await lstatOrNull(item);
  if (!st) throw new FerryError('SOURCE_NOT_FOUND', `\u201c${oldName}\u201d no longer exists.`, item);
  if (newName === oldName) return item;

  const existing = await lstatOrNull(target);
  if (existing) {
    const sameEntry = existing.dev === st.dev && existing.ino === st.ino && sameIgnoringCase(oldName, newName);
    if (!sameEntry) throw taken(newName, target);
    return renameThroughTemp(item, target, newName);
  }
  // rename(2) replaces silently; Node has no renameat2(RENAME_NOREPLACE), so the check above is what
  // refuses, and only a file created in the same instant could slip between the two.
  await renameOrThrow(item, target);
  return target;
}

/** a.txt → .a.txt.ferry-XXXX → A.txt: the second step cannot meet the item itself any more. */
async function renameThroughTemp(item: string, target: string, newName: string): Promise<string> {
  const temp = path.join(path.dirname(item), `.${path.basename(item)}.ferry-rename-${crypto.randomBytes(4).toString('hex')}`);
  await renameOrThrow(item, temp);
  // Still there: `target` is a second entry (a hard link to the same file on a case-sensitive system),
  // not the item under another spelling. Put the item back and refuse, as for any taken name.
  if (await lstatOrNull(target)) {
    await fs.promises.rename(fsPath(temp), fsPath(item));
    throw taken(newName, target);
  }
  try {
    await fs.promises.rename(fsPath(temp), fsPath(target));
  } catch (err) {
    await fs.promises.rename(fsPath(temp), fsPath(item)).catch(() => undefined);
    throw err;
  }
  return target;
}

function taken(newName: string, target: string): FerryError {
  return new FerryError('EEXIST', `\u201c${newName}\u201d already exists in this folder: choose another name.`, target);
}

async function renameOrThrow(from: string, to: string): Promise<void> {
  await fs.promises.rename(fsPath(from), fsPath(to));
}

async function lstatOrNull(p: string): Promise<fs.Stats | null> {
  try {
    return await fs.promises.lstat(fsPath(p));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw err;
  }
}
