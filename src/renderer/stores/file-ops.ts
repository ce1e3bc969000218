import type { Operation } from '../lib/operation';
import type { Slice } from './store';

/**
 * The state of the file operations the list shows in place: the item being renamed (its inline field and
 * the refusal shown next to it) and the permanent delete waiting for its confirmation. The flows that
 * change it (rename, new folder, delete, open) are in ./file-op-actions.ts.
 */
export interface FileOpsSlice {
  /** `draft`: the name typed so far, kept here so that the field keeps it when its row moves (a rename outside). */
  renaming: { path: string; error: string | null; draft?: string } | null;
  /** What Shift+Delete would remove, while its confirmation is open. */
  deleting: { paths: string[] } | null;
  /** What "Move to…" or "Copy to…" takes, while its folder is being chosen. */
  transferTo: { operation: Operation; paths: string[] } | null;
  beginRename(path: string): void;
  renameRefused(error: string): void;
  renameDraft(text: string): void;
  endRename(): void;
  /** The item being renamed was renamed by another program: the field moves to its new name. */
  renameTargetMoved(path: string): void;
  askDelete(paths: string[]): void;
  closeDelete(): void;
  askTransferTo(operation: Operation, paths: string[]): void;
  closeTransferTo(): void;
}

export const createFileOpsSlice: Slice<FileOpsSlice> = (set) => ({
  renaming: null,
  deleting: null,
  transferTo: null,
  beginRename: (path) => set({ renaming: { path, error: null }, menu: null }),
  renameRefused: (error) => set((s) => (s.renaming ? { renaming: { ...s.renaming, error } } : {})),
  renameDraft: (draft) => set((s) => (s.renaming ? { renaming: { ...s.renaming, draft } } : {})),
  endRename: () => set({ renaming: null }),
  renameTargetMoved: (path) => set((s) => (s.renaming ? { renaming: { ...s.renaming, path } } : {})),
  askDelete: (paths) => set({ deleting: paths.length > 0 ? { paths } : null, menu: null }),
  closeDelete: () => set({ deleting: null }),
  askTransferTo: (operation, paths) => set({ transferTo: paths.length > 0 ? { operation, paths } : null, menu: null }),
  closeTransferTo: () => set({ transferTo: null }),
});
