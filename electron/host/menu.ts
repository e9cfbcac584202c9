import type { MenuCommand } from '../../shared/api';

/**
 * The native menu (File, Edit, View, Run, Help) as plain data, so it can be checked under Node; electron/main.ts
 * turns it into Electron's menu. Items with a `command` tell the renderer what to do (it holds the pipeline);
 * `role` items are Electron's own (clipboard, zoom, quit). Shortcuts the renderer also handles itself (undo on the
 * canvas, fit view) are shown but not registered, so text fields keep their own undo and typing.
 */

export interface MenuItemSpec {
  label?: string;
  role?: 'appMenu' | 'quit' | 'close' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'zoomIn' | 'zoomOut' | 'resetZoom' | 'togglefullscreen' | 'reload' | 'toggleDevTools' | 'about' | 'minimize' | 'front' | 'windowMenu';
  command?: MenuCommand;
  /** Opens this file (File › Open Recent). */
  openPath?: string;
  accelerator?: string;
  registerAccelerator?: boolean;
  type?: 'separator';
  enabled?: boolean;
  submenu?: MenuItemSpec[];
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  recent: ReadonlyArray<{ path: string; name: string }>;
  /** Reload and developer tools, for an unpackaged app. */
  developer: boolean;
}

const separator: MenuItemSpec = { type: 'separator' };

export function menuTemplate(options: MenuOptions): MenuItemSpec[] {
  const mac = options.platform === 'darwin';
  const recent: MenuItemSpec[] =
    options.recent.length === 0 ? [{ label: 'No recent files', enabled: false }] : options.recent.map((r) => ({ label: r.name, openPath: r.path }));

  const file: MenuItemSpec = {
    label: '&File',
    submenu: [
      { label: 'New Pipeline', command: 'new', accelerator: 'CmdOrCtrl+N' },
      { label: 'Open…', command: 'open', accelerator: 'CmdOrCtrl+O' },
      { label: 'Open Recent', submenu: recent },
      separator,
      { label: 'Save', command: 'save', accelerator: 'CmdOrCtrl+S' },
      { label: 'Save As…', command: 'save-as', accelerator: 'Shift+CmdOrCtrl+S' },
      separator,
      { label: 'Import JSON…', command: 'import', accelerator: 'CmdOrCtrl+I' },
      { label: 'Export JSON…', command: 'export-json', accelerator: 'CmdOrCtrl+E' },
      { label: 'Export Airflow DAG…', command: 'export-airflow', accelerator: 'Shift+CmdOrCtrl+E' },
      separator,
      { label: 'Variables…', command: 'variables' },
      { label: 'Connections…', command: 'connections' },
      ...(mac ? [] : [{ label: 'Settings…', command: 'settings', accelerator: 'CmdOrCtrl+,' } as MenuItemSpec]),
      separator,
      mac ? { role: 'close' } : { role: 'quit', label: 'Quit', accelerator: 'CmdOrCtrl+Q' },
    ],
  };

  const edit: MenuItemSpec = {
    label: '&Edit',
    submenu: [
      { label: 'Undo', command: 'undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false },
      { label: 'Redo', command: 'redo', accelerator: mac ? 'Shift+Cmd+Z' : 'Ctrl+Y', registerAccelerator: false },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemSpec = {
    label: '&View',
    submenu: [
      { label: 'Fit View', command: 'fit-view', accelerator: 'Shift+1', registerAccelerator: false },
      { label: 'Auto Layout', command: 'auto-layout', accelerator: 'Shift+L', registerAccelerator: false },
      { label: 'Run History', command: 'history', accelerator: 'CmdOrCtrl+Shift+H' },
      separator,
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { role: 'resetZoom' },
      { role: 'togglefullscreen' },
      ...(options.developer ? [separator, { role: 'reload' } as MenuItemSpec, { role: 'toggleDevTools' } as MenuItemSpec] : []),
    ],
  };

  const run: MenuItemSpec = {
    label: '&Run',
    submenu: [
      { label: 'Run Pipeline', command: 'run', accelerator: 'F5' },
      { label: 'Cancel Run', command: 'cancel', accelerator: 'Shift+F5' },
    ],
  };

  const help: MenuItemSpec = {
    label: '&Help',
    submenu: [
      { label: 'Keyboard Shortcuts', command: 'shortcuts', accelerator: 'CmdOrCtrl+/', registerAccelerator: false },
      ...(mac ? [] : [separator, { label: 'About dagstudio', command: 'about' } as MenuItemSpec]),
    ],
  };

  if (!mac) return [file, edit, view, run, help];
  const appMenu: MenuItemSpec = {
    label: 'dagstudio',
    submenu: [
      { role: 'about' },
      separator,
      { label: 'Settings…', command: 'settings', accelerator: 'Cmd+,' },
      separator,
      { role: 'quit' },
    ],
  };
  const windowMenu: MenuItemSpec = { role: 'windowMenu' };
  return [appMenu, file, edit, view, run, windowMenu, help];
}

/** Every command a menu item sends (for checking that the renderer handles each). */
export function menuCommands(items: readonly MenuItemSpec[]): MenuCommand[] {
  return items.flatMap((item) => [...(item.command ? [item.command] : []), ...menuCommands(item.submenu ?? [])]);
}
