import type { Slice } from './store';

/**
 * Copied paths. Every Ferry window of this origin shares them: src/renderer/dom/shared-clipboard.ts keeps
 * this slice and the other windows in step (localStorage, BroadcastChannel), outside the store.
 */
export interface ClipboardSlice {
  clipboard: string[];
  setClipboard(paths: string[]): void;
}

export const createClipboardSlice: Slice<ClipboardSlice> = (set) => ({
  clipboard: [],
  setClipboard: (clipboard) => set({ clipboard }),
});
