import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import type { FerryApi } from '../../shared/api';
import { createBrowsingSlice, type BrowsingSlice } from './browsing';
import { createSelectionSlice, type SelectionSlice } from './selection';
import { createJobsSlice, type JobsSlice } from './jobs';
import { createConflictsSlice, type ConflictsSlice } from './conflicts';
import { createClipboardSlice, type ClipboardSlice } from './clipboard';
import { createNoticesSlice, type NoticesSlice } from './notices';
import { createPointerSlice, type PointerSlice } from './pointer';
import { createConnectionSlice, type ConnectionSlice } from './connection';
import { createTrashSlice, type TrashSlice } from './trash';
import { createNavigationSlice, type NavigationSlice } from './navigation';
import { createDragSlice, type DragSlice } from './drag';
import { createPreviewSlice, type PreviewSlice } from './preview';
import { createFileOpsSlice, type FileOpsSlice } from './file-ops';
import { createHistorySlice, type HistorySlice } from './history';

/**
 * The renderer's one store, made of slices (zustand's slices pattern): each slice owns its fields and the
 * updates of those fields only. Flows that span slices (navigating clears the selection, a paste checks the
 * clipboard and starts a job, an engine event reaches jobs, conflicts and the listing) live in ./actions.ts.
 * No DOM here: the store runs under node:test; the window's side (storage, title, URL) is in src/renderer/dom.
 */
export type FerryState = BrowsingSlice & SelectionSlice & JobsSlice & ConflictsSlice & ClipboardSlice & NoticesSlice & PointerSlice
  & ConnectionSlice & NavigationSlice & DragSlice & FileOpsSlice & PreviewSlice & HistorySlice & TrashSlice;

/** What slices that talk to the engine are given (the renderer's client, or one over a test engine). */
export interface StoreDeps {
  api: FerryApi;
}

export type Slice<T> = StateCreator<FerryState, [], [], T>;
export type FerryStore = StoreApi<FerryState>;

export function createFerryStore(deps: StoreDeps): FerryStore {
  return createStore<FerryState>()((...a) => ({
    ...createBrowsingSlice(...a),
    ...createSelectionSlice(...a),
    ...createJobsSlice(deps)(...a),
    ...createConflictsSlice(deps)(...a),
    ...createClipboardSlice(...a),
    ...createNoticesSlice(...a),
    ...createPointerSlice(...a),
    ...createConnectionSlice(...a),
    ...createNavigationSlice(...a),
    ...createDragSlice(deps)(...a),
    ...createPreviewSlice(...a),
    ...createFileOpsSlice(...a),
    ...createHistorySlice(deps)(...a),
    ...createTrashSlice(deps)(...a),
  }));
}
