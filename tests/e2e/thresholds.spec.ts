import AxeBuilder from '@axe-core/playwright';
import { todayLocal } from '../../shared/domain/dates';
import { expect, keepScreenshot, test } from './fixtures';

test('measurement thresholds: set hip extension for the goniometer, see it beside the default and its source, reset it', async ({ page, app }, testInfo) => {
  // Two accessibility scans of the whole Settings page (a table of every motion) take most of a minute on two busy cores.
  test.slow();
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open(page, '#/settings');
  await expect(page.getByRole('heading', { name: 'Measurement thresholds' })).toBeVisible();
  const edit = page.getByRole('button', { name: 'Edit thresholds for hip extension' });
  const row = page.getByRole('row').filter({ has: edit });
  await expect(row).toContainText('12°');
  await expect(row).toContainText('Clinical reference; to confirm');
  await expect(page.getByRole('row').filter({ has: page.getByRole('button', { name: 'Edit thresholds for elbow flexion' }) })).toContainText('Cleffken 2007; to confirm');

  // Keyboard only: open, move to the goniometer box, a value that is not a half degree is refused as typed.
  await edit.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Any instrument (°)')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Universal goniometer (°)')).toBeFocused();
  await page.keyboard.type('7.3');
  await expect(page.getByText('Use whole or half degrees, for example 8 or 8.5.')).toBeVisible();
  await keepScreenshot(page, testInfo, '1-threshold-form-refused-1366');
  await page.getByLabel('Universal goniometer (°)').fill('10');
  await page.keyboard.press('Enter');

  // Saved: a confirmation under the row, the value in the goniometer column, who set it; focus back on Edit.
  await expect(page.getByRole('status').filter({ hasText: 'Hip extension saved: universal goniometer 10°. Catalogue default 12°.' })).toBeVisible();
  await expect(row).toContainText('10°');
  await expect(row).toContainText('Set by Abena Owusu');
  await expect(edit).toBeFocused();
  expect(app.backend.context.repos.thresholds.overrides()).toEqual([{ motion: 'hip.extension', instrument: 'goniometer', degrees: 10 }]);
  await keepScreenshot(page, testInfo, '2-threshold-saved-1366');
  await page.setViewportSize({ width: 1024, height: 640 });
  await row.scrollIntoViewIfNeeded();
  await keepScreenshot(page, testInfo, '3-threshold-saved-1024');

  // Escape cancels: nothing saved.
  await page.keyboard.press('Enter');
  await page.getByLabel('Any instrument (°)').fill('20');
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Any instrument (°)')).toBeHidden();
  expect(app.backend.context.repos.thresholds.overrides()).toHaveLength(1);

  // Reset to default: the dash again, the default stays listed with its source.
  await edit.click();
  await keepScreenshot(page, testInfo, '4-threshold-form-1024');
  const withForm = await new AxeBuilder({ page }).include('section[aria-labelledby="thresholds-heading"]').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(withForm.violations.map((v) => `${v.id} ${v.help}`)).toEqual([]);
  await page.getByRole('button', { name: 'Reset to default' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Hip extension is back to the catalogue default, 12°, for every instrument.' })).toBeVisible();
  await expect(row).not.toContainText('10°');
  await expect(row).toContainText('Clinical reference; to confirm');
  expect(app.backend.context.repos.thresholds.overrides()).toEqual([]);
  expect(app.backend.context.repos.thresholds.history('hip.extension')).toHaveLength(1);

  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.map((v) => `${v.id} ${v.help}`)).toEqual([]);
});

test('a surgery on a watched site asks whether heterotopic bone was excised; yes records an excision', async ({ page, app }, testInfo) => {
  const p = await app.backend.ok('patients.create', { familyName: 'Boateng', givenNames: 'Yaw', dateOfBirth: '1968-07-14', sex: 'male' });
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'hip', side: 'right', status: 'confirmed', since: todayLocal() });
  await app.open(page, `#/patients/${p.id}`);
  const question = page.getByRole('group', { name: 'Was heterotopic bone excised in this operation?' });

  await page.getByRole('link', { name: 'Add event' }).click();
  await page.getByLabel('Kind of event').selectOption({ label: 'Surgery' });
  await page.getByLabel('Joint').selectOption({ label: 'Hip' });
  await page.getByLabel('Side').selectOption({ label: 'Left' });
  await expect(question).toBeHidden(); // the left hip is not watched
  await page.getByLabel('Side').selectOption({ label: 'Right' });
  await expect(question).toBeVisible();
  await page.getByLabel('Operation').fill('Excision of heterotopic bone, right hip');
  await page.getByRole('button', { name: 'Save event' }).click();
  await expect(page.getByText('Answer yes or no: was heterotopic bone excised in this operation?')).toBeVisible();
  expect(await app.backend.ok('events.list', { patientId: p.id })).toHaveLength(0);
  await keepScreenshot(page, testInfo, '5-excision-question');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id} ${v.help}`)).toEqual([]);
  // Keyboard: Space chooses the focused answer, Enter saves.
  await question.getByLabel('Yes').focus();
  await page.keyboard.press('Space');
  await page.getByLabel('Operation').press('Enter');
  await expect(page.getByRole('heading', { name: /HO excision surgery/ })).toBeVisible();
  expect((await app.backend.ok('events.list', { patientId: p.id })).map((e) => [e.kind, e.joint, e.side])).toEqual([['excision', 'hip', 'right']]);

  // No: recorded as surgery.
  await page.getByRole('link', { name: 'Add event' }).click();
  await page.getByLabel('Kind of event').selectOption({ label: 'Surgery' });
  await page.getByLabel('Joint').selectOption({ label: 'Hip' });
  await page.getByLabel('Side').selectOption({ label: 'Right' });
  await page.getByLabel('Operation').fill('Washout');
  await question.getByLabel('No').check();
  await page.getByRole('button', { name: 'Save event' }).click();
  await expect(page.getByRole('heading', { name: /Surgery$/ })).toBeVisible();
  expect((await app.backend.ok('events.list', { patientId: p.id })).map((e) => e.kind).sort()).toEqual(['excision', 'surgery']);
});
