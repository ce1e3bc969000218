import { joinRel } from '../db/subtree';

/**
 * The names of one folder's children as the library search stores them (table `search_folders`):
 * `/a.txt/b.jpg/` — '/' is the one character no file name can hold, so it both separates the names and
 * marks where each starts and ends (a query `/x` finds names starting with x, `x/` names ending with it).
 * `folded` is the same string case-folded; folding never adds or removes a '/', so the n-th name of
 * one is the n-th name of the other.
 *
 * (Loaded in the index write worker: this module stays free of zod and the shared schemas.)
 */
export const NAME_SEPARATOR = '/';

export interface FolderNamesRow {
  /** The folder, relative to the location root ('' for the root): the `relative_path` of its children. */
  relativePath: string;
  names: string;
  folded: string;
}

/** Case folding for search: the stored names and every query go through this one function. */
export function foldForSearch(text: string): string {
  return text.toLowerCase();
}

export function folderNamesRow(relativePath: string, names: readonly string[]): FolderNamesRow {
  const joined = NAME_SEPARATOR + names.join(NAME_SEPARATOR) + NAME_SEPARATOR;
  return { relativePath, names: joined, folded: foldForSearch(joined) };
}

/** The names of a stored row, in order. */
export function splitNames(joined: string): string[] {
  return joined.slice(1, -1).split(NAME_SEPARATOR);
}

/**
 * Gathers an index walk's rows into one row per folder. The walk (indexer/walker.ts) sends a
 * directory's own row only after everything below it, so that row says the folder's list of names is
 * complete: it is handed out then, and memory holds only the folders still being walked.
 */
export class FolderNamesCollector {
  private readonly open = new Map<string, string[]>();

  /** Records one walked entry; returns the folder this entry completes (a directory's row), if any. */
  add(relativePath: string, name: string, isDir: boolean): FolderNamesRow | undefined {
    const names = this.open.get(relativePath);
    if (names) names.push(name);
    else this.open.set(relativePath, [name]);
    if (!isDir) return undefined;
    const folder = joinRel(relativePath, name);
    const children = this.open.get(folder);
    if (!children) return undefined; // an empty folder: no row
    this.open.delete(folder);
    return folderNamesRow(folder, children);
  }

  /** The folders still open when the walk ends: the root, whose row no walk sends. */
  drain(): FolderNamesRow[] {
    const rows = [...this.open].map(([rel, names]) => folderNamesRow(rel, names));
    this.open.clear();
    return rows;
  }
}
