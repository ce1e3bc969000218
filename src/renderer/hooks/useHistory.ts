import { useEffect } from 'react';
import { actions } from '../state';

/** How often a window reads the history: another window or `ferry undo` may have changed it (and the folder). */
const POLL_MS = 1_500;

/** Keeps this window's Undo/Redo labels (and its folder) current: a read at start, on focus and on a poll. */
export function useHistory(): void {
  useEffect(() => {
    void actions.followHistory();
    const timer = setInterval(() => { if (!document.hidden) void actions.followHistory(); }, POLL_MS);
    const onFocus = () => { void actions.followHistory(); };
    window.addEventListener('focus', onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, []);
}
