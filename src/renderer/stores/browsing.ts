import { create } from 'zustand';
import type { FolderEntry, FolderPage, ListedEntry } from '../../shared/types';
import { api } from '../api';
import { errorCode, errorMessage } from '../api/client';
import { joinPath } from '../lib/paths';
import { mergeSorted, sortEntries, type SortKey, type SortOrder } from '../lib/sort';
import { useSelection } from './selection';
import { displayName } from '../../shared/display-name';

/** Rows asked for before anything is shown: a few screens, answered without examining a huge folder whole. */
const FIRST_PAGE = 300;
/** Rows per background page: each message stays around a megabyte. */
const PAGE_SIZE = 10_000;

interface Listing {
  path: string;
  parent: string | null;
  /** Every entry received so far, in the engine's order. */
  entries: FolderEntry[];
  /** False while pages are still arriving in the background. */
  complete: boolean;
  /** Names the folder held when read (entries that vanished meanwhile are not listed). */
  total: number;
}

interface BrowsingState {
  path: string | null;
  listing: Listing | null;
  /** Bumped for each new listing shown (not for pages appended to it): when "first rows" happen. */
  generation: number;
  /** The rows as shown: sorted, hidden entries filtered unless asked for. */
  visible: FolderEntry[];
  visiblePaths: string[];
  order: SortOrder;
  showHidden: boolean;
  history: string[];
  loading: boolean;
  error: string | null;
  navigate(path: string, options?: { remember?: boolean }): Promise<void>;
  back(): void;
  up(): void;
  refresh(): Promise<void>;
  sortBy(key: SortKey): void;
  setShowHidden(show: boolean): void;
}

let requestSeq = 0;
/** Re-listings in a row after LISTING_EXPIRED: bounded, so an engine that keeps dropping listings cannot loop us. */
let relistings = 0;
const MAX_RELISTINGS = 2;

function shown(entries: readonly FolderEntry[], showHidden: boolean): readonly FolderEntry[] {
  return showHidden ? entries : entries.filter((e) => !e.hidden);
}

function derive(listing: Listing | null, order: SortOrder, showHidden: boolean) {
  const visible = sortEntries(listing ? shown(listing.entries, showHidden) : [], order);
  return { visible, visiblePaths: visible.map((e) => e.path) };
}

function withPaths(folder: string, entries: readonly ListedEntry[]): FolderEntry[] {
  return entries.map((e) => ({ ...e, path: joinPath(folder, e.name) }));
}

/** The pages after the first, one request ahead (the engine examines the next page while this one is merged). */
async function* pagesOf(listingId: string, from: number): AsyncGenerator<FolderPage> {
  const fetchPage = (offset: number) => {
    const request = api.listFolderPage({ listingId, offset, limit: PAGE_SIZE });
    request.catch(() => undefined); // a prefetch nobody awaits (navigated away) must not be an unhandled rejection
    return request;
  };
  let request = fetchPage(from);
  for (;;) {
    const page = await request;
    if (!page.complete) request = fetchPage(page.nextOffset);
    yield page;
    if (page.complete) return;
  }
}

/**
 * Keyboard focus and the Shift-click anchor are row indexes: when rows arrive above them (a page merged
 * into a size order), they follow their rows.
 */
function followMovedRows(before: readonly string[], after: readonly string[]): void {
  const { anchor, focus } = useSelection.getState();
  const moved = (index: number | null) => {
    if (index === null || before[index] === after[index]) return index;
    const at = after.indexOf(before[index]!);
    return at < 0 ? null : at;
  };
  const next = { anchor: moved(anchor), focus: moved(focus) };
  if (next.anchor !== anchor || next.focus !== focus) useSelection.setState(next);
}

export const useBrowsing = create<BrowsingState>()((set, get) => {
  /** Shows a page that arrived in the background, keeping the rows' order, the selection and the scroll position. */
  function append(folderPath: string, listed: readonly ListedEntry[], complete: boolean): void {
    const { listing, visible, visiblePaths, order, showHidden } = get();
    if (!listing) return;
    const added = withPaths(folderPath, listed);
    const entries = listing.entries.concat(added);
    const merged = mergeSorted(visible, shown(added, showHidden), order);
    const paths = merged.map((e) => e.path);
    set({ listing: { ...listing, entries, complete }, visible: merged, visiblePaths: paths });
    followMovedRows(visiblePaths, paths);
  }

  async function fetchRest(seq: number, folderPath: string, listingId: string, from: number, onPage: (p: FolderPage) => void) {
    for await (const page of pagesOf(listingId, from)) {
      if (seq !== requestSeq) return false; // a newer navigation won: stop fetching this one
      onPage(page);
    }
    return seq === requestSeq;
  }

  return {
    path: null,
    listing: null,
    generation: 0,
    visible: [],
    visiblePaths: [],
    order: { key: 'name', ascending: true },
    showHidden: false,
    history: [],
    loading: false,
    error: null,

    async navigate(path, options = {}) {
      const seq = ++requestSeq;
      const previous = get().path;
      // A refresh swaps in the new rows only once they are all there: the list must not shrink under the user.
      const refreshing = previous !== null && previous === path;
      performance.clearMarks('ferry:list-request');
      performance.mark('ferry:list-request', { detail: path });
      set({ loading: true, error: null });
      try {
        const head = await api.listFolder({ path, limit: refreshing ? PAGE_SIZE : FIRST_PAGE });
        if (seq !== requestSeq) return; // a newer navigation won
        performance.mark('ferry:list-received', { detail: head.entries.length });
        const history = options.remember !== false && previous && previous !== head.path
          ? [...get().history, previous] : get().history;
        const sameFolder = previous === head.path;
        const listing: Listing = {
          path: head.path, parent: head.parent, entries: withPaths(head.path, head.entries), complete: head.complete, total: head.total,
        };
        if (sameFolder && !head.complete) {
          const done = await fetchRest(seq, head.path, head.listingId!, head.nextOffset, (page) => {
            listing.entries.push(...withPaths(head.path, page.entries));
          });
          if (!done) return;
          listing.complete = true;
        }
        const generation = get().generation + 1;
        set({ path: head.path, listing, generation, history, loading: false, ...derive(listing, get().order, get().showHidden) });
        if (!sameFolder) useSelection.getState().clear();
        document.title = `${displayName(head.path)} — Ferry`;
        if (!listing.complete) {
          const done = await fetchRest(seq, head.path, head.listingId!, head.nextOffset, (page) => append(head.path, page.entries, page.complete));
          if (!done) return;
          performance.mark('ferry:list-complete', { detail: get().listing?.entries.length });
        }
        if (sameFolder) useSelection.getState().retain(new Set(get().visiblePaths));
        relistings = 0;
      } catch (err) {
        if (seq !== requestSeq) return;
        const code = errorCode(err);
        const message = errorMessage(err);
        // The engine let go of this listing (idle too long, or many big listings at once): list it again.
        if (code === 'LISTING_EXPIRED' && get().path === path && relistings++ < MAX_RELISTINGS) {
          return get().navigate(path, { remember: false });
        }
        set({ loading: false, error: message });
      }
    },

    back() {
      const history = get().history;
      const previous = history[history.length - 1];
      if (previous === undefined) return;
      set({ history: history.slice(0, -1) });
      void get().navigate(previous, { remember: false });
    },

    up() {
      const parent = get().listing?.parent;
      if (parent) void get().navigate(parent);
    },

    async refresh() {
      const path = get().path;
      if (path) await get().navigate(path, { remember: false });
    },

    /**
     * While pages are still arriving this sorts the rows already there, and each page then merges in at
     * its place (as Finder fills a window sorted by size): the click acts at once, and when the last page
     * is in, the order is the same as if the folder had been sorted whole.
     */
    sortBy(key) {
      const current = get().order;
      const order = { key, ascending: current.key === key ? !current.ascending : true };
      set({ order, ...derive(get().listing, order, get().showHidden) });
    },

    setShowHidden(showHidden) {
      set({ showHidden, ...derive(get().listing, get().order, showHidden) });
    },
  };
});
