import { contextBridge, ipcRenderer } from 'electron';
import { createIpcTransport } from './bridge';

/**
 * Exposes exactly one thing to the page: `window.ferry = { call, onEvent }` (a Transport). Every call is
 * validated again in main, because the page is untrusted.
 */
contextBridge.exposeInMainWorld('ferry', createIpcTransport(ipcRenderer));
