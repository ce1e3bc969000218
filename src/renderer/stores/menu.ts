import { create } from 'zustand';
import type { FolderEntry } from '../../shared/types';

export interface MenuRequest {
  x: number;
  y: number;
  /** The row right-clicked, or null for the list's background. */
  entry: FolderEntry | null;
}

interface MenuState {
  menu: MenuRequest | null;
  open(menu: MenuRequest): void;
  close(): void;
}

export const useMenu = create<MenuState>()((set) => ({
  menu: null,
  open: (menu) => set({ menu }),
  close: () => set({ menu: null }),
}));
