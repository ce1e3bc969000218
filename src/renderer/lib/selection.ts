/** Pure selection rules over the list's current order (paths), so they are simple to reason about. */
export interface SelectionState {
  selected: ReadonlySet<string>;
  /** Index where a Shift-click range starts. */
  anchor: number | null;
  /** The keyboard cursor. */
  focus: number | null;
}

export type ClickMode = 'replace' | 'toggle' | 'range';

export function clickSelect(state: SelectionState, order: readonly string[], index: number, mode: ClickMode): SelectionState {
  const path = order[index];
  if (path === undefined) return state;
  if (mode === 'toggle') {
    const selected = new Set(state.selected);
    if (selected.has(path)) selected.delete(path); else selected.add(path);
    return { selected, anchor: index, focus: index };
  }
  if (mode === 'range' && state.anchor !== null) {
    const [from, to] = state.anchor <= index ? [state.anchor, index] : [index, state.anchor];
    return { selected: new Set(order.slice(from, to + 1)), anchor: state.anchor, focus: index };
  }
  return { selected: new Set([path]), anchor: index, focus: index };
}

export function selectAll(order: readonly string[]): SelectionState {
  return { selected: new Set(order), anchor: 0, focus: order.length ? 0 : null };
}

/** Arrow keys: move the cursor; with Shift extend from the anchor. */
export function moveFocus(state: SelectionState, order: readonly string[], delta: number, extend: boolean): SelectionState {
  if (order.length === 0) return state;
  const from = state.focus ?? (delta > 0 ? -1 : order.length);
  const index = Math.max(0, Math.min(order.length - 1, from + delta));
  return clickSelect(state, order, index, extend ? 'range' : 'replace');
}
