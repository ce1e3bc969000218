import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CALL, IPC_EVENT, type CallResult } from '../shared/api';
import type { FerryEvent } from '../shared/events';
import { createFerryApi } from './api-client';

/**
 * Exposes exactly one thing to the page: `window.ferry`, the FerryApi. No ipcRenderer, no Node, no
 * generic send: the page can only call the contract's methods, each validated again in main.
 */
const api = createFerryApi({
  invoke: (method, input) => ipcRenderer.invoke(IPC_CALL, method, input) as Promise<CallResult>,
  subscribe: (listener) => {
    const forward = (_event: IpcRendererEvent, ferryEvent: FerryEvent) => listener(ferryEvent);
    ipcRenderer.on(IPC_EVENT, forward);
    return () => { ipcRenderer.removeListener(IPC_EVENT, forward); };
  },
});

contextBridge.exposeInMainWorld('ferry', api);
