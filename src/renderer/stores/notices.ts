import type { Slice } from './store';

export interface Notice { id: number; text: string; tone: 'info' | 'error' }

/** Short messages at the bottom of the window ("Those items are already in this folder"). */
export interface NoticesSlice {
  notices: Notice[];
  /** The id of the last notice shown: ids stay distinct even when a notice is dismissed early. */
  lastNoticeId: number;
  showNotice(text: string, tone?: Notice['tone']): void;
  dismissNotice(id: number): void;
}

const VISIBLE_MS = 6_000;
/** At most this many at once: the oldest goes when another comes. */
const MAX_SHOWN = 3;

export const createNoticesSlice: Slice<NoticesSlice> = (set, get) => ({
  notices: [],
  lastNoticeId: 0,
  showNotice(text, tone = 'info') {
    const id = get().lastNoticeId + 1;
    set((s) => ({ lastNoticeId: id, notices: [...s.notices.slice(-(MAX_SHOWN - 1)), { id, text, tone }] }));
    setTimeout(() => get().dismissNotice(id), VISIBLE_MS);
  },
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});
