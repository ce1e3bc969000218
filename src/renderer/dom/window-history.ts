import type { Actions } from '../stores/actions';
import type { FerryStore } from '../stores/store';
import { folderToHash, hashToFolder } from '../lib/location-hash';
import { displayName } from '../../shared/display-name';

interface Entry { ferryIndex: number }

function indexOf(state: unknown): number | null {
  const index = (state as Partial<Entry> | null)?.ferryIndex;
  return typeof index === 'number' ? index : null;
}

/**
 * The window's own history follows the app's: each folder opened is a history entry (`#<folder>`), so the
 * browser's Back and Forward (and Alt+Left in the browser host) move between Ferry's folders instead of
 * leaving the app, and a reload opens where you were. The app's Back and Forward move the window's history
 * with them; the window's moves (popstate) run the app's. The title says the folder too.
 */
export function followWindowHistory(store: FerryStore, actions: Pick<Actions, 'back' | 'forward' | 'navigate'>): () => void {
  let index = indexOf(history.state) ?? 0;
  /** Moves of the window's history that the app made itself: their popstate is not a new request. */
  let ownMoves = 0;
  /** The app is carrying out a popstate's move: the window's history is already there. */
  let fromWindow = false;

  function onPopState(e: PopStateEvent): void {
    const to = indexOf(e.state);
    if (ownMoves > 0) {
      ownMoves--;
      if (to !== null) index = to;
      return;
    }
    const folder = hashToFolder(window.location.hash.slice(1));
    if (to === null || folder === null) return;
    const s = store.getState();
    fromWindow = true;
    if (to < index && s.history[s.history.length - 1] === folder) actions.back();
    else if (to > index && s.forward[s.forward.length - 1] === folder) actions.forward();
    else void actions.navigate(folder, { remember: false }); // the app's own history does not reach it (a reload)
    index = to;
  }

  window.addEventListener('popstate', onPopState);
  const unsubscribe = store.subscribe((s, prev) => {
    if (!s.path || s.path === prev.path) return;
    document.title = `${displayName(s.path)} — Ferry`;
    const hash = folderToHash(s.path);
    const move = s.lastMove;
    if (fromWindow) {
      fromWindow = false;
      history.replaceState({ ferryIndex: index } satisfies Entry, '', hash);
    } else if (move === 'push') {
      index += 1;
      history.pushState({ ferryIndex: index } satisfies Entry, '', hash);
    } else if ((move === 'back' && index > 0) || move === 'forward') {
      ownMoves++;
      if (move === 'back') history.back(); else history.forward();
    } else {
      history.replaceState({ ferryIndex: index } satisfies Entry, '', hash);
    }
  });
  return () => {
    window.removeEventListener('popstate', onPopState);
    unsubscribe();
  };
}
