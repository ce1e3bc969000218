import type { FerryApi } from '../../shared/api';
import type { FerryEvent } from '../../shared/events';
import type { ConnectionState } from '../../shared/transport';
import type { FolderEntry, FolderPage } from '../../shared/types';
import { errorCode, errorMessage } from '../api/client';
import { plural } from '../lib/format';
import { baseName, isInside, joinPath, parentOf } from '../lib/paths';
import { displayName } from '../../shared/display-name';
import { withPaths, type Listing } from './browsing';
import { selectedInOrder } from './selection';
import type { FerryStore } from './store';

/** Rows asked for before anything is shown: a few screens, answered without examining a huge folder whole. */
const FIRST_PAGE = 300;
/** Rows per background page: each message stays around a megabyte. */
const PAGE_SIZE = 10_000;
/** Re-listings in a row after LISTING_EXPIRED: bounded, so an engine that keeps dropping listings cannot loop us. */
const MAX_RELISTINGS = 2;
const LIST_REFRESH_MS = 400;
const FOLDER_REFRESH_MS = 1_500;
/** Above this many entries a re-list costs more than watching files arrive is worth. */
const LIVE_REFRESH_MAX_ENTRIES = 5_000;

export type Actions = ReturnType<typeof createActions>;

/** The pages after the first, one request ahead (the engine examines the next page while this one is merged). */
async function* pagesOf(api: FerryApi, listingId: string, from: number): AsyncGenerator<FolderPage> {
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
 * The flows that span slices: the user-level commands shared by the menu, the shortcuts and drag-and-drop,
 * reading folders from the engine, and routing the engine's events. Their bookkeeping (which navigation is
 * the newest, pending refresh timers) belongs to this one store's actions, not to any module.
 */
export function createActions(store: FerryStore, api: FerryApi, options: { openFile?: (entry: FolderEntry) => void } = {}) {
  const get = store.getState;
  let requestSeq = 0;
  let relistings = 0;
  let listRefresh: ReturnType<typeof setTimeout> | null = null;
  let folderRefresh: ReturnType<typeof setTimeout> | null = null;
  let wasOpen = false;

  /** Fetches the rest of a listing; false when a newer navigation won meanwhile (then it stops). */
  async function fetchRest(seq: number, listingId: string, from: number, onPage: (p: FolderPage) => void): Promise<boolean> {
    for await (const page of pagesOf(api, listingId, from)) {
      if (seq !== requestSeq) return false;
      onPage(page);
    }
    return seq === requestSeq;
  }

  async function navigate(path: string, options: { remember?: boolean } = {}): Promise<void> {
    const seq = ++requestSeq;
    const previous = get().path;
    // A refresh swaps in the new rows only once they are all there: the list must not shrink under the user.
    const refreshing = previous !== null && previous === path;
    performance.clearMarks('ferry:list-request');
    performance.mark('ferry:list-request', { detail: path });
    get().listingRequested();
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
        const done = await fetchRest(seq, head.listingId!, head.nextOffset, (page) => {
          listing.entries.push(...withPaths(head.path, page.entries));
        });
        if (!done) return;
        listing.complete = true;
      }
      get().showListing(listing, history);
      if (!sameFolder) get().clearSelection();
      if (!listing.complete) {
        const done = await fetchRest(seq, head.listingId!, head.nextOffset, (page) => {
          const before = get().visiblePaths;
          get().appendPage(head.path, page.entries, page.complete);
          get().followRows(before, get().visiblePaths);
        });
        if (!done) return;
        performance.mark('ferry:list-complete', { detail: get().listing?.entries.length });
      }
      if (sameFolder) get().retainSelection(new Set(get().visiblePaths));
      relistings = 0;
    } catch (err) {
      if (seq !== requestSeq) return;
      // The engine let go of this listing (idle too long, or many big listings at once): list it again.
      if (errorCode(err) === 'LISTING_EXPIRED' && get().path === path && relistings++ < MAX_RELISTINGS) {
        return navigate(path, { remember: false });
      }
      get().listingFailed(errorMessage(err));
    }
  }

  async function refresh(): Promise<void> {
    const path = get().path;
    if (path) await navigate(path, { remember: false });
  }

  /**
   * Copies `sources` into `destination`. Items already in that folder are left out (a copy onto itself is
   * meaningless), and a folder is never copied into itself; both are said, not silently dropped.
   */
  function copyInto(sources: readonly string[], destination: string): void {
    const { showNotice } = get();
    if (sources.length === 0) { showNotice('Nothing to paste: copy some items first'); return; }
    const intoItself = sources.find((s) => isInside(destination, s));
    if (intoItself) { showNotice(`Cannot copy “${baseName(intoItself)}” into itself`, 'error'); return; }
    const wanted = sources.filter((s) => parentOf(s) !== destination);
    if (wanted.length === 0) { showNotice(`${sources.length === 1 ? 'That item is' : 'Those items are'} already in this folder`); return; }
    void get().startCopy(wanted, destination);
  }

  /** While a copy lands in the folder on screen, its files appear (re-listed at most every 1.5 s). */
  function scheduleFolderRefresh(jobId: string): void {
    if (folderRefresh) return;
    const state = get();
    const destination = state.byId[jobId]?.destination;
    if (!destination || destination !== state.path || (state.listing?.entries.length ?? 0) > LIVE_REFRESH_MAX_ENTRIES) return;
    folderRefresh = setTimeout(() => {
      folderRefresh = null;
      void refresh();
    }, FOLDER_REFRESH_MS);
  }

  /** The jobs list follows the engine, at most a few times a second. */
  function scheduleListRefresh(): void {
    if (listRefresh) return;
    listRefresh = setTimeout(() => {
      listRefresh = null;
      void get().refreshJobs();
    }, LIST_REFRESH_MS);
  }

  return {
    navigate,
    refresh,
    copyInto,

    back(): void {
      const previous = get().popHistory();
      if (previous !== undefined) void navigate(previous, { remember: false });
    },

    up(): void {
      const parent = get().listing?.parent;
      if (parent) void navigate(parent);
    },

    copySelection(): void {
      const paths = selectedInOrder(get());
      if (paths.length === 0) return;
      get().setClipboard(paths);
      get().showNotice(`${plural(paths.length, 'item')} ready to paste`);
    },

    pasteInto(destination: string | null = get().path): void {
      if (destination) copyInto(get().clipboard, destination);
    },

    /** The folder filter: the rows narrow as it is typed, and the selection keeps to the rows still shown. */
    setFilter(text: string | null): void {
      const before = get().visiblePaths;
      get().setFilter(text);
      const after = get().visiblePaths;
      get().retainSelection(new Set(after));
      get().followRows(before, after);
    },

    /**
     * Opens `folder` with its entry `name` selected and in view (a library search result). A hidden entry
     * shows hidden files; false (and a notice) when the folder no longer holds it: the index was behind.
     */
    async reveal(folder: string, name: string): Promise<boolean> {
      if (get().filter !== null) get().setFilter(null); // the folder's filter must not hide what was asked for
      await navigate(folder);
      const shownPath = get().path;
      if (get().listError !== null || shownPath === null) return false;
      const path = joinPath(shownPath, name);
      if (!get().visiblePaths.includes(path) && get().listing?.entries.some((e) => e.path === path && e.hidden)) get().setShowHidden(true);
      const index = get().visiblePaths.indexOf(path);
      if (index < 0) {
        get().showNotice(`“${displayName(name)}” is no longer in ${displayName(baseName(shownPath))}`, 'error');
        return false;
      }
      get().click(get().visiblePaths, index, 'replace');
      return true;
    },

    openEntry(entry: FolderEntry): void {
      if (entry.kind === 'dir' || entry.kind === 'symlink') void navigate(entry.path);
      else if (options.openFile) options.openFile(entry);
      else get().showNotice(`Ferry copies files; open “${displayName(entry.name)}” with another app`);
    },

    /** Routes one event of the engine's stream into the slices. */
    handleEvent(event: FerryEvent): void {
      get().applyJobEvent(event);
      if (event.type === 'conflict') get().pushConflict(event);
      if (event.type === 'progress' && event.copiedFiles > 0) scheduleFolderRefresh(event.jobId);
      if (event.type === 'completed') {
        get().dropJobConflicts(event.jobId);
        // The folder on screen may be the destination (or hold it): show what arrived.
        void refresh();
      }
      if (event.type !== 'progress' && event.type !== 'filesDiscovered' && event.type !== 'filesSkipped') scheduleListRefresh();
    },

    /** Events missed while disconnected: the list is re-read on reconnect. */
    connectionChanged(state: ConnectionState): void {
      get().setConnection(state);
      if (state !== 'open') return;
      if (wasOpen) void get().refreshJobs({ afterReconnect: true });
      else scheduleListRefresh();
      wasOpen = true;
    },
  };
}
