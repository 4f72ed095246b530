import { atBothSizes, expect, keepScreenshot, test } from './fixtures';

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
  await atBothSizes(page, testInfo, 'fr-refusal', async () => {
    await french.scrollIntoViewIfNeeded();
  });
});

test('a clinic set to French: a settings check and an unreachable server are said in French', async ({ page, app }, testInfo) => {
  const { updatedAt: _at, ...clinic } = await app.backend.ok('clinic.get', {});
  await app.backend.ok('clinic.update', { ...clinic, language: 'fr' });
  const p = await app.backend.ok('patients.create', { familyName: 'Boateng', givenNames: 'Ama', dateOfBirth: '1988-09-03', sex: 'female' });
  await app.open(page, '#/settings');
  await expect(page.getByRole('heading', { name: 'Liste de travail', exact: true })).toBeVisible();
  // The worklist schedule's check comes from the shared schema: its message is an id, written in French.
  await page.getByLabel('Chaque semaine jusqu’à la semaine').fill('1');
  await expect(page.getByText('La mesure hebdomadaire ne peut pas finir (semaine 1) avant de commencer (semaine 2).')).toBeVisible();
  await expect(page.getByText(/Weekly measurement|before it starts/)).toHaveCount(0);
  await keepScreenshot(page, testInfo, 'fr-settings-check');

  // A read that cannot reach the server: the transport's own failure, in French too.
  await page.route('**/api/patients.file', (route) => route.abort('connectionrefused'));
  await page.evaluate((h) => {
    window.location.hash = h;
  }, `#/patients/${p.id}`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Impossible de charger ces données.');
  await expect(alert).toContainText('Impossible de joindre le serveur ROMtrack.');
  await expect(alert).not.toContainText('Cannot reach');
  await keepScreenshot(page, testInfo, 'fr-unreachable');
});

test('a clinic set to French: the visit form refuses an angle and a future date in French', async ({ page, app }, testInfo) => {
  const { updatedAt: _at, ...clinic } = await app.backend.ok('clinic.get', {});
  await app.backend.ok('clinic.update', { ...clinic, language: 'fr' });
  const p = await app.backend.ok('patients.create', { familyName: 'Osei', givenNames: 'Kwame', dateOfBirth: '1958-06-14', sex: 'male' });
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'elbow', side: 'right', status: 'at_risk', since: '2026-01-05' });
  await app.open(page, `#/patients/${p.id}/visits/new`);
  const first = page.locator('input.degrees').first();
  await first.fill('400');
  // The range check and the shared schema speak through their ids: French on the form, whichever side caught it.
  await expect(page.locator('.grid-message')).toContainText('doit être un nombre entier de degrés');
  await expect(page.locator('.grid-message')).not.toContainText('must be');
  await first.fill('');
  await page.getByLabel('Date de la visite').fill('2999-01-01');
  await page.getByLabel('Date de la visite').press('Control+Enter');
  const future = page.locator('.header-messages');
  await expect(future).toContainText('Date de la visite');
  await expect(future).not.toContainText(/cannot|future/);
  await keepScreenshot(page, testInfo, 'fr-visit-refusals');
});
