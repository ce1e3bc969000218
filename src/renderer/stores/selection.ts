import { clickSelect, moveFocus, selectAll, type ClickMode, type SelectionState } from '../lib/selection';
import type { FerryState, Slice } from './store';

export interface SelectionSlice extends SelectionState {
  click(order: readonly string[], index: number, mode: ClickMode): void;
  selectAll(order: readonly string[]): void;
  moveFocus(order: readonly string[], delta: number, extend: boolean): void;
  /** Right-click or drag on an unselected row selects just that row (Finder). */
  ensureSelected(order: readonly string[], index: number): void;
  clearSelection(): void;
  /** Selects these paths (those in `order`), the first in focus: false when none is there. */
  selectPaths(order: readonly string[], paths: readonly string[]): boolean;
  /** After a refresh: drop selected paths that are gone. */
  retainSelection(existing: ReadonlySet<string>): void;
  /**
   * Keyboard focus and the Shift-click anchor are row indexes: when rows arrive above them (a page merged
   * into a size order), they follow their rows; `renamed` (old path → new) follows a row renamed meanwhile.
   */
  followRows(before: readonly string[], after: readonly string[], renamed?: ReadonlyMap<string, string>): void;
  /** Items renamed on disk (old path → new path) stay selected under their new names. */
  followRenames(renamed: ReadonlyMap<string, string>): void;
}

const EMPTY: SelectionState = { selected: new Set(), anchor: null, focus: null };

function current(s: FerryState): SelectionState {
  return { selected: s.selected, anchor: s.anchor, focus: s.focus };
}

export const createSelectionSlice: Slice<SelectionSlice> = (set, get) => ({
  ...EMPTY,
  click: (order, index, mode) => set(clickSelect(current(get()), order, index, mode)),
  selectAll: (order) => set(selectAll(order)),
  moveFocus: (order, delta, extend) => set(moveFocus(current(get()), order, delta, extend)),
  ensureSelected(order, index) {
    const path = order[index];
    if (path !== undefined && !get().selected.has(path)) set(clickSelect(current(get()), order, index, 'replace'));
  },
  clearSelection: () => set(EMPTY),
  selectPaths(order, paths) {
    const wanted = new Set(paths);
    const indexes = order.flatMap((p, i) => (wanted.has(p) ? [i] : []));
    if (indexes.length === 0) return false;
    set({ selected: new Set(indexes.map((i) => order[i]!)), anchor: indexes[0]!, focus: indexes[0]! });
    return true;
  },
  retainSelection(existing) {
    const selected = new Set([...get().selected].filter((p) => existing.has(p)));
    if (selected.size !== get().selected.size) set({ selected });
  },
  followRows(before, after, renamed) {
    const { anchor, focus } = get();
    const moved = (index: number | null) => {
      if (index === null || before[index] === after[index]) return index;
      const at = after.indexOf(renamed?.get(before[index]!) ?? before[index]!);
      return at < 0 ? null : at;
    };
    const next = { anchor: moved(anchor), focus: moved(focus) };
    if (next.anchor !== anchor || next.focus !== focus) set(next);
  },
  followRenames(renamed) {
    const { selected } = get();
    if (![...renamed.keys()].some((p) => selected.has(p))) return;
    set({ selected: new Set([...selected].map((p) => renamed.get(p) ?? p)) });
  },
});

/** Selected paths in list order (what Copy and drag carry). */
export function selectedInOrder(state: FerryState, order: readonly string[] = state.visiblePaths): string[] {
  return order.filter((p) => state.selected.has(p));
}
