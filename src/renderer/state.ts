import { useStore } from 'zustand';
import { api, webSocket } from './api';
import { createActions } from './stores/actions';
import { createTrashActions } from './stores/trash-actions';
import { createFileOpActions } from './stores/file-op-actions';
import { hostFileOpener } from './dom/open-file';
import { createFerryStore, type FerryState } from './stores/store';
import { shareClipboard } from './dom/shared-clipboard';
import { shareSystemClipboard } from './dom/system-clipboard';
import { createSeeActions } from './stores/see-actions';

/** This window's store over its client, and the actions that run the flows between its slices. */
export const store = createFerryStore({ api });
export const actions = createActions(store, api, { openFile: (entry) => void fileOps.open(entry) });
/** Rename, New Folder, Delete Permanently and Open (stores/file-op-actions.ts). */
export const fileOps = createFileOpActions(store, api, { refresh: () => actions.refresh(), openFile: hostFileOpener(api, webSocket !== null) });
export const trashActions = createTrashActions(store, api, () => actions.refresh());
/** Quick Look, Get Info, Copy Path and the free space (stores/see-actions.ts). */
export const see = createSeeActions(store, api);
shareClipboard(store);
shareSystemClipboard(store);

/** Reads the store in a component; the selector keeps re-renders to what it picks (`s => s.byId[id]`). */
export function useFerry<T>(selector: (state: FerryState) => T): T {
  return useStore(store, selector);
}

/** Routes the engine's event stream and the connection's state into the store (once, at start). */
export function connectEvents(): void {
  api.onEvent(actions.handleEvent);
  api.onFolderChange(actions.handleFolderChange);
  // Electron's View ▸ Refresh: the folder is read again in the app (the browser host has no menu).
  window.ferry?.onMenuCommand?.((command) => { if (command === 'refresh') void actions.refresh(); });
  if (!webSocket) return;
  store.getState().setConnection(webSocket.connection());
  webSocket.onConnection(actions.connectionChanged);
}
