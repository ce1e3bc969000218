import { IPC_CALL, IPC_EVENT } from '../shared/api';
import type { FerryEvent } from '../shared/events';
import type { Transport, TransportResult } from '../shared/transport';

/**
 * The part of Electron's ipcRenderer the bridge uses. Structural, so that a test can hand it a real
 * EventEmitter (Electron's own cannot run under Node) and exercise exactly this file's subscribe.
 */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ferryEvent: FerryEvent) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ferryEvent: FerryEvent) => void): unknown;
}

/**
 * `window.ferry` in Electron: the generic call channel and the event stream, nothing else (no ipcRenderer,
 * no Node, no send). Results cross as values `{ok, output | error}`: main's handler (hosts/electron/ipc.ts)
 * never throws, so the error's code and path arrive as data. The typed client is built in the renderer.
 */
export function createIpcTransport(ipc: IpcRendererLike): Transport {
  return {
    call: (method, input) => ipc.invoke(IPC_CALL, method, input) as Promise<TransportResult>,
    onEvent(listener) {
      // Electron's first argument is the IpcRendererEvent (it holds `sender`): the page never sees it.
      const forward = (_event: unknown, ferryEvent: FerryEvent) => listener(ferryEvent);
      ipc.on(IPC_EVENT, forward);
      return () => { ipc.removeListener(IPC_EVENT, forward); };
    },
  };
}
