import { formatRecoveryKey, newDatabaseKey } from '../../electron/db/database-key';
import { TEST_PIN } from '../support/backend';
import { atBothSizes, expect, test } from './fixtures';

// An administrator who forgot their PIN (issue 18): from the sign-in page, the clinic's printed recovery key lets
// them choose a new one; a wrong key is refused at its box. The database is encrypted, as in the app.
const key = newDatabaseKey();
test.use({ databaseKey: key });

test('a forgotten administrator PIN is replaced with the printed recovery key, from the sign-in page', async ({ page, app }, testInfo) => {
  const me = app.backend.actorId()!;
  await page.goto(app.server.url);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByRole('button', { name: 'Forgotten administrator PIN?' }).click();
  await expect(page.getByRole('heading', { name: 'Forgotten administrator PIN or password' })).toBeVisible();
  await expect(page).toHaveTitle('Forgotten administrator PIN — ROMtrack');

  await page.getByLabel('Recovery key').fill(formatRecoveryKey(newDatabaseKey()));
  await page.getByLabel('New PIN or password', { exact: true }).fill('582913');
  await page.getByLabel('New PIN or password again').fill('582913');
  await page.getByRole('button', { name: 'Replace and sign in' }).click();
  await expect(page.getByText("This is not this database's recovery key").first()).toBeVisible();
  await atBothSizes(page, testInfo, 'recover');

  await page.getByLabel('Recovery key').fill(formatRecoveryKey(key).toLowerCase());
  await page.getByRole('button', { name: 'Replace and sign in' }).click();
  await expect(page.locator('.account-menu')).toContainText('Signed in: Abena Owusu');

  // The old PIN no longer opens the account; the new one does.
  const client = app.backend.client();
  expect(await client.call('session.signIn', { therapistId: me, credential: TEST_PIN })).toMatchObject({ ok: false });
  expect(await client.ok('session.signIn', { therapistId: me, credential: '582913' })).toMatchObject({ currentTherapist: { id: me } });
});
