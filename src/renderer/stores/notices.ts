import { create } from 'zustand';

export interface Notice { id: number; text: string; tone: 'info' | 'error' }

interface NoticesState {
  notices: Notice[];
  show(text: string, tone?: Notice['tone']): void;
  dismiss(id: number): void;
}

let seq = 0;
const VISIBLE_MS = 6_000;

/** Short messages at the bottom of the window ("Those items are already in this folder"). */
export const useNotices = create<NoticesState>()((set, get) => ({
  notices: [],
  show(text, tone = 'info') {
    const id = ++seq;
    set((s) => ({ notices: [...s.notices.slice(-2), { id, text, tone }] }));
    setTimeout(() => get().dismiss(id), VISIBLE_MS);
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));
