import type { FolderEntry, ListedEntry } from '../../shared/types';
import { filterByName } from '../lib/name-filter';
import { joinPath } from '../lib/paths';
import { mergeSorted, sortEntries, type SortKey, type SortOrder } from '../lib/sort';
import type { Slice } from './store';

/** The folder on screen. Reading it from the engine (pages, races, re-listing) is a flow: ./actions.ts. */
export interface Listing {
  path: string;
  parent: string | null;
  /** Every entry received so far, in the engine's order. */
  entries: FolderEntry[];
  /** False while pages are still arriving in the background. */
  complete: boolean;
  /** Names the folder held when read (entries that vanished meanwhile are not listed). */
  total: number;
  /** The folder may not be read: shown empty, saying so. */
  denied?: boolean;
}

export interface BrowsingSlice {
  path: string | null;
  listing: Listing | null;
  /** Bumped for each new listing shown (not for pages appended to it): when "first rows" happen. */
  generation: number;
  /** The rows as shown: sorted, hidden entries filtered unless asked for, then the name filter. */
  visible: FolderEntry[];
  /** The rows sorted, before the name filter: what each keystroke in the filter narrows (no re-sort). */
  sorted: FolderEntry[];
  /** The name filter's text (Ctrl/Cmd+F); null when the filter is closed. A new folder closes it. */
  filter: string | null;
  visiblePaths: string[];
  order: SortOrder;
  showHidden: boolean;
  history: string[];
  loading: boolean;
  listError: string | null;
  listingRequested(): void;
  /** Shows a listing (a new folder, or the same one read again), with the history it leaves behind. */
  showListing(listing: Listing, history: string[]): void;
  /** Shows a page that arrived in the background, keeping the rows' order (the selection follows: actions). */
  appendPage(folderPath: string, listed: readonly ListedEntry[], complete: boolean): void;
  listingFailed(message: string): void;
  /** A folder asked for could not be shown: the one on screen stays, as it was. */
  listingAbandoned(): void;
  /** The listing's entries changed on disk (a watched folder): the rows follow, in the order shown. */
  replaceEntries(entries: readonly FolderEntry[]): void;
  /** Takes the last folder off the history, for Back. */
  popHistory(): string | undefined;
  /**
   * While pages are still arriving this sorts the rows already there, and each page then merges in at
   * its place (as Finder fills a window sorted by size): the click acts at once, and when the last page
   * is in, the order is the same as if the folder had been sorted whole.
   */
  sortBy(key: SortKey): void;
  setShowHidden(show: boolean): void;
  /** Narrows the rows to names containing `text` (null: closes the filter). The selection follows: actions. */
  setFilter(text: string | null): void;
}

function shown(entries: readonly FolderEntry[], showHidden: boolean): readonly FolderEntry[] {
  return showHidden ? entries : entries.filter((e) => !e.hidden);
}

function derive(listing: Listing | null, order: SortOrder, showHidden: boolean, filter: string | null) {
  const sorted = sortEntries(listing ? shown(listing.entries, showHidden) : [], order);
  return { sorted, ...narrowed(sorted, filter) };
}

function narrowed(sorted: FolderEntry[], filter: string | null) {
  const visible = filterByName(sorted, filter) as FolderEntry[];
  return { visible, visiblePaths: visible.map((e) => e.path) };
}

export function withPaths(folder: string, entries: readonly ListedEntry[]): FolderEntry[] {
  return entries.map((e) => ({ ...e, path: joinPath(folder, e.name) }));
}

export const createBrowsingSlice: Slice<BrowsingSlice> = (set, get) => ({
  path: null,
  listing: null,
  generation: 0,
  visible: [],
  sorted: [],
  filter: null,
  visiblePaths: [],
  order: { key: 'name', ascending: true },
  showHidden: false,
  history: [],
  loading: false,
  listError: null,

  listingRequested: () => set({ loading: true, listError: null }),

  showListing(listing, history) {
    const { generation, order, showHidden } = get();
    const filter = listing.path === get().path ? get().filter : null;
    set({ path: listing.path, listing, generation: generation + 1, history, loading: false, filter, ...derive(listing, order, showHidden, filter) });
  },

  appendPage(folderPath, listed, complete) {
    const { listing, sorted, order, showHidden, filter } = get();
    if (!listing) return;
    const added = withPaths(folderPath, listed);
    const entries = listing.entries.concat(added);
    const merged = mergeSorted(sorted, shown(added, showHidden), order);
    set({ listing: { ...listing, entries, complete }, sorted: merged, ...narrowed(merged, filter) });
  },

  listingFailed: (message) => set({ loading: false, listError: message }),
  listingAbandoned: () => set({ loading: false }),

  replaceEntries(entries) {
    const { listing, visible, order, showHidden } = get();
    if (!listing || entries === listing.entries) return;
    // Linear, not a sort of every row: rows that stay are kept in place, new or changed ones merged in
    // (a file being written changes every 100 ms; a 100,000-row folder must not be sorted each time).
    const known = new Set(listing.entries);
    const current = new Set(entries);
    const arrived = entries.filter((e) => !known.has(e));
    const merged = mergeSorted(visible.filter((e) => current.has(e)), shown(arrived, showHidden), order);
    set({ listing: { ...listing, entries: [...entries] }, visible: merged, visiblePaths: merged.map((e) => e.path) });
  },

  popHistory() {
    const history = get().history;
    const previous = history[history.length - 1];
    if (previous !== undefined) set({ history: history.slice(0, -1) });
    return previous;
  },

  sortBy(key) {
    const current = get().order;
    const order = { key, ascending: current.key === key ? !current.ascending : true };
    set({ order, ...derive(get().listing, order, get().showHidden, get().filter) });
  },

  setShowHidden(showHidden) {
    set({ showHidden, ...derive(get().listing, get().order, showHidden, get().filter) });
  },

  setFilter(filter) {
    set({ filter, ...narrowed(get().sorted, filter) });
  },
});
