import { app, Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newWindow(): void;
  /** View ▸ Refresh: the focused window reads its folder again (the page does it: IPC_COMMAND). */
  refresh(): void;
}

/** The application menu: the standard roles, plus File ▸ New Window (Ctrl/Cmd+N) and View ▸ Refresh. */
export function installMenu(actions: MenuActions): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Window', accelerator: 'CmdOrCtrl+N', click: () => actions.newWindow() },
        { type: 'separator' },
        { role: 'close' },
        ...(isMac ? [] : [{ role: 'quit' } as MenuItemConstructorOptions]),
      ],
    },
    // Copy/paste of files is the renderer's (it owns the selection); these roles serve text fields.
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        // Re-reads the folder in the app, never a reload of the page. The page handles the keys itself
        // (F5, Ctrl/Cmd+R also from its text fields), so the accelerator is shown, not registered.
        { label: 'Refresh', accelerator: 'CmdOrCtrl+R', registerAccelerator: false, click: () => actions.refresh() },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' } as MenuItemConstructorOptions]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
