import type { FerryApi } from '../../shared/api';
import type { FerryEvent } from '../../shared/events';
import type { ConnectionState } from '../../shared/transport';
import type { FolderEntry, FolderPage } from '../../shared/types';
import { errorCode, errorMessage } from '../api/client';
import { plural } from '../lib/format';
import { WORDS, type Operation } from '../lib/operation';
import { baseName, isInside, joinPath, parentOf } from '../lib/paths';
import { displayName } from '../../shared/display-name';
import { withPaths, type Listing } from './browsing';
import { createHistoryActions } from './history-actions';
import { selectedInOrder } from './selection';
import { createLiveFolder } from './live-folder';
import { createLanding } from './landing';
import { cameFrom, moveOf, type NavigateOptions } from '../lib/navigation';
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

  /**
   * Shows the folder at `path`. `remember: false` leaves the history as it is (Back, a refresh); `select`
   * selects those rows once shown (Up selects the folder you came from); `keepForward` keeps the Forward
   * list (Forward itself). Resolves true when the folder is shown (an unreadable one too, empty and saying so).
   */
  async function navigate(path: string, options: NavigateOptions = {}): Promise<boolean> {
    const seq = ++requestSeq;
    const previous = get().path;
    // A refresh swaps in the new rows only once they are all there: the list must not shrink under the user.
    const refreshing = previous !== null && previous === path;
    performance.clearMarks('ferry:list-request');
    performance.mark('ferry:list-request', { detail: path });
    get().listingRequested();
    try {
      const head = await api.listFolder({ path, limit: refreshing ? PAGE_SIZE : FIRST_PAGE });
      if (seq !== requestSeq) return false; // a newer navigation won
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
        if (!done) return false;
        listing.complete = true;
      }
      get().setLastMove(sameFolder ? 'replace' : moveOf(options, history !== get().history));
      get().showListing(listing, history);
      get().setNavError(null);
      if (!sameFolder) {
        get().clearSelection();
        // A new way forward: the folders Back left behind are no longer ahead (as in a browser).
        if (options.remember !== false && !options.keepForward) get().setForward([]);
      }
      const selected = options.select ? get().selectPaths(get().visiblePaths, options.select) : false;
      if (!listing.complete) {
        const done = await fetchRest(seq, head.listingId!, head.nextOffset, (page) => {
          const before = get().visiblePaths;
          get().appendPage(head.path, page.entries, page.complete);
          get().followRows(before, get().visiblePaths);
        });
        if (!done) return false;
        performance.mark('ferry:list-complete', { detail: get().listing?.entries.length });
        // What to select was not among the first rows: it is now that all are in.
        if (options.select && !selected) get().selectPaths(get().visiblePaths, options.select);
      }
      if (sameFolder) get().retainSelection(new Set(get().visiblePaths));
      relistings = 0;
      return true;
    } catch (err) {
      if (seq !== requestSeq) return false;
      const code = errorCode(err);
      // The engine let go of this listing (idle too long, or many big listings at once): list it again.
      if (code === 'LISTING_EXPIRED' && get().path === path && relistings++ < MAX_RELISTINGS) {
        return navigate(path, { remember: false, select: options.select });
      }
      // A folder we may not read is still where the user went: shown empty, saying why (not the old rows).
      if (code === 'EACCES' || code === 'EPERM') {
        const history = options.remember !== false && previous && previous !== path ? [...get().history, previous] : get().history;
        get().setLastMove(previous === path ? 'replace' : moveOf(options, history !== get().history));
        get().showListing({ path, parent: parentOf(path), entries: [], complete: true, total: 0, denied: true }, history);
        if (previous !== path) get().clearSelection();
        get().setNavError(null);
        return true;
      }
      if (previous !== null && previous !== path) {
        // Another folder could not be shown: the path bar says why, the listing on screen stays as it is.
        get().listingAbandoned();
        get().setNavError(errorMessage(err));
        return false;
      }
      get().listingFailed(errorMessage(err));
      return false;
    }
  }

  const live = createLiveFolder(store, api, () => refresh());

  async function refresh(): Promise<void> {
    const path = get().path;
    if (path) await navigate(path, { remember: false });
  }

  /**
   * Copies (or moves) `sources` into `destination`. Items already in that folder are left out (a copy or
   * move onto itself is meaningless), and a folder never goes into itself; both are said, not silently
   * dropped. Resolves with the job's id once the engine took the job (null when nothing started); the items
   * are selected in the window once they land.
   */
  async function transferInto(sources: readonly string[], destination: string, operation: Operation): Promise<string | null> {
    const { showNotice } = get();
    if (sources.length === 0) { showNotice('Nothing to paste: copy some items first'); return null; }
    const intoItself = sources.find((s) => isInside(destination, s));
    if (intoItself) { showNotice(`Cannot ${WORDS[operation].verb} “${baseName(intoItself)}” into itself`, 'error'); return null; }
    const wanted = sources.filter((s) => parentOf(s) !== destination);
    if (wanted.length === 0) { showNotice(`${sources.length === 1 ? 'That item is' : 'Those items are'} already in this folder`); return null; }
    const jobId = await get().startCopy(wanted, destination, operation);
    if (jobId) landing.expect(jobId, wanted, destination);
    return jobId;
  }

  function copyInto(sources: readonly string[], destination: string): void {
    void transferInto(sources, destination, 'copy');
  }

  /**
   * Moves `sources` into `destination`. The cut they came from is used up once the engine takes the move
   * (Finder's); a refused move keeps it, so nothing is lost by trying.
   */
  async function moveInto(sources: readonly string[], destination: string): Promise<void> {
    if (!(await transferInto(sources, destination, 'move'))) return;
    if (get().clipboard.some((p) => sources.includes(p))) get().setClipboard([]);
  }

  const landing = createLanding(store, refresh);

  /** While a copy lands in the folder on screen, its files appear (re-listed at most every 1.5 s). */
  function scheduleFolderRefresh(jobId: string): void {
    if (folderRefresh) return;
    const state = get();
    const destination = state.byId[jobId]?.destination;
    if (!destination || destination !== state.path || (state.listing?.entries.length ?? 0) > LIVE_REFRESH_MAX_ENTRIES) return;
    // A live folder shows the files as they arrive already (the engine's watch).
    if (state.watching === destination) return;
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
    ...createHistoryActions(store, api, refresh),
    /** Routes this window's watched folder's changes into the listing (once, at start). */
    handleFolderChange: live.handleFolderChange,
    moveInto,
    transferInto,

    back(): void {
      const previous = get().popHistory();
      if (previous === undefined) return;
      const current = get().path;
      if (current) get().setForward([...get().forward, current]);
      void navigate(previous, { remember: false, move: 'back', select: cameFrom(current, previous) });
    },

    forward(): void {
      const forward = get().forward;
      const next = forward[forward.length - 1];
      if (next === undefined) return;
      get().setForward(forward.slice(0, -1));
      void navigate(next, { keepForward: true, move: 'forward', select: cameFrom(get().path, next) });
    },

    /** The enclosing folder, with the folder you came from selected. */
    up(): void {
      const current = get().path;
      const parent = get().listing?.parent;
      if (parent) void navigate(parent, { select: current ? [current] : undefined });
    },

    copySelection(): void {
      const paths = selectedInOrder(get());
      if (paths.length === 0) return;
      get().setClipboard(paths);
      get().showNotice(`${plural(paths.length, 'item')} ready to paste`);
    },

    /** Cut (Ctrl/Cmd+X): the items stay where they are, dimmed, until Paste moves them. */
    cutSelection(): void {
      const paths = selectedInOrder(get());
      if (paths.length === 0) return;
      get().setClipboard(paths, true);
      get().showNotice(`${plural(paths.length, 'item')} cut: paste to move ${paths.length === 1 ? 'it' : 'them'}`);
    },

    /** Paste: copies what was copied, moves what was cut. */
    pasteInto(destination: string | null = get().path): void {
      if (!destination) return;
      if (get().clipboardCut) void moveInto(get().clipboard, destination);
      else copyInto(get().clipboard, destination);
    },

    /** macOS's "Move Item Here" (Cmd+Option+V): moves what was copied (or cut). */
    moveClipboardInto(destination: string | null = get().path): void {
      if (destination) void moveInto(get().clipboard, destination);
    },

    /** The folder filter: the rows narrow as it is typed, and the selection keeps to the rows still shown. */
    setFilter(text: string | null): void {
      const before = get().visiblePaths;
      get().setFilter(text);
      const after = get().visiblePaths;
      // Nothing selected (the usual case while typing): no set of 20,000 paths to build per keystroke.
      if (get().selected.size > 0) get().retainSelection(new Set(after));
      if (get().anchor !== null || get().focus !== null) get().followRows(before, after);
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
      if (entry.kind === 'dir' || (entry.kind === 'symlink' && entry.linkKind === 'dir')) { void navigate(entry.path); return; }
      if (entry.kind === 'symlink' && !entry.linkKind) {
        get().showNotice(`“${displayName(entry.name)}” points to ${entry.linkTarget ? `“${displayName(entry.linkTarget)}”, which is not there` : 'nothing'}`, 'error');
        return;
      }
      // A file, or a link to one: opened by the system's app for it.
      if (options.openFile) { options.openFile(entry); return; }
      if (entry.kind === 'symlink' && entry.linkTarget) {
        // No opener here: the link's file, shown selected in its own folder.
        const target = entry.linkTarget;
        const folder = parentOf(target);
        if (folder) void navigate(folder, { select: [target] });
        return;
      }
      get().showNotice(`Ferry copies files; open “${displayName(entry.name)}” with another app`);
    },

    /** Routes one event of the engine's stream into the slices. */
    handleEvent(event: FerryEvent): void {
      get().applyJobEvent(event);
      if (event.type === 'conflict') get().pushConflict(event);
      if (event.type === 'progress' && event.copiedFiles > 0) scheduleFolderRefresh(event.jobId);
      if (event.type === 'completed') {
        get().dropJobConflicts(event.jobId);
        void get().refreshHistory(); // the job recorded itself: the Edit menu says "Undo Copy of …" now
        void landing.landed(event.jobId, event);
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
