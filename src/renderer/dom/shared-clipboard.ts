import type { FerryStore } from '../stores/store';

const STORAGE_KEY = 'ferry.clipboard';
const CHANNEL = 'ferry';

interface ClipboardMessage { type: 'clipboard'; paths: string[] }

function readStored(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Copied paths are shared by every Ferry window of this origin: localStorage holds them (a window opened
 * later sees them), BroadcastChannel tells open windows at once. What this window copies goes out; what
 * another window copied comes in, and is not sent back.
 */
export function shareClipboard(store: FerryStore): void {
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  let received: string[] | null = null;
  const receive = (paths: string[]) => {
    received = paths;
    store.getState().setClipboard(paths);
  };
  receive(readStored());
  store.subscribe((s, prev) => {
    if (s.clipboard === prev.clipboard || s.clipboard === received) return;
    try { localStorage.setItem(STORAGE_KEY, JSON.stringify(s.clipboard)); } catch { /* storage full or denied */ }
    channel?.postMessage({ type: 'clipboard', paths: s.clipboard } satisfies ClipboardMessage);
  });
  channel?.addEventListener('message', (message: MessageEvent<ClipboardMessage>) => {
    if (message.data?.type === 'clipboard' && Array.isArray(message.data.paths)) receive(message.data.paths);
  });
  window.addEventListener('storage', (e) => {
    if (e.key === STORAGE_KEY) receive(readStored());
  });
}
