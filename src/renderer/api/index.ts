import type { FerryApi } from '../../shared/api';
import { createFerryApi } from './create-ferry-api';
import { apiUrl, createWsTransport, type ConnectionState } from './ws-transport';

declare global {
  interface Window {
    /** Set by Electron's preload (contextBridge); absent in the browser host. */
    ferry?: FerryApi;
  }
}

type StateListener = (s: ConnectionState) => void;
const stateListeners = new Set<StateListener>();
let connection: ConnectionState = 'open';

/** Electron's preload already is a FerryApi; in a browser the same API runs over the WebSocket. */
function pickApi(): FerryApi {
  if (window.ferry) return window.ferry;
  return createFerryApi(createWsTransport(apiUrl(), (s) => {
    connection = s;
    for (const l of [...stateListeners]) l(s);
  }));
}

export const api: FerryApi = pickApi();

export function connectionState(): ConnectionState {
  return connection;
}

export function onConnectionState(listener: StateListener): () => void {
  stateListeners.add(listener);
  return () => stateListeners.delete(listener);
}
