import { create } from 'zustand';

const STORAGE_KEY = 'ferry.clipboard';
const CHANNEL = 'ferry';

interface ClipboardMessage { type: 'clipboard'; paths: string[] }

interface ClipboardState {
  paths: string[];
  copy(paths: string[]): void;
}

function readStored(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;

/**
 * Copied paths, shared by every Ferry window of this origin: localStorage holds them (a window opened later
 * sees them), BroadcastChannel tells open windows at once.
 */
export const useClipboard = create<ClipboardState>()((set) => ({
  paths: readStored(),
  copy(paths) {
    set({ paths });
    try { localStorage.setItem(STORAGE_KEY, JSON.stringify(paths)); } catch { /* storage full or denied */ }
    channel?.postMessage({ type: 'clipboard', paths } satisfies ClipboardMessage);
  },
}));

channel?.addEventListener('message', (message: MessageEvent<ClipboardMessage>) => {
  if (message.data?.type === 'clipboard' && Array.isArray(message.data.paths)) useClipboard.setState({ paths: message.data.paths });
});
window.addEventListener('storage', (e) => {
  if (e.key === STORAGE_KEY) useClipboard.setState({ paths: readStored() });
});
