import type { FolderListings } from '../../src/main/engine/fs/list-folder';
import type { FolderListing, ListedEntry } from '../../src/shared/types';

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
