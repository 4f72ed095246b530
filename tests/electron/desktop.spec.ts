import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { findElectronBinary } from '../../electron/shell/electron-binary';
import { MENU_ITEM_IDS } from '../../electron/shell/menu';
import { WINDOW_STATE_FILE } from '../../electron/shell/window-state';
import { makeTempDir } from '../support/temp-dir';

// The desktop app itself, through Playwright's Electron launcher. Each test gets a fresh database
// (--db) and a fresh user data folder (ROMTRACK_USER_DATA: window state and the single-instance
// lock), so it never meets a ROMtrack someone has open on the same machine.
//
// Where the binary exists, better-sqlite3 must be built for Electron's Node ABI, not the Node.js that
// runs vitest: `npx electron-builder install-app-deps` before, `npm rebuild better-sqlite3` after.
const root = join(__dirname, '..', '..');
const binary = findElectronBinary(root);
const skipReason = 'reason' in binary ? `Electron desktop tests SKIPPED: ${binary.reason}.` : null;
if (skipReason) console.log(skipReason);
const executablePath = 'path' in binary ? binary.path : '';

type Folders = ReturnType<typeof makeTempDir>;

async function launch(tmp: Folders): Promise<ElectronApplication> {
  return electron.launch({
    executablePath,
    args: [root, '--db', tmp.dbPath],
    env: { ...process.env, ROMTRACK_USER_DATA: join(tmp.dir, 'user-data') },
  });
}

/** Clicks an application menu item as a person would, through Electron's own Menu. */
async function clickMenu(app: ElectronApplication, id: string): Promise<void> {
  await app.evaluate(({ Menu, BrowserWindow }, itemId) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById(itemId);
    if (!item) throw new Error(`no menu item ${itemId}`);
    item.click(undefined, BrowserWindow.getAllWindows()[0]);
  }, id);
}

test.describe('desktop app through Playwright’s Electron launcher', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  test('first start: set-up, a patient created from File → New patient, and nothing of Node in the page', async () => {
    const tmp = makeTempDir();
    const app = await launch(tmp);
    try {
      const page = await app.firstWindow();
      await expect(page.getByRole('heading', { name: 'Welcome to ROMtrack' })).toBeVisible();
      await page.getByLabel('Clinic name').fill('Riverside Rehabilitation');
      await page.getByLabel('Therapist name').fill('Abena Owusu');
      await page.getByLabel('Professional title').fill('Physiotherapist');
      await page.getByLabel('Clinic name').press('Enter');
      await expect(page.getByRole('heading', { name: 'Patients' })).toBeVisible();

      // The menu command travels main → preload → page and opens the form.
      await clickMenu(app, MENU_ITEM_IDS.newPatient);
      await expect(page).toHaveURL(/#\/patients\/new$/);
      await page.getByLabel('Family name').fill('Mensah');
      await page.getByLabel('Given names').fill('Kofi');
      await page.getByLabel('Date of birth').fill('1961-02-28');
      await page.getByLabel('Sex').selectOption('male');
      await page.getByLabel('Sex').press('Enter');
      await expect(page.getByRole('heading', { name: 'MENSAH, Kofi' })).toBeVisible();

      // File → Print report… on the patient's page opens that patient's report.
      await clickMenu(app, MENU_ITEM_IDS.printReport);
      await expect(page.getByRole('heading', { name: 'Progress report: MENSAH, Kofi' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Save as PDF…' })).toBeVisible();

      // The page has the bridge's three functions and nothing of Node, and runs from the app's own protocol.
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
      expect(await page.evaluate(() => Object.keys((window as unknown as { romtrack: object }).romtrack).sort())).toEqual(['call', 'onMenuCommand', 'printToPdf']);
      expect(page.url()).toMatch(/^app:\/\/romtrack\//);
    } finally {
      await app.close();
      tmp.cleanup();
    }
  });

  test('a second launch leaves the first one running and does not open the database', async () => {
    const tmp = makeTempDir();
    const app = await launch(tmp);
    try {
      await app.firstWindow();
      const second = spawn(executablePath, [root, '--db', tmp.dbPath], { env: { ...process.env, ROMTRACK_USER_DATA: join(tmp.dir, 'user-data') } });
      const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
      expect(code).toBe(0);
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    } finally {
      await app.close();
      tmp.cleanup();
    }
  });

  test('the window opens where it was closed', async () => {
    const tmp = makeTempDir();
    try {
      const first = await launch(tmp);
      await first.firstWindow();
      await first.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.setBounds({ x: 40, y: 50, width: 900, height: 640 }));
      await first.close();
      const saved = join(tmp.dir, 'user-data', WINDOW_STATE_FILE);
      expect(existsSync(saved)).toBe(true);
      expect(JSON.parse(readFileSync(saved, 'utf8'))).toMatchObject({ bounds: { width: 900, height: 640 }, maximized: false });

      const again = await launch(tmp);
      await again.firstWindow();
      const bounds = await again.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getBounds());
      expect(bounds).toMatchObject({ width: 900, height: 640 });
      await again.close();
    } finally {
      tmp.cleanup();
    }
  });
});
