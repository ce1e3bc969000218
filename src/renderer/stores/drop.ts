import { create } from 'zustand';

/** Which folder a drag currently hovers: a row's path, or 'background' for the list itself. */
export const useDropTarget = create<{ target: string | null; set(target: string | null): void }>()((set) => ({
  target: null,
  set: (target) => set({ target }),
}));
