import { useEffect } from 'react';
import { actions, fileOps, see, store } from '../state';
import { isMac } from '../dom/platform';
import { openNewWindow } from '../dom/new-window';
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
      if (mod && key === 'f') { e.preventDefault(); openFind(e.shiftKey); return; }
      if (isTextField(e.target) || document.querySelector('[role="alertdialog"]')) return;
      if (e.key === 'F2' && !isMac()) { e.preventDefault(); fileOps.renameSelection(); return; }
      if (e.shiftKey && e.key === 'Delete') { e.preventDefault(); fileOps.askDeleteSelection(); return; }
      if (mod && e.altKey && e.code === 'KeyC') { e.preventDefault(); void copyPaths(); }
      else if (mod && key === 'c') { e.preventDefault(); actions.copySelection(); }
      else if (mod && key === 'i') { e.preventDefault(); see.showInfo(); }
      else if (e.key === ' ' && !mod && !e.altKey) { e.preventDefault(); see.toggleQuickLook(); }
      else if (mod && key === 'v') { e.preventDefault(); actions.pasteInto(); }
      else if (mod && key === 'a') { e.preventDefault(); store.getState().selectAll(store.getState().visiblePaths); }
      else if (e.key === 'Backspace' || (e.altKey && e.key === 'ArrowLeft')) { e.preventDefault(); actions.back(); }
      else if (e.altKey && e.key === 'ArrowUp') { e.preventDefault(); actions.up(); }
      else if (e.key === 'Escape') store.getState().closeMenu();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
