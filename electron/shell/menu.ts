import type { MenuItemConstructorOptions } from 'electron';

/** What the menu items do; main.ts supplies them, so this file stays a plain function a test can read. */
export interface MenuActions {
  /** Sent to the page: it opens the new-patient form. */
  newPatient(): void;
  /** Sent to the page: it prints the report of what is on screen (once there are reports). */
  printReport(): void;
  backUpNow(): void;
  restore(): void;
  /** Shows the version and where the database is. */
  about(): void;
}

export interface MenuOptions {
  /** Reload and developer tools only while developing: a reload in the clinic could drop a half-typed visit. */
  development?: boolean;
}

/** Item ids, so the desktop tests can click menu items through Electron's Menu API. */
export const MENU_ITEM_IDS = {
  newPatient: 'new-patient',
  printReport: 'print-report',
  backUpNow: 'back-up-now',
  restore: 'restore',
  about: 'about',
} as const;

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu. Every action has a keyboard route: mnemonics on Windows and Linux
 * (Alt+F, then N), and accelerators for the frequent ones. Zoom is here for old, small screens.
 */
export function buildMenuTemplate(actions: MenuActions, platform: NodeJS.Platform, options: MenuOptions = {}): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  // macOS shows "&" literally and has no menu mnemonics; elsewhere "&F" underlines F for Alt+F.
  const label = (text: string): string => (mac ? text.replace(/&(?!&)/g, '') : text);

  const about: MenuItemConstructorOptions = { id: MENU_ITEM_IDS.about, label: 'About ROMtrack', click: () => actions.about() };

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: 'ROMtrack',
          submenu: [
            about,
            separator,
            { role: 'services', label: 'Services' },
            separator,
            { role: 'hide', label: 'Hide ROMtrack' },
            { role: 'hideOthers', label: 'Hide Others' },
            { role: 'unhide', label: 'Show All' },
            separator,
            { role: 'quit', label: 'Quit ROMtrack', accelerator: 'Cmd+Q' },
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: label('&File'),
    submenu: [
      { id: MENU_ITEM_IDS.newPatient, label: label('&New patient'), accelerator: 'CmdOrCtrl+N', click: () => actions.newPatient() },
      { id: MENU_ITEM_IDS.printReport, label: label('&Print report…'), accelerator: 'CmdOrCtrl+P', click: () => actions.printReport() },
      separator,
      { id: MENU_ITEM_IDS.backUpNow, label: label('&Back up now…'), click: () => actions.backUpNow() },
      { id: MENU_ITEM_IDS.restore, label: label('&Restore…'), click: () => actions.restore() },
      separator,
      // On macOS, Quit lives in the application menu; File ends with closing the window instead.
      mac ? { role: 'close', label: 'Close Window', accelerator: 'Cmd+W' } : { role: 'quit', label: label('&Quit'), accelerator: 'Ctrl+Q' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: label('&Edit'),
    submenu: [
      { role: 'undo', label: label('&Undo'), accelerator: 'CmdOrCtrl+Z' },
      { role: 'redo', label: label('&Redo'), accelerator: mac ? 'Shift+Cmd+Z' : 'Ctrl+Y' },
      separator,
      { role: 'cut', label: label('Cu&t'), accelerator: 'CmdOrCtrl+X' },
      { role: 'copy', label: label('&Copy'), accelerator: 'CmdOrCtrl+C' },
      { role: 'paste', label: label('&Paste'), accelerator: 'CmdOrCtrl+V' },
      separator,
      { role: 'selectAll', label: label('Select &all'), accelerator: 'CmdOrCtrl+A' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: label('&View'),
    submenu: [
      { role: 'zoomIn', label: label('Zoom &in'), accelerator: 'CmdOrCtrl+=' },
      { role: 'zoomOut', label: label('Zoom &out'), accelerator: 'CmdOrCtrl+-' },
      { role: 'resetZoom', label: label('&Actual size'), accelerator: 'CmdOrCtrl+0' },
      separator,
      { role: 'togglefullscreen', label: label('&Full screen'), accelerator: mac ? 'Ctrl+Cmd+F' : 'F11' },
      ...(options.development
        ? [
            separator,
            { role: 'reload', label: label('&Reload (development)'), accelerator: 'CmdOrCtrl+R' } satisfies MenuItemConstructorOptions,
            { role: 'toggleDevTools', label: label('&Developer tools (development)'), accelerator: mac ? 'Alt+Cmd+I' : 'Ctrl+Shift+I' } satisfies MenuItemConstructorOptions,
          ]
        : []),
    ],
  };

  // On macOS "About" is in the application menu, where people look for it.
  const help: MenuItemConstructorOptions[] = mac ? [] : [{ label: label('&Help'), submenu: [about] }];

  return [...appMenu, file, edit, view, ...help];
}
