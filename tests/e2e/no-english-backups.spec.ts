import { writeFileSync } from 'node:fs';
import { LANGUAGE_OVERRIDE_KEY } from '../../renderer/src/i18n/language-override';
import { fr } from '../../shared/i18n/messages/fr';
import { englishOn, typedStrings } from './english-words';
import type { Locator, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';

// Issue 20, the error paths of no-english.spec.ts: the backup list in French, and a restore refused because the
// chosen file is damaged. Its reason comes from the back end's file check (electron/backup/verify.ts), which once
// sent English sentences inside the French message.

/** The Backups section only: the whole Settings page is several screens long. */
async function keepSection(section: Locator, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await section.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

// Backups are real file work (a copy, a full check), on a shared and busy machine.
test.setTimeout(180_000);

for (const { width, height } of [
  { width: 1366, height: 768 },
  { width: 1024, height: 640 },
]) {
  test.describe(`${width}×${height}`, () => {
    test.use({ viewport: { width, height } });

    test(`the backup list and a refused restore of a damaged file read in French at ${width}×${height}`, async ({ page, app }, testInfo) => {
      const backup = await app.backend.ok('backups.create', { folder: null });
      await page.addInitScript((key) => window.localStorage.setItem(key, 'fr'), LANGUAGE_OVERRIDE_KEY);
      await app.open(page, '#/settings');
      // The records' own words (the therapists' titles, as typed), the machine's paths, and the binary units.
      const data = [...typedStrings(await app.backend.ok('therapists.list', { includeInactive: true }), new Set()), app.backend.dbPath, backup.path, 'KiB', 'MiB'];
      const section = page.locator('section[aria-labelledby="backups-heading"]');
      // Under load the list (which opens each backup to read its identity) may take a while.
      await expect(section.locator('tbody tr')).toHaveCount(1, { timeout: 30_000 });
      await expect(section.locator('tbody tr')).toContainText(fr['backups.kindManual']);
      expect(await englishOn(page, data)).toEqual([]);
      await keepSection(section, testInfo, 'fr-backups');

      // The file is damaged after it was listed (a failing USB stick): no longer SQLite at all.
      writeFileSync(backup.path, Buffer.alloc(64 * 1024, 0x5a));
      await section.locator('tbody button').first().click();
      const dialog = page.locator('dialog[aria-labelledby="restore-dialog-heading"]');
      await expect(dialog).toBeVisible();
      await dialog.locator('button.primary').click();
      const alert = section.getByRole('alert');
      await expect(alert).toContainText(fr['domain.restore.cannot'].split('{{')[0]!, { timeout: 30_000 });
      await expect(alert).toContainText(fr['backup.verify.notSqlite']);
      await expect(alert).toContainText('Rien n’a été modifié.');
      expect(await englishOn(page, data)).toEqual([]);
      await keepSection(section, testInfo, 'fr-restore-refused');
      // Nothing was restored: the records are the ones the page showed.
      await expect(section.locator('tbody tr')).toHaveCount(1);
    });
  });
}
