import { clipboard, ipcMain, nativeImage, type IpcMainInvokeEvent, type NativeImage, type WebContents } from 'electron';
import type { CallResult } from '../../../shared/api';
import { IPC_DESKTOP } from '../../../shared/desktop';
import { handleDesktopRequest } from './desktop-requests';
import { createProgramRunner } from './run-program';
import { clipboardPlatform, createSystemClipboard } from './system-clipboard';

/** A small file glyph under the pointer while files are dragged out (macOS refuses a drag without an image). */
const DRAG_ICON_PNG = 'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAUklEQVR42u3XsQ0AIAwDwczJEEzCugiJJuzgGEHxL7m/JkUi6NdaH6nMCphrS3sOsCCqgDLCASghXAAZ4QRI1wEAAAAAAAAAAABAfUyuPyzk7gDG4B7foz6g7AAAAABJRU5ErkJggg==';
let dragIcon: NativeImage | undefined;

export interface DesktopIpcOptions {
  /** Only our windows, showing our origin, may ask (the same check as the API's channel). */
  isTrusted(contents: WebContents, frameUrl: string | undefined): boolean;
}

/**
 * The desktop's own channel (src/shared/desktop.ts): the system clipboard's files and drags out to other
 * apps, each request validated by handleDesktopRequest. Returns a function that removes the handler.
 */
export function installDesktopIpc(options: DesktopIpcOptions): () => void {
  const systemClipboard = createSystemClipboard(clipboard, clipboardPlatform(process.platform), createProgramRunner());
  ipcMain.handle(IPC_DESKTOP, (event: IpcMainInvokeEvent, request: unknown): Promise<CallResult> => {
    if (!options.isTrusted(event.sender, event.senderFrame?.url)) {
      return Promise.resolve({ ok: false, error: { code: 'UNAUTHORIZED', message: 'This page may not call Ferry' } });
    }
    return handleDesktopRequest(request, {
      clipboard: systemClipboard,
      startDrag: (paths) => {
        dragIcon ??= nativeImage.createFromDataURL(`data:image/png;base64,${DRAG_ICON_PNG}`);
        event.sender.startDrag({ file: paths[0]!, files: paths, icon: dragIcon });
      },
    });
  });
  return () => ipcMain.removeHandler(IPC_DESKTOP);
}
