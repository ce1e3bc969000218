import type { FerryApi } from '../../shared/api';
import type { Transport } from '../../shared/transport';
import { createClient } from './client';
import { apiUrl, createWsTransport, type WsTransport } from './ws-transport';

declare global {
  interface Window {
    /** Set by Electron's preload (contextBridge): the IPC transport. Absent in the browser host. */
    ferry?: Transport;
  }
}

/** The browser host's WebSocket, whose connection can drop; null in Electron, where the preload gives IPC. */
export const webSocket: WsTransport | null = window.ferry ? null : createWsTransport(apiUrl());

/** This window's one FerryApi, over whichever transport it has. */
export const api: FerryApi = createClient(window.ferry ?? webSocket!);
