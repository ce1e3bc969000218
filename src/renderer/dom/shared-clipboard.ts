import type { FerryStore } from '../stores/store';

const STORAGE_KEY = 'ferry.clipboard';
const CHANNEL = 'ferry';

interface SharedClipboard { paths: string[]; cut: boolean }
interface ClipboardMessage extends SharedClipboard { type: 'clipboard' }

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : [];
}

/** What another window left: `{paths, cut}`, or a bare array of paths (as stored before Cut existed). */
function parseShared(value: unknown): SharedClipboard {
  if (Array.isArray(value)) return { paths: strings(value), cut: false };
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    return { paths: strings(v.paths), cut: v.cut === true };
  }
  return { paths: [], cut: false };
}

function readStored(): SharedClipboard {
  try {
    return parseShared(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]'));
  } catch {
    return { paths: [], cut: false };
  }
}

/**
 * Copied and cut paths are shared by every Ferry window of this origin: localStorage holds them (a window
 * opened later sees them), BroadcastChannel tells open windows at once. What this window copies or cuts goes
 * out; what another window did comes in, and is not sent back. So the items cut in one window are dimmed in
 * every window, and a paste that moves them in any window empties the clipboard of all.
 */
export function shareClipboard(store: FerryStore): void {
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  let received: string[] | null = null;
  const receive = ({ paths, cut }: SharedClipboard) => {
    received = paths;
    store.getState().setClipboard(paths, cut);
  };
  receive(readStored());
  store.subscribe((s, prev) => {
    if ((s.clipboard === prev.clipboard && s.clipboardCut === prev.clipboardCut) || s.clipboard === received) return;
    const shared: SharedClipboard = { paths: s.clipboard, cut: s.clipboardCut };
    try { localStorage.setItem(STORAGE_KEY, JSON.stringify(shared)); } catch { /* storage full or denied */ }
    channel?.postMessage({ type: 'clipboard', ...shared } satisfies ClipboardMessage);
  });
  channel?.addEventListener('message', (message: MessageEvent<ClipboardMessage>) => {
    if (message.data?.type === 'clipboard') receive(parseShared(message.data));
  });
  window.addEventListener('storage', (e) => {
    if (e.key === STORAGE_KEY) receive(readStored());
  });
}
