import { app, Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newWindow(): void;
  undo(): void;
  redo(): void;
  /** View ▸ Refresh: the focused window reads its folder again (the page does it: IPC_COMMAND). */
  refresh(): void;
}

/** What Edit ▸ Undo and Redo say they do: the labels of the history's next steps, null when there is none. */
export interface EditLabels {
  undo: string | null;
  redo: string | null;
}

/**
 * The application menu: the standard roles, plus File ▸ New Window (Ctrl/Cmd+N), View ▸ Refresh and Edit ▸ Undo/Redo saying
 * what they undo ("Undo Move of 3 Items"). Called again with new labels whenever the history changes.
 */
export function installMenu(actions: MenuActions, labels: EditLabels = { undo: null, redo: null }): void {
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
    {
      label: 'Edit',
      submenu: [
        // The keys are shown but not taken from the window: its own handler undoes file operations, except in a
        // text field (the rename field, the path bar), which keeps Ctrl/Cmd+Z for its text.
        {
          label: labels.undo ? `Undo ${labels.undo}` : 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false,
          enabled: labels.undo !== null, click: () => actions.undo(),
        },
        {
          label: labels.redo ? `Redo ${labels.redo}` : 'Redo', accelerator: 'Shift+CmdOrCtrl+Z', registerAccelerator: false,
          enabled: labels.redo !== null, click: () => actions.redo(),
        },
        { type: 'separator' },
        // Copy/paste of files is the renderer's (it owns the selection); these roles serve text fields.
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
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
