import type { FerryApi } from '../../shared/api';
import { displayName } from '../../shared/display-name';
import { errorMessage } from '../api/client';
import { plural } from '../lib/format';
import { resolveTyped } from '../lib/path-input';
import { baseName } from '../lib/paths';
import { WORDS, type Operation } from '../lib/operation';

/** The dialog's title: "Move “a.txt” to…", "Copy 3 Items to…". */
export function transferToTitle(operation: Operation, paths: readonly string[]): string {
  const what = paths.length === 1 ? `\u201c${displayName(baseName(paths[0]!))}\u201d` : plural(paths.length, 'Item');
  return `${WORDS[operation].noun} ${what} to\u2026`;
}

/**
 * The folder "Move to…" or "Copy to…" was given, as the path bar reads it (`~`, `~/x`, relative to the folder
 * shown), checked to be a folder (or a link to one) before anything starts; else why not, said in the dialog.
 */
export async function chooseTransferFolder(api: Pick<FerryApi, 'getInfo'>, typed: string,
  where: { current: string | null; home: string | null }): Promise<{ folder: string } | { error: string }> {
  const folder = resolveTyped(typed, where);
  if (!folder) return { error: 'Type the path of a folder' };
  try {
    const info = await api.getInfo({ path: folder });
    const isFolder = info.entryKind === 'dir' || (info.entryKind === 'symlink' && info.targetKind === 'dir');
    return isFolder ? { folder } : { error: `\u201c${displayName(folder)}\u201d is not a folder` };
  } catch (err) {
    return { error: errorMessage(err) };
  }
}
