import { create } from 'zustand';
import { clickSelect, moveFocus, selectAll, type ClickMode, type SelectionState } from '../lib/selection';

interface SelectionStore extends SelectionState {
  click(order: readonly string[], index: number, mode: ClickMode): void;
  all(order: readonly string[]): void;
  move(order: readonly string[], delta: number, extend: boolean): void;
  /** Right-click or drag on an unselected row selects just that row (Finder). */
  ensureSelected(order: readonly string[], index: number): void;
  clear(): void;
  /** After a refresh: drop selected paths that are gone. */
  retain(existing: ReadonlySet<string>): void;
}

const EMPTY: SelectionState = { selected: new Set(), anchor: null, focus: null };

export const useSelection = create<SelectionStore>()((set, get) => ({
  ...EMPTY,
  click: (order, index, mode) => set(clickSelect(get(), order, index, mode)),
  all: (order) => set(selectAll(order)),
  move: (order, delta, extend) => set(moveFocus(get(), order, delta, extend)),
  ensureSelected(order, index) {
    const path = order[index];
    if (path !== undefined && !get().selected.has(path)) set(clickSelect(get(), order, index, 'replace'));
  },
  clear: () => set(EMPTY),
  retain(existing) {
    const selected = new Set([...get().selected].filter((p) => existing.has(p)));
    if (selected.size !== get().selected.size) set({ selected });
  },
}));

/** Selected paths in list order (what Copy and drag carry). */
export function selectedInOrder(order: readonly string[]): string[] {
  const selected = useSelection.getState().selected;
  return order.filter((p) => selected.has(p));
}
