import type { MouseEvent } from 'react';

/**
 * Finder's "click the name of a selected item to rename it": a plain single click on the name of the item
 * that was already the one selected starts a rename after a pause long enough to tell it from a
 * double-click (which cancels it, and opens).
 */
const PAUSE_MS = 600;
let pending: ReturnType<typeof setTimeout> | null = null;

export function renameOnSecondClick(e: MouseEvent, wasSelected: boolean, rename: () => void): void {
  cancelSecondClick();
  if (!wasSelected || e.detail !== 1 || e.shiftKey || e.ctrlKey || e.metaKey || e.altKey) return;
  pending = setTimeout(() => { pending = null; rename(); }, PAUSE_MS);
}

export function cancelSecondClick(): void {
  if (pending) clearTimeout(pending);
  pending = null;
}
