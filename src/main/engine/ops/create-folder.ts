import * as fs from 'node:fs';
import * as path from 'node:path';
import { FerryError } from '../../../shared/errors';
import { nameRefusal, newFolderNames } from '../../../shared/item-names';
import { fsPath } from '../fs/byte-names';
import { withOpErrors } from './op-errors';

/**
 * Creates a folder in `parent` and returns its path (the undo history records it). Without a name:
 * "New Folder", else "New Folder 2", "New Folder 3"… — each tried with mkdir(2) itself, which fails on a
 * taken name atomically (and as the file system compares names: "new folder" counts on vfat), so two
 * windows creating at once get two folders. With a name: exactly that one, refused when taken.
 */
export function createFolder(parent: string, name?: string): Promise<string> {
  const folder = path.resolve(parent);
  return withOpErrors(folder, async () => {
    const st = await fs.promises.stat(fsPath(folder)).catch(() => null);
    if (!st) throw new FerryError('DEST_NOT_FOUND', `The folder ${folder} does not exist.`, folder);
    if (!st.isDirectory()) throw new FerryError('NOT_A_DIRECTORY', `${folder} is not a folder.`, folder);
    if (name !== undefined) {
      const refusal = nameRefusal(name);
      if (refusal) throw new FerryError('INVALID_INPUT', refusal, folder);
      const target = path.join(folder, name);
      await mkdirNew(target).then((made) => {
        if (!made) throw new FerryError('EEXIST', `\u201c${name}\u201d already exists in this folder: choose another name.`, target);
      });
      return target;
    }
    for (const candidate of newFolderNames()) {
      const target = path.join(folder, candidate);
      if (await mkdirNew(target)) return target;
    }
    throw new FerryError('INTERNAL', 'No free folder name');
  });
}

/** mkdir(2): true when made, false when the name is taken; other errors are thrown. */
async function mkdirNew(target: string): Promise<boolean> {
  try {
    await fs.promises.mkdir(fsPath(target));
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}
