import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FolderListings } from '../../src/main/engine/fs/list-folder';
import type { FolderListing, ListedEntry } from '../../src/shared/types';
import { emptyDir, symlink, tempDir, tree } from '../helpers/tree';

/** What the folder-listing tests share: big folders to list, and a whole listing read page by page. */

/**
 * A whole folder through the paged API, as the UI reads it: the first page, then `listFolderPage`
 * calls from each `nextOffset` until complete. Returns the listing with every entry and the page sizes seen.
 */
export async function listAll(
  listings: Pick<FolderListings, 'list' | 'page'>, folder: string, options: { first?: number; pageSize?: number } = {},
): Promise<FolderListing & { pages: number[] }> {
  const head = await listings.list(folder, options.first);
  const entries: ListedEntry[] = [...head.entries];
  const pages = [head.entries.length];
  let { nextOffset, complete } = head;
  while (!complete) {
    const page = await listings.page(head.listingId!, nextOffset, options.pageSize ?? 1_000);
    entries.push(...page.entries);
    pages.push(page.entries.length);
    ({ nextOffset, complete } = page);
  }
  return { ...head, entries, nextOffset, complete, pages };
}

/** A folder of `files` files named "f<i>.txt" (natural order: f2 before f10), plus what `extra` adds. */
export function bigFolder(files: number, extra: Parameters<typeof tree>[1] = {}): string {
  const dir = tree(tempDir(), extra);
  for (let i = 0; i < files; i++) fs.writeFileSync(path.join(dir, `f${i}.txt`), 'x'.repeat(i % 7));
  return dir;
}

/** Folders and files, mixed case, hidden names, a symlink, accents, 2,500 numbered files. */
export function mixedFolder(): string {
  return bigFolder(2_500, {
    'Dir 10': emptyDir(), 'dir 9': emptyDir(), 'a-dir': emptyDir(), '.hidden-dir': emptyDir(),
    'link to dir': symlink('a-dir'), 'A.txt': 'A', 'a.txt': 'a', '.dot': '', 'é accent': 'e', 'Ünïcode': 'u',
  });
}
