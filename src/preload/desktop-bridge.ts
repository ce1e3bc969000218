import { IPC_DESKTOP, type ClipboardFileList, type DesktopBridge, type DesktopRequest } from '../shared/desktop';
import type { TransportResult } from '../shared/transport';

/** The parts of Electron's ipcRenderer and webUtils the bridge uses (structural, so a test can hand in its own). */
export interface DesktopIpcLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
}
export interface WebUtilsLike {
  getPathForFile(file: never): string;
}

async function ask<T>(ipc: DesktopIpcLike, request: DesktopRequest): Promise<T> {
  const result = await ipc.invoke(IPC_DESKTOP, request) as TransportResult;
  if (!result.ok) throw new Error(result.error.message);
  return result.output as T;
}

/**
 * `window.ferryDesktop` in Electron: the system clipboard's files and drags to and from other apps, as
 * requests main validates (src/main/hosts/electron/desktop-ipc.ts). A dropped File's path comes from
 * webUtils here, in the preload: the page itself never sees paths of files it was not given.
 */
export function createDesktopBridge(ipc: DesktopIpcLike, webUtils: WebUtilsLike): DesktopBridge {
  return {
    writeClipboardFiles: async (paths, cut) => { await ask(ipc, { op: 'writeClipboardFiles', paths, cut }); },
    readClipboardFiles: () => ask<ClipboardFileList | null>(ipc, { op: 'readClipboardFiles' }),
    startDrag: async (paths) => { await ask(ipc, { op: 'startDrag', paths }); },
    pathForFile: (file) => {
      try { return webUtils.getPathForFile(file as never); } catch { return ''; }
    },
  };
}
