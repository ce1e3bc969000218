import { useBrowsing } from './browsing';
import { useClipboard } from './clipboard';
import { useJobs } from './jobs';
import { useNotices } from './notices';
import { selectedInOrder } from './selection';
import { baseName, isInside, parentOf } from '../lib/paths';
import { plural } from '../lib/format';

/** The user-level commands shared by the menu, the shortcuts and drag-and-drop. */

export function copySelection(): void {
  const paths = selectedInOrder(useBrowsing.getState().visiblePaths);
  if (paths.length === 0) return;
  useClipboard.getState().copy(paths);
  useNotices.getState().show(`${plural(paths.length, 'item')} ready to paste`);
}

/**
 * Copies `sources` into `destination`. Items already in that folder are left out (a copy onto itself is
 * meaningless), and a folder is never copied into itself; both are said, not silently dropped.
 */
export function copyInto(sources: readonly string[], destination: string): void {
  const notices = useNotices.getState();
  if (sources.length === 0) { notices.show('Nothing to paste: copy some items first'); return; }
  const intoItself = sources.find((s) => isInside(destination, s));
  if (intoItself) { notices.show(`Cannot copy “${baseName(intoItself)}” into itself`, 'error'); return; }
  const wanted = sources.filter((s) => parentOf(s) !== destination);
  if (wanted.length === 0) { notices.show(`${sources.length === 1 ? 'That item is' : 'Those items are'} already in this folder`); return; }
  void useJobs.getState().startCopy(wanted, destination);
}

export function pasteInto(destination: string | null = useBrowsing.getState().path): void {
  if (destination) copyInto(useClipboard.getState().paths, destination);
}

/** "New Window": Electron's preload may offer its own; in a browser a second tab/window of the same page. */
export function openNewWindow(): void {
  window.open(window.location.href, '_blank');
}
