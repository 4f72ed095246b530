import { TEST_PIN } from '../support/backend';
import { atBothSizes, expect, test } from './fixtures';

// Accounts as a person meets them (issue 18): first run with the administrator's PIN, signing in, a temporary
// PIN changed at first sign-in, and what a therapist who is not an administrator sees.

test.describe('first run', () => {
  test.use({ setupDone: false });

  test('the first therapist chooses a PIN, typed twice, and is signed in as administrator', async ({ page, app }) => {
    await app.open(page);
    await expect(page.getByRole('heading', { name: 'Welcome to ROMtrack' })).toBeVisible();
    await page.getByLabel('Clinic name').fill('Riverside Rehabilitation');
    await page.getByLabel('Therapist name').fill('Abena Owusu');
    // A PIN that is too short is refused as typed, by the same rule the back end applies.
    await page.getByLabel('PIN or password', { exact: true }).fill('1234');
    await expect(page.getByText('A PIN needs at least 6 digits; this one has 4.')).toBeVisible();
    await page.getByLabel('PIN or password', { exact: true }).fill('482916');
    await page.getByLabel('PIN or password again').fill('482961');
    await page.getByRole('button', { name: 'Start using ROMtrack' }).click();
    await expect(page.getByText('The two entries differ')).toBeVisible();
    expect((await app.backend.client().ok('session.get', {})).needsSetup).toBe(true);

    await page.getByLabel('PIN or password again').fill('482916');
    await page.getByLabel('PIN or password again').press('Enter');
    await expect(page.getByRole('heading', { name: 'Patients' })).toBeVisible();
    await expect(page.locator('.account-menu')).toContainText('Signed in: Abena Owusu');
    await expect(page.locator('.account-menu')).toContainText('Administrator');

    // Signing out leaves the sign-in page, and the PIN chosen at set-up signs back in.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await page.getByLabel('PIN or password').fill('482916');
    await page.getByLabel('PIN or password').press('Enter');
    await expect(page.getByRole('heading', { name: 'Patients' })).toBeVisible();
  });
});

test('sign-in: a wrong PIN is refused at the field with the attempts left, the right one opens the app', async ({ page, app }, testInfo) => {
  test.slow();
  const jonas = await app.backend.ok('therapists.create', { name: 'Jonas Meier', title: 'Physiotherapist', credential: '739184' });
  // No session cookie: the browser arrives as a stranger would.
  await page.goto(`${app.server.url}/`);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('Abena Owusu')).toBeVisible();
  // Nothing but the sign-in page: no patient list, no header.
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);

  await page.getByRole('radio', { name: /Abena Owusu/ }).check();
  await page.getByLabel('PIN or password').fill('111111');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const field = page.getByLabel('PIN or password');
  await expect(page.getByText('That PIN or password is not right. 4 attempts left before this account is locked for 5 minutes.')).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveValue('');
  await atBothSizes(page, testInfo, 'sign-in-wrong-pin');

  await field.fill(TEST_PIN);
  await field.press('Enter');
  await expect(page.getByRole('heading', { name: 'Worklist' })).toBeVisible();
  await expect(page.locator('.account-menu')).toContainText('Abena Owusu');

  // Switching person needs the other person's own credential; going back keeps the first session.
  await page.getByRole('button', { name: 'Switch person' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByRole('button', { name: 'Back to Abena Owusu' }).click();
  await expect(page.getByRole('heading', { name: 'Worklist' })).toBeVisible();
  await page.getByRole('button', { name: 'Switch person' }).click();
  await page.getByRole('radio', { name: /Jonas Meier/ }).check();
  await page.getByLabel('PIN or password').fill('000000');
  await page.getByLabel('PIN or password').press('Enter');
  await expect(page.getByText(/not right\. 4 attempts left/)).toBeVisible();
  await page.getByLabel('PIN or password').fill('739184');
  await page.getByLabel('PIN or password').press('Enter');

  // Jonas's first PIN was given by an administrator: he chooses his own before anything else opens.
  await expect(page.getByRole('heading', { name: 'Choose your own PIN or password' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await page.getByLabel('The PIN or password you were given').fill('739184');
  await page.getByLabel('New PIN or password', { exact: true }).fill('123456');
  await expect(page.getByText('This PIN is too easy to guess')).toBeVisible();
  await page.getByLabel('New PIN or password', { exact: true }).fill('planter-bay-42');
  await page.getByLabel('New PIN or password again').fill('planter-bay-42');
  await atBothSizes(page, testInfo, 'change-credential');
  await page.getByRole('button', { name: 'Save and go on' }).click();
  await expect(page.getByRole('heading', { name: 'Worklist' })).toBeVisible();
  await expect(page.locator('.account-menu')).toContainText('Jonas Meier');
  const therapists = await app.backend.ok('therapists.list', {});
  expect(therapists.find((t) => t.id === jonas.id)?.mustChangeCredential).toBe(false);
});

test('a therapist sees no administrator settings; an administrator sets roles, temporary PINs and sees who opened a record', async ({ page, app }) => {
  test.slow();
  const patient = await app.backend.ok('patients.create', { familyName: 'Mensah', givenNames: 'Kofi', dateOfBirth: '1961-02-28', sex: 'male' });
  const jonas = await app.backend.ok('therapists.create', { name: 'Jonas Meier', credential: '739184' });

  await app.open(page, '#/settings', jonas.id);
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByText('kept by an administrator')).toBeVisible();
  for (const heading of ['Clinic', 'Therapists']) await expect(page.getByRole('heading', { name: heading, exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save clinic details' })).toHaveCount(0);
  await page.goto(`${app.server.url}/#/patients/${patient.id}`);
  await expect(page.getByRole('heading', { name: /Mensah/i })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Who opened this record' })).toHaveCount(0);

  // The administrator's view of the same clinic (a fresh page load: only the address's hash would change).
  await page.goto('about:blank');
  await app.open(page, '#/settings');
  const row = page.getByRole('row', { name: /Jonas Meier/ });
  await expect(row.getByRole('cell', { name: 'Therapist', exact: true })).toBeVisible();
  await expect(row.getByRole('cell', { name: 'Own PIN or password' })).toBeVisible();
  await page.getByRole('button', { name: 'Make administrator: Jonas Meier' }).click();
  await expect(page.getByText('Jonas Meier is now administrator.')).toBeVisible();
  await expect(row.getByRole('cell', { name: 'Administrator', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Make therapist: Jonas Meier' }).click();
  await expect(row.getByRole('cell', { name: 'Therapist', exact: true })).toBeVisible();
  // The last administrator cannot be made a therapist: the back end says why, on the screen.
  await page.getByRole('button', { name: 'Make therapist: Abena Owusu' }).click();
  await expect(page.getByRole('alert')).toContainText(/administrator/i);

  // A temporary PIN, typed twice; Jonas must change it at his next sign-in.
  await page.getByRole('button', { name: 'Set a temporary PIN or password for Jonas Meier' }).click();
  await page.getByLabel('Temporary PIN or password for Jonas Meier').fill('864213');
  await page.getByLabel('Temporary PIN or password again').fill('864231');
  await page.getByRole('button', { name: 'Set temporary PIN or password' }).click();
  await expect(page.getByText('The two entries differ')).toBeVisible();
  await page.getByLabel('Temporary PIN or password again').fill('864213');
  await page.getByLabel('Temporary PIN or password again').press('Enter');
  await expect(page.getByText('Jonas Meier has a temporary PIN or password')).toBeVisible();
  await expect(row.getByRole('cell', { name: 'Temporary: changed at next sign-in' })).toBeVisible();

  // One's own PIN is changed with the current one, not reset: no temporary PIN for oneself.
  await expect(page.getByRole('button', { name: 'Set a temporary PIN or password for Abena Owusu' })).toHaveCount(0);

  // The clinic's lock time, from 1 to 60 minutes, reaches every workstation's session.
  const lockAfter = page.getByLabel('Lock the screen after (minutes without use)');
  await expect(lockAfter).toHaveValue('5');
  await lockAfter.fill('90');
  await expect(page.getByText('Lock after: at most 60 minutes')).toBeVisible();
  await lockAfter.fill('2');
  await page.getByRole('button', { name: 'Save clinic details' }).click();
  await expect(page.getByText('Clinic details saved.')).toBeVisible();
  expect((await app.backend.ok('session.get', {})).lockAfterMinutes).toBe(2);

  // The access log: opening the record above wrote a row naming Jonas.
  await page.getByRole('link', { name: 'Patients', exact: true }).click();
  await page.getByRole('link', { name: /Mensah/i }).first().click();
  await page.getByRole('link', { name: 'Who opened this record' }).click();
  await expect(page.getByRole('heading', { name: 'Who opened this record' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Jonas Meier.*Opened the record/ })).toBeVisible();
});
