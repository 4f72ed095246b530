// The desktop shell: windows, protocol, IPC transport. The application itself lives in electron/api.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, session, shell } from 'electron';
import { IPC_CHANNEL } from '../shared/api/transport';
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp';
import { createBackend, type Backend } from './api/backend';
import { resolveDatabasePath } from './db/default-path';
import { readStatic } from './server/static-files';
import { APP_HOST, APP_SCHEME, APP_START_URL, decideNavigation, decideWindowOpen, isTrustedIpcSender } from './shell/trusted-url';
import { mainWindowOptions } from './shell/window-options';

const rendererDir = join(__dirname, '..', '..', 'renderer');
const preloadPath = join(__dirname, '..', '..', 'preload', 'preload.js');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let backend: Backend | undefined;
let mainWindow: BrowserWindow | undefined;

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function createWindow(): void {
  mainWindow = new BrowserWindow(mainWindowOptions(preloadPath));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  void mainWindow.loadURL(APP_START_URL);
}

if (!app.requestSingleInstanceLock()) {
  // Another ROMtrack has the database open; it will bring its window forward.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      const decision = decideNavigation(url);
      if (decision === 'allow') return;
      event.preventDefault();
      if (decision === 'open-external') void shell.openExternal(url);
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (decideWindowOpen(url) === 'open-external') void shell.openExternal(url);
      return { action: 'deny' };
    });
  });

  void app.whenReady().then(() => {
    const databasePath = resolveDatabasePath(argValue('--db'));
    mkdirSync(dirname(databasePath), { recursive: true });
    backend = createBackend({ databasePath, mode: 'desktop' });

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

    ipcMain.handle(IPC_CHANNEL, async (event, operation: unknown, input: unknown) => {
      const frame = event.senderFrame;
      if (!isTrustedIpcSender(frame?.url, frame !== null && frame === event.sender.mainFrame)) {
        return { ok: false, error: { code: 'unauthorized', message: 'Refused: this request did not come from ROMtrack.' } };
      }
      if (typeof operation !== 'string') {
        return { ok: false, error: { code: 'invalid_input', message: 'The operation name must be text.' } };
      }
      return backend!.dispatch(operation, input);
    });

    createWindow();
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => backend?.close());
}
