import { useEffect } from 'react';
import { useBrowsing } from '../stores/browsing';
import { useSelection } from '../stores/selection';
import { useMenu } from '../stores/menu';
import { copySelection, openNewWindow, pasteInto } from '../stores/actions';

function isTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable));
}

/** Window-wide shortcuts; text fields keep their own Ctrl+C/V/A and Backspace. */
export function useShortcuts(): void {
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'n') { e.preventDefault(); openNewWindow(); return; }
      if (isTextField(e.target) || document.querySelector('[role="alertdialog"]')) return;
      if (mod && key === 'c') { e.preventDefault(); copySelection(); }
      else if (mod && key === 'v') { e.preventDefault(); pasteInto(); }
      else if (mod && key === 'a') { e.preventDefault(); useSelection.getState().all(useBrowsing.getState().visiblePaths); }
      else if (e.key === 'Backspace' || (e.altKey && e.key === 'ArrowLeft')) { e.preventDefault(); useBrowsing.getState().back(); }
      else if (e.altKey && e.key === 'ArrowUp') { e.preventDefault(); useBrowsing.getState().up(); }
      else if (e.key === 'Escape') useMenu.getState().close();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
