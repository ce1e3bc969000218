import type { Slice } from './store';

/**
 * Copied or cut paths. Every Ferry window of this origin shares them: src/renderer/dom/shared-clipboard.ts
 * keeps this slice and the other windows in step (localStorage, BroadcastChannel), outside the store.
 */
export interface ClipboardSlice {
  clipboard: string[];
  /** The items were cut: Paste moves them (and empties the clipboard), and their rows are dimmed meanwhile. */
  clipboardCut: boolean;
  /** The cut paths as a set, so that each row asks "am I cut?" cheaply; empty after a Copy. */
  cutPaths: ReadonlySet<string>;
  setClipboard(paths: string[], cut?: boolean): void;
}

const NONE: ReadonlySet<string> = new Set();

export const createClipboardSlice: Slice<ClipboardSlice> = (set) => ({
  clipboard: [],
  clipboardCut: false,
  cutPaths: NONE,
  setClipboard: (clipboard, cut = false) => set({ clipboard, clipboardCut: cut, cutPaths: cut ? new Set(clipboard) : NONE }),
});
