import { useEffect } from 'react';
import { actions, fileOps, see, store, trashActions } from '../state';
import { selectedInOrder } from '../stores/selection';
import { isMac } from '../dom/platform';
import { openNewWindow } from '../dom/new-window';
import { focusPathBar } from '../components/PathBar';
import { platform } from '../dom/platform';
import { copyPaths } from '../dom/copy-paths';

function isTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable));
}

/** Ctrl/Cmd+F: the folder's name filter (opened, or its text selected); with Shift: the library search. */
function openFind(library: boolean): void {
  const field = document.querySelector<HTMLInputElement>(`input[aria-label="${library ? 'Search library' : 'Filter'}"]`);
  if (field) { field.focus(); field.select(); return; }
  if (!library) actions.setFilter(''); // the filter bar mounts and takes the focus
}

/** Window-wide shortcuts; text fields keep their own Ctrl+C/V/A and Backspace. */
export function useShortcuts(): void {
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && e.shiftKey && key === 'n' && !isTextField(e.target)) { e.preventDefault(); void fileOps.newFolder(); return; }
      if (mod && key === 'n') { e.preventDefault(); openNewWindow(); return; }
      if (navigationKey(e)) return;
      if (mod && key === 'f') { e.preventDefault(); openFind(e.shiftKey); return; }
      if (isTextField(e.target) || document.querySelector('[role="alertdialog"]')) return;
      // The Trash view has its own Delete (Delete Permanently, asked) and Space; the list's F2, Delete and Quick Look are not for it.
      if (store.getState().trashOpen && (e.key === 'Delete' || e.key === 'F2' || e.key === ' ')) return;
      if (e.key === 'F2' && !isMac()) { e.preventDefault(); fileOps.renameSelection(); return; }
      if (e.shiftKey && e.key === 'Delete') { e.preventDefault(); fileOps.askDeleteSelection(); return; }
      // Undo/redo of file operations; a text field keeps its own (returned above).
      if (mod && key === 'z') { e.preventDefault(); void (e.shiftKey ? actions.redo() : actions.undo()); return; }
      if (e.ctrlKey && !e.metaKey && key === 'y') { e.preventDefault(); void actions.redo(); return; }
      if (mod && e.altKey && e.code === 'KeyC') { e.preventDefault(); void copyPaths(); }
      else if (mod && key === 'c') { e.preventDefault(); actions.copySelection(); }
      else if (mod && key === 'x') { e.preventDefault(); actions.cutSelection(); }
      // macOS's "Move Item Here": Option changes the key's character (√), so match the physical key.
      else if (platform === 'mac' && e.metaKey && e.altKey && e.code === 'KeyV') { e.preventDefault(); actions.moveClipboardInto(); }
      else if (mod && key === 'i') { e.preventDefault(); see.showInfo(); }
      else if (e.key === ' ' && !mod && !e.altKey) { e.preventDefault(); see.toggleQuickLook(); }
      else if (mod && key === 'v') { e.preventDefault(); actions.pasteInto(); }
      else if (mod && key === 'a') { e.preventDefault(); store.getState().selectAll(store.getState().visiblePaths); }
      // Move to Trash: Delete, Ctrl+Backspace (Cmd+Backspace on macOS); Shift+Delete is Delete Permanently.
      else if (!store.getState().trashOpen && ((e.key === 'Delete' && !e.shiftKey) || (mod && e.key === 'Backspace'))) {
        e.preventDefault();
        void trashActions.moveToTrash(selectedInOrder(store.getState()));
      }
      else if (e.key === 'Backspace') { e.preventDefault(); actions.back(); }
      else if (e.key === 'Escape') store.getState().closeMenu();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/**
 * Refresh, the path bar, Back, Forward and Up: these act from a text field too (as in a browser), so they
 * run before the text-field check. True when the key was one of them.
 */
function navigationKey(e: KeyboardEvent): boolean {
  const mac = isMac();
  const cmd = mac ? e.metaKey : e.ctrlKey;
  const key = e.key.toLowerCase();
  const run = (action: () => void) => { e.preventDefault(); action(); return true; };
  // Refresh re-reads the folder in the app: never a reload of the whole window.
  if (e.key === 'F5' || (cmd && !e.shiftKey && key === 'r')) return run(() => void actions.refresh());
  if ((!mac && e.ctrlKey && key === 'l') || (mac && e.metaKey && e.shiftKey && key === 'g')) return run(focusPathBar);
  if (isTextField(e.target) && !e.altKey) return false;
  if ((e.altKey && e.key === 'ArrowLeft') || (mac && e.metaKey && e.key === '[')) return run(actions.back);
  if ((e.altKey && e.key === 'ArrowRight') || (mac && e.metaKey && e.key === ']')) return run(actions.forward);
  if ((e.altKey && e.key === 'ArrowUp') || (mac && e.metaKey && e.key === 'ArrowUp')) return run(actions.up);
  return false;
}
