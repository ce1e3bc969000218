import type { FerryStore } from '../stores/store';
import { desktop } from './desktop';

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((p, i) => p === b[i]);

/**
 * In the desktop app, Ferry's clipboard and the system's are one: what Ferry copies or cuts goes on the
 * system clipboard (Finder, Explorer, GNOME Files paste it), and files copied in those apps are what Ferry
 * pastes. The system clipboard is read when the window gains focus (a copy elsewhere means leaving Ferry).
 * Files Ferry itself wrote are not read back: after a move empties Ferry's clipboard, the system one still
 * names the old places, and those must not come back as something to paste.
 */
export function shareSystemClipboard(store: FerryStore): void {
  if (!desktop) return;
  const bridge = desktop;
  let written: readonly string[] = [];
  let fromSystem: readonly string[] | null = null;

  store.subscribe((s, prev) => {
    if ((s.clipboard === prev.clipboard && s.clipboardCut === prev.clipboardCut) || s.clipboard.length === 0) return;
    if (s.clipboard === fromSystem || same(s.clipboard, written)) return;
    written = s.clipboard;
    bridge.writeClipboardFiles(s.clipboard, s.clipboardCut).catch(() => undefined);
  });

  const pull = async () => {
    const files = await bridge.readClipboardFiles().catch(() => null);
    if (!files || same(files.paths, written) || same(files.paths, store.getState().clipboard)) return;
    fromSystem = files.paths;
    written = files.paths;
    store.getState().setClipboard(files.paths, files.cut);
  };
  window.addEventListener('focus', () => { void pull(); });
  void pull();
}
