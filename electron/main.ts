// The desktop shell: windows, menu, protocol, IPC transport. The application itself lives in electron/api;
// every decision here is a plain function in electron/shell/ with its own unit test.
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, screen, session, shell, type OpenDialogOptions } from 'electron';
import { IPC_CHANNEL, MENU_COMMAND_CHANNEL, PRINT_TO_PDF_CHANNEL, SAVE_EXPORT_CHANNEL, type MenuCommand } from '../shared/api/transport';
import { todayLocal } from '../shared/domain/dates';
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp';
import { openBackend, type Backend } from './api/backend';
import { StartupGate } from './api/startup-gate';
import { offerChosenBackupFile } from './api/backup-sources';
import { callOperation } from './api/dispatch';
import { automaticBackup } from './backup/backup';
import { describeEncryption, prepareDatabaseKey } from './backup/encrypt-at-rest';
import { newestGoodBackup, replaceFromBackup, startupFailureAdvice } from './backup/startup';
import { startupBackupAndCheck } from './backup/startup-check';
import { resolveDatabasePath } from './db/default-path';
import { messageOf } from './db/errors';
import { readStatic } from './server/static-files';
import { aboutDialog } from './shell/about';
import { desktopKeySource } from './shell/desktop-key';
import { backupMenuActions, type BackupDialogs } from './shell/backup-menu';
import { handleIpcCall } from './shell/ipc-handler';
import { buildMenuTemplate } from './shell/menu';
import { savePdf } from './shell/print-to-pdf';
import { saveExport } from './shell/save-export';
import { APP_HOST, APP_SCHEME, APP_START_URL } from './shell/trusted-url';
import { guardWebContents } from './shell/web-contents-guards';
import { mainWindowOptions } from './shell/window-options';
import { placeWindow, readWindowState, WINDOW_STATE_FILE, writeWindowState } from './shell/window-state';

const rendererDir = join(__dirname, '..', '..', 'renderer');
const preloadPath = join(__dirname, '..', '..', 'preload', 'preload.js');

// Tests give each run its own data folder (window state, single-instance lock), as Actual's do.
// It must be set before the lock is asked for, because the lock lives in that folder.
if (process.env.ROMTRACK_USER_DATA) app.setPath('userData', process.env.ROMTRACK_USER_DATA);

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let backend: Backend | undefined;
// Answers the window while the database opens (and is updated, for one from an older ROMtrack), then lets through.
const gate = new StartupGate('desktop');
let mainWindow: BrowserWindow | undefined;

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function windowStateFile(): string {
  return join(app.getPath('userData'), WINDOW_STATE_FILE);
}

function createWindow(): void {
  const displays = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea);
  const placed = placeWindow(readWindowState(windowStateFile()), displays);
  const win = new BrowserWindow(mainWindowOptions(preloadPath, placed.bounds));
  mainWindow = win;
  win.once('ready-to-show', () => {
    if (placed.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => {
    try {
      mkdirSync(app.getPath('userData'), { recursive: true });
      writeWindowState(windowStateFile(), { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
    } catch (err) {
      console.error('[romtrack] could not save the window position', err);
    }
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
  });
  void win.loadURL(APP_START_URL);
}

/** Menu items that concern the page travel as one named event; the preload passes on only known commands. */
function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send(MENU_COMMAND_CHANNEL, command);
}

async function showMessage(kind: 'info' | 'error' | 'question', options: { title?: string; message: string; detail?: string; buttons?: string[] }): Promise<number> {
  const box = { type: kind, title: options.title ?? 'ROMtrack', message: options.message, detail: options.detail, buttons: options.buttons ?? ['OK'], noLink: true };
  const result = mainWindow ? await dialog.showMessageBox(mainWindow, box) : await dialog.showMessageBox(box);
  return result.response;
}

const dialogs: BackupDialogs = {
  chooseFolder: async (title, defaultPath) => {
    const options: OpenDialogOptions = { title, defaultPath, buttonLabel: 'Back up here', properties: ['openDirectory', 'createDirectory'] };
    const r = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  },
  chooseBackupFile: async (title, defaultPath) => {
    const options: OpenDialogOptions = { title, defaultPath, buttonLabel: 'Restore this backup', filters: [{ name: 'ROMtrack backups', extensions: ['sqlite'] }], properties: ['openFile'] };
    const r = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  },
  // Cancel is the default button: Enter on this box must not replace the records.
  confirm: async (message, detail, confirmLabel) => (await showMessage('question', { message, detail, buttons: ['Cancel', confirmLabel] })) === 1,
  show: async (kind, message, detail) => {
    await showMessage(kind, { message, detail });
  },
};

async function showAbout(): Promise<void> {
  const result = await callOperation(gate.dispatch, 'app.info', {});
  if (!result.ok) {
    await showMessage('error', { message: 'ROMtrack could not read its own details.', detail: result.error.message });
    return;
  }
  await showMessage('info', aboutDialog(result.value));
}

/**
 * A database that fails its checks is never replaced by a new empty one: the person is told, and
 * offered the newest good backup (the damaged file is kept aside, not deleted).
 */
async function openOrRecover(databasePath: string): Promise<Backend | undefined> {
  let key: Buffer | null = null;
  try {
    // A plain database from an older ROMtrack is encrypted here, once, after a backup.
    const prepared = await prepareDatabaseKey(databasePath, desktopKeySource(safeStorage, app.getPath('userData'), databasePath));
    key = prepared.key;
    if (prepared.encrypted) console.log('[romtrack]', describeEncryption(databasePath, prepared.encrypted).join('\n'));
    return await openBackend({ databasePath, mode: 'desktop', key }, gate);
  } catch (err) {
    gate.failed(err);
    // Only a backup of this database (its identity) is offered, checked in full first.
    const good = await newestGoodBackup(databasePath, key);
    const detail = await startupFailureAdvice(databasePath, messageOf(err), () => (good ? 'Choose "Restore this backup" to continue with it.' : ''), good, key);
    const buttons = good ? ['Quit', 'Restore this backup'] : ['Quit'];
    const { response } = await dialog.showMessageBox({ type: 'error', title: 'ROMtrack', message: 'ROMtrack cannot open its database.', detail, buttons, defaultId: 0, cancelId: 0, noLink: true });
    if (response !== 1 || !good) return undefined;
    try {
      gate.opening();
      await replaceFromBackup(databasePath, good.path, new Date(), { key });
      return await openBackend({ databasePath, mode: 'desktop', key }, gate);
    } catch (again) {
      dialog.showErrorBox('ROMtrack', `The restore did not succeed: ${messageOf(again)}`);
      return undefined;
    }
  }
}

function installMenu(): void {
  const backups = backupMenuActions(
    (operation, input) => gate.dispatch(operation, input),
    dialogs,
    () => mainWindow?.webContents.reload(),
    // During the update there is nothing to offer it to; the gate refuses the restore that follows, saying why.
    (path) => (backend ? offerChosenBackupFile(backend.context, path) : ''),
  );
  const template = buildMenuTemplate(
    {
      newPatient: () => sendMenuCommand('new-patient'),
      printReport: () => sendMenuCommand('print-report'),
      backUpNow: () => void backups.backUpNow(),
      restore: () => void backups.restore(),
      about: () => void showAbout(),
    },
    process.platform,
    { development: !app.isPackaged },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

if (!app.requestSingleInstanceLock()) {
  // Another ROMtrack has the database open; it will bring its window forward. This one never opens it.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.show();
      mainWindow.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, (url) => void shell.openExternal(url)));

  void app.whenReady().then(async () => {
    const databasePath = resolveDatabasePath(argValue('--db'));
    // Owner-only: the folders holding patient records are nobody else's to list (files are 0600, db/open.ts).
    mkdirSync(dirname(databasePath), { recursive: true, mode: 0o700 });

    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);

    protocol.handle(APP_SCHEME, async (request) => {
      const url = new URL(request.url);
      const file = url.host === APP_HOST ? await readStatic(rendererDir, url.pathname) : null;
      if (!file) return new Response('Not found', { status: 404 });
      return new Response(new Uint8Array(file.body), {
        headers: { 'content-type': file.contentType, 'content-security-policy': CONTENT_SECURITY_POLICY },
      });
    });

    ipcMain.handle(IPC_CHANNEL, (event, operation: unknown, input: unknown) => {
      const frame = event.senderFrame;
      return handleIpcCall(gate.dispatch, frame?.url, frame !== null && frame === event.sender.mainFrame, operation, input);
    });

    // Save as PDF: the sending page printed by its own webContents, so the PDF is the report on screen.
    ipcMain.handle(PRINT_TO_PDF_CHANNEL, (event, request: unknown) => {
      const frame = event.senderFrame;
      const owner = BrowserWindow.fromWebContents(event.sender) ?? undefined;
      return savePdf(
        {
          printToPdf: (options) => event.sender.printToPDF(options),
          chooseFile: async (defaultPath) => {
            const options = { title: 'Save the report as PDF', defaultPath, buttonLabel: 'Save', filters: [{ name: 'PDF documents', extensions: ['pdf'] }] };
            const r = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
            return r.canceled || !r.filePath ? null : r.filePath;
          },
          writeFile: (path, data) => writeFile(path, data),
          documentsDir: app.getPath('documents'),
          today: todayLocal(),
        },
        frame?.url,
        frame !== null && frame === event.sender.mainFrame,
        request,
      );
    });

    // Exports (a patient's FHIR file, a CSV, the whole clinic's NDJSON) go where the person chooses.
    ipcMain.handle(SAVE_EXPORT_CHANNEL, (event, request: unknown) => {
      const frame = event.senderFrame;
      const owner = BrowserWindow.fromWebContents(event.sender) ?? undefined;
      return saveExport(
        {
          chooseFile: async (options) => {
            const r = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
            return r.canceled || !r.filePath ? null : r.filePath;
          },
          // Owner-only, like the database: an export holds health records.
          writeFile: (path, text) => writeFile(path, text, { encoding: 'utf8', mode: 0o600 }),
          documentsDir: app.getPath('documents'),
        },
        frame?.url,
        frame !== null && frame === event.sender.mainFrame,
        request,
      );
    });

    installMenu();
    // The window opens at once, on the update screen while the database is updated (a second launch brings it
    // forward); the page moves on to the first screen when the gate opens.
    createWindow();
    backend = await openOrRecover(databasePath);
    if (!backend) {
      app.exit(1);
      return;
    }
    void startupBackupAndCheck(backend.context.db, databasePath).then((check) => {
      if (check.damage) dialog.showErrorBox('ROMtrack: the database is damaged', check.damage);
      if (check.auditLog) dialog.showErrorBox('ROMtrack: the audit log was changed', check.auditLog);
      if (check.warning) console.error('[romtrack]', check.warning);
    });
  });

  app.on('window-all-closed', () => app.quit());
  // Back up on quit before the database closes; quitting waits for it (seconds at most).
  let backedUpOnQuit = false;
  app.on('before-quit', (event) => {
    if (backedUpOnQuit || !backend) return;
    event.preventDefault();
    backedUpOnQuit = true;
    automaticBackup(backend.context.db, backend.context.app.databasePath, 'quit')
      .catch((err: unknown) => console.error('[romtrack] the backup on quit failed', err))
      .finally(() => app.quit());
  });
  app.on('will-quit', () => backend?.close());
}
