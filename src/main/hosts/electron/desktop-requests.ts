import type { CallResult } from '../../../shared/api';
import { DesktopRequest } from '../../../shared/desktop';
import type { SystemClipboard } from './system-clipboard';

export interface DesktopDeps {
  clipboard: SystemClipboard;
  /** The system's file drag of these paths, from the window that asked. */
  startDrag(paths: string[]): void;
}

/**
 * One request of the desktop channel (src/shared/desktop.ts), validated here because the page is untrusted,
 * answered as a value (never thrown: Electron's invoke keeps only an Error's message). No electron import:
 * desktop-ipc.ts wires it to ipcMain, Electron's clipboard and webContents.startDrag.
 */
export async function handleDesktopRequest(request: unknown, deps: DesktopDeps): Promise<CallResult> {
  const parsed = DesktopRequest.safeParse(request);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, error: { code: 'INVALID_INPUT', message: `Invalid desktop request${first?.path.length ? ` (${first.path.join('.')})` : ''}` } };
  }
  try {
    const r = parsed.data;
    switch (r.op) {
      case 'writeClipboardFiles':
        await deps.clipboard.writeFiles({ paths: r.paths, cut: r.cut });
        return { ok: true, output: {} };
      case 'readClipboardFiles':
        return { ok: true, output: await deps.clipboard.readFiles() };
      case 'startDrag':
        deps.startDrag(r.paths);
        return { ok: true, output: {} };
    }
  } catch (err) {
    return { ok: false, error: { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) } };
  }
}
