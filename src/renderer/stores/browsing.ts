import { create } from 'zustand';
import type { FolderEntry, FolderListing } from '../../shared/types';
import { api } from '../api';
import { parseCallError } from '../api/transport';
import { sortEntries, type SortKey, type SortOrder } from '../lib/sort';
import { useSelection } from './selection';

interface BrowsingState {
  path: string | null;
  listing: FolderListing | null;
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

function derive(listing: FolderListing | null, order: SortOrder, showHidden: boolean) {
  const entries = listing ? (showHidden ? listing.entries : listing.entries.filter((e) => !e.hidden)) : [];
  const visible = sortEntries(entries, order);
  return { visible, visiblePaths: visible.map((e) => e.path) };
}

export const useBrowsing = create<BrowsingState>()((set, get) => ({
  path: null,
  listing: null,
  visible: [],
  visiblePaths: [],
  order: { key: 'name', ascending: true },
  showHidden: false,
  history: [],
  loading: false,
  error: null,

  async navigate(path, options = {}) {
    const seq = ++requestSeq;
    performance.clearMarks('ferry:list-request');
    performance.mark('ferry:list-request', { detail: path });
    set({ loading: true, error: null });
    try {
      const listing = await api.listFolder({ path });
      if (seq !== requestSeq) return; // a newer navigation won
      performance.mark('ferry:list-received', { detail: listing.entries.length });
      const previous = get().path;
      const history = options.remember !== false && previous && previous !== listing.path
        ? [...get().history, previous] : get().history;
      const sameFolder = previous === listing.path;
      set({ path: listing.path, listing, history, loading: false, ...derive(listing, get().order, get().showHidden) });
      if (!sameFolder) useSelection.getState().clear();
      else useSelection.getState().retain(new Set(get().visiblePaths));
      document.title = `${listing.path} — Ferry`;
    } catch (err) {
      if (seq !== requestSeq) return;
      set({ loading: false, error: parseCallError(err).message });
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

  sortBy(key) {
    const current = get().order;
    const order = { key, ascending: current.key === key ? !current.ascending : true };
    set({ order, ...derive(get().listing, order, get().showHidden) });
  },

  setShowHidden(showHidden) {
    set({ showHidden, ...derive(get().listing, get().order, showHidden) });
  },
}));
