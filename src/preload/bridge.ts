import { IPC_CALL, IPC_COMMAND, IPC_EVENT, IPC_FOLDER, MenuCommand } from '../shared/api';
import type { FerryEvent, FolderChangedEvent } from '../shared/events';
import type { Transport, TransportResult } from '../shared/transport';

/**
 * The part of Electron's ipcRenderer the bridge uses. Structural, so that a test can hand it a real
 * EventEmitter (Electron's own cannot run under Node) and exercise exactly this file's subscribe.
 */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, message: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, message: unknown) => void): unknown;
}

/**
 * `window.ferry` in Electron: the generic call channel and the event stream, nothing else (no ipcRenderer,
 * no Node, no send). Results cross as values `{ok, output | error}`: main's handler (hosts/electron/ipc.ts)
 * never throws, so the error's code and path arrive as data. The typed client is built in the renderer.
 */
export function createIpcTransport(ipc: IpcRendererLike): Transport {
  /** Electron's first argument is the IpcRendererEvent (it holds `sender`): the page never sees it. */
  function subscribe<T>(channel: string, listener: (message: T) => void): () => void {
    const forward = (_event: unknown, message: unknown) => listener(message as T);
    ipc.on(channel, forward);
    return () => { ipc.removeListener(channel, forward); };
  }
  return {
    call: (method, input) => ipc.invoke(IPC_CALL, method, input) as Promise<TransportResult>,
    onEvent: (listener) => subscribe<FerryEvent>(IPC_EVENT, listener),
    onFolderChange: (listener) => subscribe<FolderChangedEvent>(IPC_FOLDER, listener),
    // Only the commands the page knows pass: anything else on the channel is dropped here.
    onMenuCommand: (listener) => subscribe<unknown>(IPC_COMMAND, (command) => {
      const known = MenuCommand.safeParse(command);
      if (known.success) listener(known.data);
    }),
  };
}
