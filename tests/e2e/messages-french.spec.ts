import { expect, keepScreenshot, test } from './fixtures';

// Issue 20: the back end's refusals travel as message ids, so a refusal reads in the person's language. With the
// clinic set to French, a registration number already recorded is refused next to its field in French, never in
// the English the API callers read.

test('a clinic set to French: a duplicate registration number is refused in French on its field', async ({ page, app }, testInfo) => {
  const { updatedAt: _at, ...clinic } = await app.backend.ok('clinic.get', {});
  await app.backend.ok('clinic.update', { ...clinic, language: 'fr' });
  await app.backend.ok('therapists.create', { name: 'Jonas Meier', registrationNumber: 'PT-2002', credential: '739184' });
  const administrator = (await app.backend.ok('session.get', {})).currentTherapist;
  expect(administrator?.role).toBe('administrator');

  // The API caller reads English, with the id beside it.
  const refused = await app.backend.call('therapists.create', { name: 'Someone Else', registrationNumber: 'pt-2002', credential: '735194' });
  expect(refused.ok).toBe(false);
  if (refused.ok) return;
  expect(refused.error.fields?.registrationNumber).toBe('Registration number pt-2002 already belongs to Jonas Meier. Check the number.');
  expect(refused.error.fieldRefs?.registrationNumber?.id).toBe('domain.settings.registrationBelongs');

  await app.open(page, '#/settings', administrator?.id);
  await page.getByLabel('Nom du nouveau thérapeute').fill('Someone Else');
  await page.getByLabel('Numéro d’inscription').last().fill('pt-2002');
  await page.getByLabel('Premier code PIN ou mot de passe', { exact: true }).fill('735194');
  await page.getByLabel('Premier code PIN ou mot de passe, à nouveau').fill('735194');
  await page.getByRole('button', { name: 'Ajouter le thérapeute' }).click();

  const french = page.getByText('Le numéro d’inscription pt-2002 appartient déjà à Jonas Meier. Vérifiez le numéro.');
  await expect(french).toBeVisible();
  // Next to the field it concerns, which takes the focus.
  await expect(page.getByLabel('Numéro d’inscription').last()).toBeFocused();
  await expect(page.getByText(/already belongs to|Check the number/)).toHaveCount(0);
  for (const [width, height] of [
    [1366, 768],
    [1024, 640],
  ] as const) {
    await page.setViewportSize({ width, height });
    await french.scrollIntoViewIfNeeded();
    await keepScreenshot(page, testInfo, `fr-refusal-${width}x${height}`);
  }
});
