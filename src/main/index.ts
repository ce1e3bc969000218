import * as path from 'node:path';
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { IPC_COMMAND, type MenuCommand } from '../shared/api';
import { describeDamagedLibrary, type DamagedLibrary } from './engine/db/library';
import { createFerryEngine, type FerryEngine } from './engine/ferry-engine';
import { installIpc } from './hosts/electron/ipc';
import { installDesktopIpc } from './hosts/electron/desktop-ipc';
import { followHistoryLabels } from './hosts/electron/history-menu';
import { installMenu, type EditLabels, type MenuActions } from './hosts/electron/menu';
import { withSystemTrash } from './hosts/electron/system-trash';
import { registerAppScheme, serveRenderer } from './hosts/electron/protocol';
import { CONTENT_SECURITY_POLICY } from './hosts/web-security';
import { lockDown, WindowManager } from './hosts/electron/windows';
import { projectRoot } from './project-root';

/**
 * The Electron main process: app lifecycle only. The engine does the work; IPC is one validated channel;
 * windows are locked down (hosts/electron/security.ts). `npm start` passes FERRY_NATIVE_BINDING, the
 * better-sqlite3 addon rebuilt for Electron's ABI (the default build is for Node and the CLI).
 */
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Another Ferry owns the library; it opens a window for us (second-instance below).
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  const root = projectRoot();
  const windows = new WindowManager(path.join(root, 'out', 'preload', 'index.js'));
  app.on('second-instance', () => windows.create());
  // Every webContents, ours and any other, is locked down as it is created.
  app.on('web-contents-created', (_event, contents) => lockDown(contents, (url) => { windows.create(url); }));

  await app.whenReady();
  const denyAll = session.defaultSession;
  denyAll.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  denyAll.setPermissionCheckHandler(() => false);
  denyAll.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  serveRenderer(path.join(root, 'out', 'renderer'));

  let engine: FerryEngine;
  const library: { damaged?: DamagedLibrary } = {};
  try {
    engine = createFerryEngine({
      dbFile: path.join(app.getPath('userData'), 'library.db'),
      nativeBinding: electronNativeBinding(),
      // Open (double-click, Enter): the system's default application; the engine never imports electron.
      openPath: (p) => shell.openPath(p),
      onLibraryDamaged: (notice) => {
        library.damaged = notice;
        console.error(`ferry: ${describeDamagedLibrary(notice)}`);
      },
    });
  } catch (err) {
    dialog.showErrorBox('Ferry cannot open its library', String((err as Error).message));
    app.exit(1);
    return;
  }
  installIpc({
    // macOS and Windows: their own Trash (shell.trashItem); Linux: the engine's freedesktop.org Trash.
    handlers: withSystemTrash(engine, shell),
    isTrusted: (contents, url) => windows.isTrusted(contents, url),
    targets: () => windows.all().map((w) => w.webContents),
  });
  installDesktopIpc({ isTrusted: (contents, url) => windows.isTrusted(contents, url) });
  // Edit ▸ Undo/Redo run in the engine here; a refusal says why beside the window, and every window's own
  // poll of the history sees the change (and lists its folder again).
  const step = (run: () => Promise<unknown>) => {
    run().then(() => labels.check(), (err: Error) => {
      const win = BrowserWindow.getFocusedWindow() ?? windows.all()[0];
      const box = { type: 'info' as const, message: err.message };
      void (win ? dialog.showMessageBox(win, box) : dialog.showMessageBox(box));
    });
  };
  const menuActions: MenuActions = {
    newWindow: () => windows.create(),
    undo: () => step(() => engine.undo({})),
    redo: () => step(() => engine.redo({})),
    refresh: () => BrowserWindow.getFocusedWindow()?.webContents.send(IPC_COMMAND, 'refresh' satisfies MenuCommand),
  };
  installMenu(menuActions);
  const labels = followHistoryLabels(engine, (shown: EditLabels) => installMenu(menuActions, shown));
  const first = windows.create();
  if (library.damaged) {
    // Said once, beside the first window, without stopping the app: the fresh library already works.
    void dialog.showMessageBox(first, { type: 'warning', message: 'Ferry started a fresh library', detail: describeDamagedLibrary(library.damaged) });
  }

  app.on('activate', () => { if (windows.all().length === 0) windows.create(); });
  app.on('window-all-closed', () => { if (process.platform !== 'darwin') app.quit(); });

  let shuttingDown = false;
  app.on('before-quit', (event) => {
    if (shuttingDown) return;
    // Let live copies checkpoint as `interrupted` (resumable) before the database closes.
    event.preventDefault();
    shuttingDown = true;
    void engine.shutdown().finally(() => app.quit());
  });
}

/** `npm start` passes the Electron build of better-sqlite3; a packaged app ships it in its resources. */
function electronNativeBinding(): string | undefined {
  if (process.env.FERRY_NATIVE_BINDING) return process.env.FERRY_NATIVE_BINDING;
  return app.isPackaged ? path.join(process.resourcesPath, 'native', 'better_sqlite3.node') : undefined;
}
