import AxeBuilder from '@axe-core/playwright';
import { expect, keepScreenshot, test } from './fixtures';

test.describe('first run on an empty database', () => {
  test.use({ setupDone: false });

  test('set-up with the administrator’s PIN, a second therapist, and switching person with their credential', async ({ page, app }, testInfo) => {
    await app.open(page);
    await expect(page.getByRole('heading', { name: 'Welcome to ROMtrack' })).toBeVisible();
    await keepScreenshot(page, testInfo, '1-setup');

    // An empty clinic name is refused where it was typed, and nothing is saved.
    await page.getByLabel('Therapist name').fill('Abena Owusu');
    await page.getByLabel('PIN or password', { exact: true }).fill('482916');
    await page.getByLabel('PIN or password again').fill('482916');
    await page.getByRole('button', { name: 'Start using ROMtrack' }).click();
    await expect(page.getByText('Clinic name is required.')).toBeVisible();
    expect((await app.backend.ok('session.get', {})).needsSetup).toBe(true);

    await page.getByLabel('Clinic name').fill('Riverside Rehabilitation');
    await page.getByLabel('Address').fill('12 River Road');
    await page.getByLabel('Professional title').fill('Physiotherapist');
    await page.getByLabel('Clinic name').press('Enter');

    await expect(page.getByRole('heading', { name: 'Patients' })).toBeVisible();
    await expect(page.getByText('Signed in: Abena Owusu')).toBeVisible();

    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    await page.getByLabel('New therapist name').fill('Jonas Meier');
    await page.getByLabel('Registration number').last().fill('PT-2002');
    await page.getByLabel('First PIN or password', { exact: true }).fill('735194');
    await page.getByLabel('First PIN or password again').fill('735194');
    await page.getByRole('button', { name: 'Add therapist' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Jonas Meier added' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'JM', exact: true })).toBeVisible();
    await keepScreenshot(page, testInfo, '2-settings');

    // A duplicate registration number is refused on that field.
    await page.getByLabel('First PIN or password', { exact: true }).fill('735194');
    await page.getByLabel('First PIN or password again').fill('735194');
    await page.getByLabel('New therapist name').fill('Someone Else');
    await page.getByLabel('Registration number').last().fill('pt-2002');
    await page.getByRole('button', { name: 'Add therapist' }).click();
    await expect(page.getByText(/PT-2002 already belongs to Jonas Meier/i)).toBeVisible();

    // Switching person needs that person's credential; a temporary one is replaced first.
    await page.getByRole('button', { name: 'Switch person' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await page.getByRole('radio', { name: /Jonas Meier/ }).check();
    await page.getByLabel('PIN or password', { exact: true }).fill('735194');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Choose your own PIN or password' })).toBeVisible();
    await page.getByLabel('The PIN or password you were given').fill('735194');
    await page.getByLabel('New PIN or password', { exact: true }).fill('river stones 42');
    await page.getByLabel('New PIN or password again').fill('river stones 42');
    await page.getByRole('button', { name: 'Save and go on' }).click();
    await expect(page.getByText('Signed in: Jonas Meier')).toBeVisible();
    const state = await app.backend.ok('session.get', {});
    expect(state.activeTherapists.find((t) => t.name === 'Jonas Meier')).toMatchObject({ mustChangeCredential: false });
    await keepScreenshot(page, testInfo, '3-signed-in-as-jonas');
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
