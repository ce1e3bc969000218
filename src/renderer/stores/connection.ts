import type { ConnectionState } from '../../shared/transport';
import type { Slice } from './store';

/** The link to the engine: always open over Electron's IPC; the browser host's WebSocket can drop and come back. */
export interface ConnectionSlice {
  connection: ConnectionState;
  setConnection(state: ConnectionState): void;
}

export const createConnectionSlice: Slice<ConnectionSlice> = (set) => ({
  connection: 'open',
  setConnection: (connection) => set({ connection }),
});
