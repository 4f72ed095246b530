import AxeBuilder from '@axe-core/playwright';
import { DEFAULT_SESSION_TIMES } from '../../electron/auth/sessions';
import { TEST_PIN } from '../support/backend';
import { expect, keepScreenshot, test } from './fixtures';

// The screen locks after the clinic's idle time (5 minutes in the test clinic) with nothing of the patient left
// visible, and the same person's PIN brings back the screen as it was, typed values included (issue 18, item 3).

test('idle lock hides the patient and keeps what was typed; the PIN unlocks it', async ({ page, app }, testInfo) => {
  const patient = await app.backend.ok('patients.create', { familyName: 'Mensah', givenNames: 'Kofi', dateOfBirth: '1961-02-28', sex: 'male' });
  // The renderer's idle clock is Playwright's: five minutes pass in an instant. The server's clock is real, so
  // its own lock (tested in the integration tests) does not interfere.
  await page.clock.install();
  await app.open(page, `#/patients/${patient.id}/edit`);
  const clinicId = page.getByLabel('Clinic id');
  await clinicId.fill('RX-9921');
  await expect(page).toHaveTitle(/MENSAH|Mensah|Edit patient/);

  // Four minutes: still open.
  await page.clock.fastForward('04:00');
  await expect(clinicId).toBeVisible();
  // Input restarts the count; five minutes without any then lock.
  await page.keyboard.press('Shift');
  await page.clock.fastForward('04:30');
  await expect(clinicId).toBeVisible();
  await page.clock.fastForward('00:31');

  await expect(page.getByRole('heading', { name: 'ROMtrack is locked' })).toBeVisible();
  await expect(page).toHaveTitle('Locked — ROMtrack');
  // Nothing of the patient is on the screen or reachable by keyboard or screen reader.
  expect(await page.locator('body').innerText()).not.toMatch(/Mensah|RX-9921/i);
  await expect(page.getByLabel('Clinic id')).toBeHidden();
  await expect(page.getByLabel('PIN or password of Abena Owusu')).toBeFocused();
  await page.setViewportSize({ width: 1366, height: 768 });
  await keepScreenshot(page, testInfo, 'lock-1366x768');
  await page.setViewportSize({ width: 1024, height: 640 });
  await keepScreenshot(page, testInfo, 'lock-1024x640');

  await page.getByLabel('PIN or password of Abena Owusu').fill('999999');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('That PIN or password is not right. 4 attempts left')).toBeVisible();
  await keepScreenshot(page, testInfo, 'lock-wrong-pin-1024x640');

  // The cache was dropped at the lock: the screen reads the patient afresh once unlocked.
  const reread = page.waitForRequest((r) => r.url().endsWith('/api/patients.file'));
  await page.getByLabel('PIN or password of Abena Owusu').fill(TEST_PIN);
  await page.getByLabel('PIN or password of Abena Owusu').press('Enter');
  await expect(page.getByLabel('Clinic id')).toHaveValue('RX-9921');
  await reread;
  await expect(page.getByLabel('Clinic id')).toBeFocused();
  await expect(page.getByLabel('Family name')).toHaveValue('Mensah');
  await expect(page).not.toHaveTitle('Locked — ROMtrack');
});

test('the server locking an idle session shows the lock screen; another person may sign in after a warning', async ({ page, app }) => {
  const jonas = await app.backend.ok('therapists.create', { name: 'Jonas Meier', credential: '739184' });
  await app.open(page, '#/patients');
  await expect(page.getByRole('heading', { name: 'Patients' })).toBeVisible();

  // The server's lock time passes (here: at once); the next operation is refused and the screen locks.
  app.backend.sessions.setTimes({ ...DEFAULT_SESSION_TIMES, lockAfterMs: 1 });
  await page.getByRole('link', { name: 'Worklist' }).click();
  await expect(page.getByRole('heading', { name: 'ROMtrack is locked' })).toBeVisible();
  app.backend.sessions.setTimes(DEFAULT_SESSION_TIMES);
  const onLock = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(onLock.violations.map((v) => v.id)).toEqual([]);

  await page.getByRole('button', { name: 'Sign in as someone else' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in as someone else?' });
  await expect(dialog).toContainText('Anything Abena Owusu typed and did not save is lost.');
  // The safe choice has the focus: Escape or Enter out of habit loses nothing.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Sign in as someone else' }).click();
  await dialog.getByRole('button', { name: 'Sign Abena Owusu out' }).click();

  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  const onSignIn = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(onSignIn.violations.map((v) => v.id)).toEqual([]);
  await page.getByRole('radio', { name: /Jonas Meier/ }).check();
  await page.getByLabel('PIN or password').fill('739184');
  await page.getByLabel('PIN or password').press('Enter');
  await expect(page.getByRole('heading', { name: 'Choose your own PIN or password' })).toBeVisible();
  const audit = app.backend.context.db.prepare("SELECT operation, actor_id FROM audit_log WHERE operation LIKE 'session.%' ORDER BY rowid").all();
  expect(audit).toContainEqual({ operation: 'session.signIn', actor_id: jonas.id });
});
