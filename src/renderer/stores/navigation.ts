import type { Slice } from './store';

/** A new folder (`push`), Back, Forward, or the same place again (`replace`: a refresh, a first folder). */
export type NavigationMove = 'push' | 'back' | 'forward' | 'replace';

/**
 * Where Forward goes, what the path bar says went wrong, and the home folder `~` stands for. The Back
 * stack is the browsing slice's `history`; the flows that move between the two are in ./actions.ts.
 */
export interface NavigationSlice {
  /** Folders Back left, newest last: Forward returns to them; a new navigation clears them. */
  forward: string[];
  /** Why the last folder asked for (path bar, Forward…) could not be shown; the listing stays as it was. */
  navError: string | null;
  home: string | null;
  /** How the folder on screen was reached: the window's history (src/renderer/dom) follows it. */
  lastMove: NavigationMove;
  setLastMove(move: NavigationMove): void;
  /** The folder whose changes the engine now sends this window (live), if any. */
  watching: string | null;
  setWatching(folder: string | null): void;
  setHome(home: string): void;
  setNavError(message: string | null): void;
  setForward(forward: string[]): void;
}

export const createNavigationSlice: Slice<NavigationSlice> = (set, get) => ({
  forward: [],
  navError: null,
  home: null,
  lastMove: 'replace',
  watching: null,
  setWatching(watching) {
    if (get().watching !== watching) set({ watching });
  },
  setLastMove(lastMove) {
    if (get().lastMove !== lastMove) set({ lastMove });
  },
  setHome: (home) => set({ home }),
  setNavError(navError) {
    if (get().navError !== navError) set({ navError });
  },
  setForward: (forward) => set({ forward }),
});
