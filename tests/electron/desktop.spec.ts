import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../../electron/shell/electron-binary';
import { makeTempDir } from '../support/temp-dir';

const root = join(__dirname, '..', '..');
const binary = findElectronBinary(root);
const skipReason = 'reason' in binary ? `Electron desktop tests SKIPPED: ${binary.reason}.` : null;
if (skipReason) console.log(skipReason);

test.describe('desktop app through Playwright’s Electron launcher', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  test('starts on a fresh database, creates a patient and opens their page', async () => {
    const tmp = makeTempDir();
    const app = await electron.launch({
      executablePath: 'path' in binary ? binary.path : '',
      args: [root, '--db', tmp.dbPath],
    });
    try {
      const page = await app.firstWindow();
      await expect(page.getByRole('heading', { name: 'Patients' })).toBeVisible();
      await page.getByRole('link', { name: 'New patient' }).click();
      await page.getByLabel('Family name').fill('Mensah');
      await page.getByLabel('Given names').fill('Kofi');
      await page.getByLabel('Date of birth').fill('1961-02-28');
      await page.getByLabel('Sex').selectOption('male');
      await page.getByLabel('Sex').press('Enter');
      await expect(page.getByRole('heading', { name: 'MENSAH, Kofi' })).toBeVisible();
      // The page has the bridge and nothing of Node.
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    } finally {
      await app.close();
      tmp.cleanup();
    }
  });
});
