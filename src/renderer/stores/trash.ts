import type { FerryApi } from '../../shared/api';
import type { RestoreConflict, TrashedItem } from '../../shared/trash';
import { errorMessage } from '../api/client';
import { plural } from '../lib/format';
import type { Slice } from './store';

/** A destructive choice waiting for its confirmation (an alertdialog says what goes). */
export type TrashConfirm = { kind: 'delete'; ids: string[] } | { kind: 'empty' };

/** The Trash view: its items, selection, and the questions it asks (docs/file-operations.md "Trash"). */
export interface TrashSlice {
  trashOpen: boolean;
  trash: TrashedItem[];
  trashLoading: boolean;
  trashError: string | null;
  trashSelected: ReadonlySet<string>;
  /** A restore met taken places: the items left, and where, until the user answers Keep Both / Replace / Skip. */
  restoreAsk: { ids: string[]; paths: string[] } | null;
  trashConfirm: TrashConfirm | null;
  openTrash(): Promise<void>;
  closeTrash(): void;
  loadTrash(): Promise<void>;
  /** `additive`: Ctrl/Cmd-click toggles the item; else it alone is selected. */
  clickTrashed(id: string, additive: boolean): void;
  /** Restores; places that are taken are asked about (`restoreAsk`) unless `onConflict` answers already. */
  restoreTrashed(ids: string[], onConflict?: RestoreConflict): Promise<void>;
  answerRestore(onConflict: Exclude<RestoreConflict, 'ask'>): Promise<void>;
  askDeleteForever(ids: string[]): void;
  askEmptyTrash(): void;
  cancelTrashConfirm(): void;
  /** Does what `trashConfirm` asked about, once confirmed. */
  confirmTrash(): Promise<void>;
}

export const createTrashSlice = ({ api }: { api: FerryApi }): Slice<TrashSlice> => (set, get) => ({
  trashOpen: false,
  trash: [],
  trashLoading: false,
  trashError: null,
  trashSelected: new Set(),
  restoreAsk: null,
  trashConfirm: null,

  async openTrash() {
    set({ trashOpen: true, trashSelected: new Set() });
    await get().loadTrash();
  },
  closeTrash: () => set({ trashOpen: false, restoreAsk: null, trashConfirm: null }),

  async loadTrash() {
    set({ trashLoading: true });
    try {
      const trash = await api.listTrash({});
      const ids = new Set(trash.map((i) => i.id));
      set((s) => ({ trash, trashLoading: false, trashError: null, trashSelected: new Set([...s.trashSelected].filter((id) => ids.has(id))) }));
    } catch (err) {
      set({ trashLoading: false, trashError: errorMessage(err) });
    }
  },

  clickTrashed(id, additive) {
    const selected = new Set(additive ? get().trashSelected : []);
    if (additive && selected.has(id)) selected.delete(id);
    else selected.add(id);
    set({ trashSelected: selected });
  },

  async restoreTrashed(ids, onConflict = 'ask') {
    if (ids.length === 0) return;
    try {
      const result = await api.restoreItems({ ids, onConflict });
      if (result.restored.length > 0) get().showNotice(`Restored ${plural(result.restored.length, 'item')}`);
      set({ restoreAsk: result.conflicts.length > 0 ? { ids: result.conflicts.map((c) => c.id), paths: result.conflicts.map((c) => c.path) } : null });
    } catch (err) {
      get().showNotice(errorMessage(err), 'error');
    }
    await get().loadTrash();
  },

  async answerRestore(onConflict) {
    const ask = get().restoreAsk;
    set({ restoreAsk: null });
    if (ask) await get().restoreTrashed(ask.ids, onConflict);
  },

  askDeleteForever: (ids) => { if (ids.length > 0) set({ trashConfirm: { kind: 'delete', ids } }); },
  askEmptyTrash: () => set({ trashConfirm: { kind: 'empty' } }),
  cancelTrashConfirm: () => set({ trashConfirm: null }),

  async confirmTrash() {
    const confirm = get().trashConfirm;
    set({ trashConfirm: null });
    if (!confirm) return;
    try {
      const { deleted } = confirm.kind === 'empty' ? await api.emptyTrash({}) : await api.deleteFromTrash({ ids: confirm.ids });
      get().showNotice(confirm.kind === 'empty' ? `Emptied the Trash (${plural(deleted, 'item')} deleted)` : `Deleted ${plural(deleted, 'item')} permanently`);
    } catch (err) {
      get().showNotice(errorMessage(err), 'error');
    }
    await get().loadTrash();
  },
});
