import type { FerryApi } from '../../shared/api';
import type { Transport } from '../../shared/transport';
import { createClient } from './client';
import { apiUrl, createWsTransport, type ConnectionState } from './ws-transport';

declare global {
  interface Window {
    /** Set by Electron's preload (contextBridge): the IPC transport. Absent in the browser host. */
    ferry?: Transport;
  }
}

type StateListener = (s: ConnectionState) => void;
const stateListeners = new Set<StateListener>();
let connection: ConnectionState = 'open';

/** Electron's preload gives the IPC transport; in a browser the same API runs over the WebSocket. */
function pickTransport(): Transport {
  if (window.ferry) return window.ferry;
  return createWsTransport(apiUrl(), (s) => {
    connection = s;
    for (const l of [...stateListeners]) l(s);
  });
}

export const api: FerryApi = createClient(pickTransport());

export function connectionState(): ConnectionState {
  return connection;
}

export function onConnectionState(listener: StateListener): () => void {
  stateListeners.add(listener);
  return () => stateListeners.delete(listener);
}
