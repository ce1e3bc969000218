import type { NavigationMove } from '../stores/navigation';
import { isInside, joinPath, separatorOf } from './paths';

/** How `navigate` (stores/actions.ts) shows a folder. */
export interface NavigateOptions {
  /** false: the history stays as it is (Back, a refresh). */
  remember?: boolean;
  /** Back or Forward (the window's history moves too); by default a new folder is a `push`. */
  move?: 'back' | 'forward';
  /** Rows to select once shown (Up selects the folder you came from). */
  select?: readonly string[];
  /** Keep the Forward list (Forward itself); a new folder otherwise clears it. */
  keepForward?: boolean;
}

/**
 * When going from `current` to a folder that holds it (Up, Back out of a subfolder), the row that leads
 * back to it: `/a` from `/a/b/c` selects `/a/b`.
 */
export function cameFrom(current: string | null, target: string): string[] | undefined {
  if (!current || current === target || !isInside(current, target)) return undefined;
  const sep = separatorOf(target);
  const rest = current.slice(target.length).replace(new RegExp(`^\\${sep}+`), '');
  const first = rest.split(sep)[0];
  return first ? [joinPath(target, first)] : undefined;
}

/** How a navigation moves the window's history: Back, Forward, a new folder (`push`) or the same place. */
export function moveOf(options: NavigateOptions, remembered: boolean): NavigationMove {
  return options.move ?? (remembered ? 'push' : 'replace');
}
