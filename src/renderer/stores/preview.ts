import type { DiskSpace } from '../../shared/file-info';
import type { Slice } from './store';

/**
 * What Quick Look shows: `paths` in list order and the one at `index`. With several items selected it steps
 * through those; with one, through the whole folder (`followsFocus`: the list's focus and selection move
 * with it, as in Finder).
 */
export interface QuickLook {
  paths: readonly string[];
  index: number;
  followsFocus: boolean;
}

/** Quick Look, the Get Info dialog, and the free space the status bar shows. */
export interface PreviewSlice {
  quickLook: QuickLook | null;
  /** The path whose Get Info dialog is open. */
  infoPath: string | null;
  /** The free space of the shown folder's file system, for that folder. */
  freeSpace: (DiskSpace & { folder: string }) | null;
  openQuickLook(look: QuickLook): void;
  closeQuickLook(): void;
  openInfo(path: string): void;
  closeInfo(): void;
  setFreeSpace(space: (DiskSpace & { folder: string }) | null): void;
}

export const createPreviewSlice: Slice<PreviewSlice> = (set) => ({
  quickLook: null,
  infoPath: null,
  freeSpace: null,
  openQuickLook: (look) => set({ quickLook: look }),
  closeQuickLook: () => set({ quickLook: null }),
  openInfo: (path) => set({ infoPath: path }),
  closeInfo: () => set({ infoPath: null }),
  setFreeSpace: (freeSpace) => set({ freeSpace }),
});
