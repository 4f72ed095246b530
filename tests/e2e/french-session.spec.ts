import { TEST_PIN } from '../support/backend';
import { atBothSizes, expect, test } from './fixtures';

// Before anyone signs in, the clinic's language is all the app can know (issue 20): with the clinic in French,
// the sign-in page and, once someone has signed in, the lock screen read in French. Another person's browser
// has no override set, so this is the language a colleague arriving at the workstation sees.

test('a clinic in French: the sign-in page and the lock screen are in French', async ({ page, app }, testInfo) => {
  test.slow();
  const { updatedAt: _at, ...clinic } = await app.backend.ok('clinic.get', {});
  await app.backend.ok('clinic.update', { ...clinic, language: 'fr' });

  await page.goto(`${app.server.url}/`);
  const signIn = page.locator('main.sign-in');
  await expect(signIn.getByRole('heading', { name: 'Se connecter', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page).toHaveTitle(/^Se connecter/);
  await expect(signIn.getByRole('group', { name: 'Qui travaille ?' })).toBeVisible();
  await expect(signIn.getByText('Administrateur', { exact: true })).toBeVisible();
  await expect(signIn.getByRole('button', { name: 'Code PIN d’administrateur oublié ?' })).toBeVisible();
  const signInText = await signIn.innerText();
  for (const english of ['Sign in', 'Who is working', 'PIN or password', 'Forgotten', 'Administrator']) expect(signInText, `"${english}" left in English`).not.toContain(english);
  await atBothSizes(page, testInfo, 'fr-sign-in');

  await signIn.getByLabel('Code PIN ou mot de passe').fill(TEST_PIN);
  await signIn.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('button', { name: 'Verrouiller', exact: true }).click();

  const lock = page.locator('main.lock-screen');
  await expect(lock.getByRole('heading', { name: 'ROMtrack est verrouillé' })).toBeVisible();
  await expect(page).toHaveTitle(/^Verrouillé/);
  await expect(lock).toContainText('Connecté : Abena Owusu. Les données des patients restent masquées');
  await expect(lock.getByLabel('Code PIN ou mot de passe de Abena Owusu')).toBeFocused();
  await expect(lock.getByRole('button', { name: 'Déverrouiller' })).toBeVisible();
  const lockText = await lock.innerText();
  for (const english of ['locked', 'Signed in', 'Unlock', 'Sign in as someone else', 'password']) expect(lockText, `"${english}" left in English`).not.toContain(english);
  await atBothSizes(page, testInfo, 'fr-lock');

  // The same person's PIN opens the app again.
  await lock.getByLabel('Code PIN ou mot de passe de Abena Owusu').fill(TEST_PIN);
  await lock.getByLabel('Code PIN ou mot de passe de Abena Owusu').press('Enter');
  await expect(lock).toHaveCount(0);
});
