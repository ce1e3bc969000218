import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createIpcTransport } from './bridge';
import { createDesktopBridge } from './desktop-bridge';

/**
 * Exposes exactly two things to the page: `window.ferry = { call, onEvent }` (a Transport) and
 * `window.ferryDesktop` (the system clipboard's files and drags to and from other apps). Every call is
 * validated again in main, because the page is untrusted.
 */
contextBridge.exposeInMainWorld('ferry', createIpcTransport(ipcRenderer));
contextBridge.exposeInMainWorld('ferryDesktop', createDesktopBridge(ipcRenderer, webUtils));
