import AxeBuilder from '@axe-core/playwright';
import { expect, keepScreenshot, test } from './fixtures';

test.describe('first run on an empty database', () => {
  test.use({ setupDone: false });

  test('set-up, a second therapist, and switching who is working', async ({ page, app }, testInfo) => {
    await app.open(page);
    await expect(page.getByRole('heading', { name: 'Welcome to ROMtrack' })).toBeVisible();
    await keepScreenshot(page, testInfo, '1-setup');

    // An empty clinic name is refused where it was typed, and nothing is saved.
    await page.getByLabel('Therapist name').fill('Abena Owusu');
    await page.getByRole('button', { name: 'Start using ROMtrack' }).click();
    await expect(page.getByText('Clinic name is required.')).toBeVisible();
    expect((await app.backend.ok('session.get', {})).needsSetup).toBe(true);

    await page.getByLabel('Clinic name').fill('Riverside Rehabilitation');
    await page.getByLabel('Address').fill('12 River Road');
    await page.getByLabel('Professional title').fill('Physiotherapist');
    await page.getByLabel('Clinic name').press('Enter');

    await expect(page.getByRole('heading', { name: 'Patients' })).toBeVisible();
    await expect(page.getByLabel('Working:')).toHaveValue(/.+/);
    await expect(page.getByLabel('Working:').locator('option:checked')).toHaveText('Abena Owusu');

    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    await page.getByLabel('New therapist name').fill('Jonas Meier');
    await page.getByLabel('Registration number').last().fill('PT-2002');
    await page.getByRole('button', { name: 'Add therapist' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Jonas Meier added.' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'JM', exact: true })).toBeVisible();
    await keepScreenshot(page, testInfo, '2-settings');

    // A duplicate registration number is refused on that field.
    await page.getByLabel('New therapist name').fill('Someone Else');
    await page.getByLabel('Registration number').last().fill('pt-2002');
    await page.getByRole('button', { name: 'Add therapist' }).click();
    await expect(page.getByText(/PT-2002 already belongs to Jonas Meier/i)).toBeVisible();

    // Switching therapist: the header changes and the next change is recorded under the new name.
    await page.getByLabel('Working:').selectOption({ label: 'Jonas Meier' });
    await expect(page.getByLabel('Working:').locator('option:checked')).toHaveText('Jonas Meier');
    const state = await app.backend.ok('session.get', {});
    expect(state.currentTherapist?.name).toBe('Jonas Meier');

    // After a restart of the app, "who is working?" offers the last therapist first.
    app.backend.context.session.select(null);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Who is working?' })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Jonas Meier' })).toBeChecked();
    await keepScreenshot(page, testInfo, '3-who-is-working');
    await page.getByRole('radio', { name: /Abena Owusu/ }).check();
    await page.getByRole('button', { name: 'Start' }).press('Enter');
    await expect(page.getByLabel('Working:').locator('option:checked')).toHaveText('Abena Owusu');
  });
});

test('deactivating the only active therapist is refused with a clear message', async ({ page, app }) => {
  await app.open(page, '#/settings');
  await page.getByRole('button', { name: 'Deactivate Abena Owusu' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'only active therapist' })).toBeVisible();
  expect((await app.backend.ok('therapists.list', {})).length).toBe(1);
});

test('clinic details: a logo that is not an image is refused; the date format changes how dates read', async ({ page, app }) => {
  await app.backend.ok('patients.create', { familyName: 'Mensah', givenNames: 'Kofi', dateOfBirth: '1961-02-28', sex: 'male' });
  await app.open(page, '#/settings');
  await page.getByLabel('Logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('this is text, not a picture') });
  await expect(page.getByText('not really a PNG or JPEG')).toBeVisible();
  await page.getByLabel('Date format').selectOption('DD/MM/YYYY');
  await page.getByRole('button', { name: 'Save clinic details' }).click();
  await expect(page.getByText('Clinic details saved.')).toBeVisible();
  expect((await app.backend.ok('clinic.get', {})).logo).toBeNull();
  await page.getByRole('link', { name: 'Patients', exact: true }).click();
  await expect(page.getByRole('cell', { name: '28/02/1961' })).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('the settings screen passes an automated accessibility check', async ({ page, app }) => {
  await app.open(page, '#/settings');
  await expect(page.getByRole('heading', { name: 'Therapists' })).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.map((v) => `${v.id} ${v.help}`)).toEqual([]);
});
