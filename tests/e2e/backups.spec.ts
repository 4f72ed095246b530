import { expect, keepScreenshot, test } from './fixtures';

test('back up now, see it listed with its size, and restore it after a change', async ({ page, app }, testInfo) => {
  await app.backend.ok('patients.create', { familyName: 'Mensah', givenNames: 'Kofi', dateOfBirth: '1961-02-28', sex: 'male' });
  await app.open(page, '#/settings');
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backup saved and checked' })).toBeVisible();
  const rows = page.getByRole('table').filter({ hasText: 'Kind' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Manual');
  await expect(rows.nth(1)).toContainText('KiB');
  await keepScreenshot(page, testInfo, 'backups');

  await app.backend.ok('patients.create', { familyName: 'Added', givenNames: 'Later', dateOfBirth: '1970-01-01', sex: 'female' });
  await page.getByRole('button', { name: /Restore the backup taken/ }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog).toBeVisible();
  // Cancel has the focus: Enter alone must not replace the records.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored from' })).toBeVisible();
  expect((await app.backend.ok('patients.list', {})).items.map((p) => p.familyName)).toEqual(['Mensah']);
});

test('a backup to a folder that is not there says so plainly', async ({ page, app }) => {
  await app.open(page, '#/settings');
  await page.getByLabel('Back up to folder').fill(`${app.backend.dbPath}/no-such-stick`);
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'was the USB stick removed?' })).toBeVisible();
});

test('a relative folder gets a field message; a backup to a chosen folder is listed with its folder', async ({ page, app }) => {
  await app.open(page, '#/settings');
  const folder = page.getByLabel('Back up to folder');
  await folder.fill('usb-stick');
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText('Choose a full path, starting with /')).toBeVisible();
  await expect(folder).toHaveAttribute('aria-invalid', 'true');

  const stick = `${app.backend.dbPath}-stick`;
  await folder.fill(stick);
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backup saved and checked' })).toBeVisible();
  const rows = page.getByRole('table').filter({ hasText: 'Kind' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(stick);
  await expect(page.getByText(`and in ${stick}`)).toBeVisible();
});
