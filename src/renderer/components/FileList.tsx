import { memo, useCallback, useEffect, useLayoutEffect, useReducer, useRef, type DragEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { acceptsDrop, beginDrag, dropOnFolder, hoverFolder, leaveFolders } from '../dom/drop-handlers';
import type { SortKey, SortOrder } from '../lib/sort';
import { FileRow } from './FileRow';
import { actions, fileOps, store, useFerry } from '../state';
import { isMac } from '../dom/platform';
import { selectedInOrder } from '../stores/selection';
import { findTyped, TYPE_SELECT_PAUSE_MS } from '../lib/type-select';
import { anchoredOffset } from '../lib/scroll-anchor';
import { displayName } from '../../shared/display-name';

const ROW_HEIGHT = 28;
/** Rows rendered beyond each edge of the view: enough for a wheel step, few enough that a fling renders little. */
const OVERSCAN = 6;
const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Name' }, { key: 'size', label: 'Size' }, { key: 'kind', label: 'Kind' }, { key: 'modified', label: 'Modified' },
];

/**
 * Rows are keyed by slot, index modulo the pool (the longest range rendered so far), not by path: any
 * range no longer than the pool gets distinct keys, and a row entering the range takes the key of the
 * row that just left it. So a scrolled-out row hands its DOM nodes to the scrolled-in one, and a fast
 * scroll updates a few texts and attributes instead of removing and creating ~30 rows a frame (and
 * computing their style and layout from scratch).
 */
function useSlotPool(rendered: number): number {
  const pool = useRef(0);
  pool.current = Math.max(pool.current, rendered);
  return pool.current;
}

/** The column headers: memoised, as the list re-renders on every scroll frame and they only change with the order. */
const ListHeader = memo(function ListHeader({ order }: { order: SortOrder }) {
  return (
    <div role="rowgroup" className="file-header">
      <div role="row" className="header-row">
        {COLUMNS.map((c) => (
          <div key={c.key} role="columnheader" className={`cell ${c.key}`}
            aria-sort={order.key === c.key ? (order.ascending ? 'ascending' : 'descending') : 'none'}>
            <button type="button" tabIndex={-1} onClick={() => store.getState().sortBy(c.key)}>
              {c.label}{order.key === c.key ? (order.ascending ? ' ▲' : ' ▼') : ''}
            </button>
          </div>
        ))}
      </div>
    </div>
  );
});

/** The current folder as a virtualised grid: only the rows on screen exist in the DOM (100,000 entries stay smooth). */
export function FileList() {
  const entries = useFerry((s) => s.visible);
  const path = useFerry((s) => s.path);
  const error = useFerry((s) => s.listError);
  const loading = useFerry((s) => s.loading);
  const complete = useFerry((s) => s.listing?.complete ?? true);
  const generation = useFerry((s) => s.generation);
  const order = useFerry((s) => s.order);
  // The focused row by path: rows arriving above it move its index, which is no reason to scroll to it.
  const focusPath = useFerry((s) => (s.focus !== null ? s.visiblePaths[s.focus] ?? null : null));
  const paths = useFerry((s) => s.visiblePaths);
  const filter = useFerry((s) => s.filter);
  const showHidden = useFerry((s) => s.showHidden);
  const backgroundDrop = useFerry((s) => s.dropTarget === 'background');
  const denied = useFerry((s) => s.listing?.denied ?? false);
  const scroller = useRef<HTMLDivElement>(null);
  const typed = useRef({ text: '', at: 0 });

  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });

  // When the first rows of a new listing reach the screen (the perf script reads this mark); not for later pages.
  useEffect(() => {
    if (generation === 0) return;
    const frame = requestAnimationFrame(() => performance.mark('ferry:list-rendered', { detail: store.getState().visible.length }));
    return () => cancelAnimationFrame(frame);
  }, [generation]);

  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [path]);

  useEffect(() => {
    const focus = store.getState().focus;
    if (focusPath !== null && focus !== null) virtualizer.scrollToIndex(focus, { align: 'auto' });
  }, [focusPath, virtualizer]);

  // Rows that come or go above the view (a live folder, a page merged into a size order) leave the rows on
  // screen where they are (lib/scroll-anchor.ts). Not for another folder, order, filter or hidden-files
  // setting: those show other rows. Before paint: the offset and the rows drawn change in the same frame.
  const shown = useRef({ paths, path, order, filter, showHidden });
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useLayoutEffect(() => {
    const before = shown.current;
    shown.current = { paths, path, order, filter, showHidden };
    if (before.paths === paths || before.path !== path || before.order !== order || before.filter !== filter
      || before.showHidden !== showHidden || !scroller.current) return;
    const offset = virtualizer.scrollOffset ?? scroller.current.scrollTop;
    const next = anchoredOffset(before.paths, paths, offset, ROW_HEIGHT);
    if (next === offset) return;
    scroller.current.scrollTop = next;
    virtualizer.scrollOffset = next; // the range it draws follows now, not at the scroll event a frame later
    redraw();
  }, [paths, path, order, filter, showHidden, virtualizer]);

  const onRowClick = useCallback((index: number, e: MouseEvent) => {
    e.stopPropagation();
    const mode = e.shiftKey ? 'range' : e.metaKey || e.ctrlKey ? 'toggle' : 'replace';
    store.getState().click(store.getState().visiblePaths, index, mode);
  }, []);

  const onRowMenu = useCallback((index: number, e: MouseEvent) => {
    e.preventDefault();
    e.stopPropagation();
    store.getState().ensureSelected(store.getState().visiblePaths, index);
    store.getState().openMenu({ x: e.clientX, y: e.clientY, entry: store.getState().visible[index] ?? null });
  }, []);

  const onRowDragStart = useCallback((index: number, e: DragEvent) => {
    const order = store.getState().visiblePaths;
    store.getState().ensureSelected(order, index);
    beginDrag(e, selectedInOrder(store.getState(), order));
  }, []);

  function onKeyDown(e: KeyboardEvent) {
    const order = store.getState().visiblePaths;
    const selection = store.getState();
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -Infinity, End: Infinity };
    const delta = moves[e.key];
    if (delta !== undefined && !e.altKey) {
      e.preventDefault();
      const bounded = Number.isFinite(delta) ? delta : delta > 0 ? order.length : -order.length;
      selection.moveFocus(order, bounded, e.shiftKey);
    } else if (e.key === 'Enter' && isMac() && !e.metaKey) {
      e.preventDefault();
      fileOps.renameSelection();
    } else if (e.key === 'Enter' && selection.focus !== null) {
      e.preventDefault();
      const entry = store.getState().visible[selection.focus];
      if (entry) actions.openEntry(entry);
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && (e.key !== ' ' || typed.current.text)) {
      // Type-to-select: letters typed in a row find the first name starting with them.
      e.preventDefault();
      const now = e.timeStamp;
      typed.current = { text: now - typed.current.at > TYPE_SELECT_PAUSE_MS ? e.key : typed.current.text + e.key, at: now };
      const names = store.getState().visible.map((entry) => displayName(entry.name));
      const index = findTyped(names, typed.current.text, selection.focus);
      if (index >= 0) selection.click(order, index, 'replace');
    }
  }

  function onBackgroundDragOver(e: DragEvent) {
    if (!acceptsDrop(e)) return;
    e.preventDefault();
    if (path) hoverFolder(e, path);
    if (store.getState().dropTarget !== 'background') store.getState().setDropTarget('background');
  }

  function onBackgroundDrop(e: DragEvent) {
    if (!acceptsDrop(e)) return;
    e.preventDefault();
    if (path) dropOnFolder(e, path);
    else leaveFolders();
  }

  const slots = useSlotPool(virtualizer.getVirtualItems().length);
  // In slot order, so React never moves DOM nodes around either (rows are placed by transform and carry
  // aria-rowindex, so their order in the DOM does not matter).
  const virtualItems = [...virtualizer.getVirtualItems()].sort((a, b) => (a.index % slots) - (b.index % slots));

  return (
    <div role="grid" aria-label="Files" aria-rowcount={entries.length + 1} aria-multiselectable="true" aria-busy={loading || !complete}
      tabIndex={0} className="file-list" onKeyDown={onKeyDown}>
      <ListHeader order={order} />
      <div role="rowgroup" ref={scroller} className={backgroundDrop ? 'file-scroller drop-target' : 'file-scroller'}
        data-testid="file-scroller"
        onClick={() => store.getState().clearSelection()}
        onContextMenu={(e) => { e.preventDefault(); store.getState().clearSelection(); store.getState().openMenu({ x: e.clientX, y: e.clientY, entry: null }); }}
        onDragEnter={onBackgroundDragOver} onDragOver={onBackgroundDragOver} onDrop={onBackgroundDrop}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) leaveFolders();
        }}>
        <div className="file-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {virtualItems.map((item) => {
            const entry = entries[item.index]!;
            return (
              <FileRow key={item.index % slots} entry={entry} index={item.index} top={item.start} height={item.size}
                onClick={onRowClick} onOpen={actions.openEntry} onContextMenu={onRowMenu} onDragStart={onRowDragStart} />
            );
          })}
        </div>
        {error && <p className="list-message error" role="alert">{error}</p>}
        {!error && denied && <p className="list-message" role="status">You don't have permission to see this folder's contents</p>}
        {!error && !denied && !loading && complete && path && entries.length === 0 && <p className="list-message">This folder is empty</p>}
      </div>
    </div>
  );
}
