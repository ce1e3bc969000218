import type { HistoryEntrySummary } from '../../shared/history';
import type { Slice, StoreDeps } from './store';

/**
 * The undo history as this window knows it: the next undo and redo (their labels make the Edit menu's
 * items, "Undo Move of 3 Items"). The history is the engine's, shared by every window and process: a window
 * reads it again when it undoes, when a job ends, and on a poll (hooks/useHistory.ts), and `revision` tells
 * it whether anything changed meanwhile.
 */
export interface HistorySlice {
  nextUndo: HistoryEntrySummary | null;
  nextRedo: HistoryEntrySummary | null;
  /** -1 until the first read. */
  historyRevision: number;
  /** Reads the history; resolves true when it changed since the last read (not on the first). */
  refreshHistory(): Promise<boolean>;
}

export const createHistorySlice = (deps: StoreDeps): Slice<HistorySlice> => (set, get) => ({
  nextUndo: null,
  nextRedo: null,
  historyRevision: -1,
  async refreshHistory() {
    let state;
    try {
      state = await deps.api.history({ limit: 1 });
    } catch {
      return false; // disconnected: the next poll reads it
    }
    const before = get().historyRevision;
    if (state.revision === before) return false;
    set({ nextUndo: state.undo, nextRedo: state.redo, historyRevision: state.revision });
    return before !== -1;
  },
});

/** "Undo Move of 3 Items", or "Undo" when there is nothing to undo. */
export function undoLabel(next: HistoryEntrySummary | null): string {
  return next ? `Undo ${next.label}` : 'Undo';
}

export function redoLabel(next: HistoryEntrySummary | null): string {
  return next ? `Redo ${next.label}` : 'Redo';
}
