import type { FolderEntry } from '../../shared/types';
import type { Slice } from './store';

export interface MenuRequest {
  x: number;
  y: number;
  /** The row right-clicked, or null for the list's background. */
  entry: FolderEntry | null;
}

/** What the pointer is doing over the list: the open context menu, the folder a drag hovers. */
export interface PointerSlice {
  menu: MenuRequest | null;
  /** Which folder a drag currently hovers: a row's path, or 'background' for the list itself. */
  dropTarget: string | null;
  openMenu(menu: MenuRequest): void;
  closeMenu(): void;
  setDropTarget(target: string | null): void;
}

export const createPointerSlice: Slice<PointerSlice> = (set) => ({
  menu: null,
  dropTarget: null,
  openMenu: (menu) => set({ menu }),
  closeMenu: () => set({ menu: null }),
  setDropTarget: (dropTarget) => set({ dropTarget }),
});
