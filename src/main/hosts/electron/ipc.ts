import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_CALL, IPC_EVENT, IPC_FOLDER, type CallResult, type Caller, type FerryHandlers } from '../../../shared/api';
import { dispatchCall } from '../../../shared/dispatch';

export interface IpcOptions {
  handlers: FerryHandlers;
  /** Only our windows, showing our origin, may call: anything else gets UNAUTHORIZED. */
  isTrusted(contents: WebContents, frameUrl: string | undefined): boolean;
  /** Where events go: every live window's webContents (the renderer filters by job). */
  targets(): WebContents[];
}

/**
 * One generic channel: `invoke(IPC_CALL, method, input)` → CallResult, as the browser host's frames: the
 * handler never throws (Electron would keep only an Error's message), so the error's code and path reach the
 * renderer's client as data through the preload (src/preload/bridge.ts). Validation happens in
 * dispatchCall, so a malformed call from a compromised renderer gets an error value and changes nothing.
 * Returns a function that removes the handler and stops forwarding events.
 */
export function installIpc(options: IpcOptions): () => void {
  const callers = new WeakMap<WebContents, Caller>();
  /** A window is its webContents: a reload or close ends what its page subscribed to (its watched folder). */
  const callerOf = (contents: WebContents): Caller => {
    let caller = callers.get(contents);
    if (caller) return caller;
    const id = `webContents-${contents.id}`;
    caller = { id, sendFolderChange: (change) => { if (!contents.isDestroyed()) contents.send(IPC_FOLDER, change); } };
    callers.set(contents, caller);
    contents.once('destroyed', () => options.handlers.releaseCaller(id));
    contents.on('did-navigate', () => options.handlers.releaseCaller(id));
    return caller;
  };
  ipcMain.handle(IPC_CALL, async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<CallResult> => {
    if (!options.isTrusted(event.sender, event.senderFrame?.url)) {
      return { ok: false, error: { code: 'UNAUTHORIZED', message: 'This page may not call Ferry' } };
    }
    return dispatchCall(options.handlers, method, input, callerOf(event.sender));
  });
  const unsubscribe = options.handlers.onEvent((event) => {
    for (const contents of options.targets()) {
      if (!contents.isDestroyed()) contents.send(IPC_EVENT, event);
    }
  });
  return () => {
    ipcMain.removeHandler(IPC_CALL);
    unsubscribe();
  };
}
