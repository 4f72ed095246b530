import { todayLocal } from '../../shared/domain/dates';
import { createFormatter } from '../../shared/format';
import { atBothSizes, expect, test } from './fixtures';

// A clinic set to French (issue 20) records a visit by keyboard: the form, the message after saving, the
// timeline and the saved readings all read in French, clinical terms as French clinicians write them, dates with
// French month names in the clinic's format.

test.setTimeout(180_000);

test('a clinic in French: a visit typed by keyboard, then its saved values and the timeline, all in French', async ({ page, app }, testInfo) => {
  const { updatedAt: _at, ...clinic } = await app.backend.ok('clinic.get', {});
  await app.backend.ok('clinic.update', { ...clinic, language: 'fr' });
  const p = await app.backend.ok('patients.create', { familyName: 'Mensah', givenNames: 'Kofi', dateOfBirth: '1961-02-28', sex: 'male' });
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'elbow', side: 'right', status: 'confirmed', since: '2026-09-01' });
  const today = createFormatter({ dateFormat: clinic.dateFormat, language: 'fr' }).date(todayLocal());

  await app.open(page, `#/patients/${p.id}/visits/new`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enregistrer une visite : MENSAH, Kofi', { timeout: 20_000 });
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  const form = page.locator('form.visit-form');
  // The date box itself is forms/DateField's (helper L1): today is in it, as the clinic writes dates.
  await expect(form.getByLabel('Date de la visite')).not.toHaveValue('');
  await expect(form.getByLabel('Lieu')).toHaveValue('outpatient');
  await expect(form.getByLabel('Lieu').locator('option:checked')).toHaveText('Consultation externe');
  await expect(form.getByLabel('Instrument par défaut').locator('option:checked')).toHaveText('Goniomètre universel');
  await expect(form.getByRole('columnheader', { name: 'Mouvement' })).toBeVisible();
  await expect(form.getByRole('rowheader', { name: 'Flexion du coude' })).toBeVisible();
  await expect(form.getByRole('rowheader', { name: 'Pronation de l’avant-bras' })).toBeVisible();
  await expect(form.locator('.group-row th')).toHaveText('Coude et avant-bras droits (confirmée)');
  await expect(form.locator('.keys-hint').first()).toHaveText('Entrée : case suivante · Maj+Entrée : case précédente · Ctrl+Entrée : enregistrer la visite');

  // The grid, by keyboard: the first box has the focus; Enter moves to the next.
  await expect(form.getByLabel('Coude droit : flexion active')).toBeFocused();
  for (const value of ['120', '125', '-20']) {
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
  }
  await expect(form.getByLabel('Coude droit : extension passive')).toBeFocused();
  await expect(form.getByLabel('Coude droit : extension active')).toHaveValue('-20');
  // A value outside the motion's range: the box's marker gives the range in French.
  await page.keyboard.type('400');
  await expect(form.locator('.cell-flag')).toHaveText(/à \d+°$/);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await expect(form.locator('.cell-flag')).toHaveCount(0);
  // Symptoms after the grid: Space ticks a box.
  await form.getByLabel('Gonflement').focus();
  await page.keyboard.press('Space');
  await form.getByLabel('Douleur (0-10)').focus();
  await page.keyboard.type('3');
  await expect(form.getByRole('button', { name: 'Enregistrer la visite' })).toBeVisible();
  await atBothSizes(page, testInfo, 'fr-visit-form');
  const formText = await form.innerText();
  for (const english of ['Visit date', 'Therapist', 'Motion', 'last', 'Symptoms', 'Swelling', 'Save visit', 'Cancel', 'Measurement details']) {
    expect(formText, `"${english}" left in English`).not.toMatch(new RegExp(`\\b${english}\\b`));
  }
  await page.keyboard.press('Control+Enter');

  // Back on the patient's page: the message, the timeline and the saved readings.
  await expect(page.getByText(`Visite du ${today} enregistrée : 3 mesures.`)).toBeVisible();
  const timeline = page.locator('section[aria-labelledby="timeline-heading"]');
  await expect(timeline.getByRole('heading', { level: 2 })).toHaveText('Chronologie');
  const entry = timeline.locator('article.timeline-entry').first();
  await expect(entry.getByRole('heading', { level: 3 })).toHaveText(`${today} Visite`);
  await expect(entry).toContainText('Abena Owusu, consultation externe. 3 mesures. Symptômes : gonflement, douleur 3/10.');
  await entry.getByText(`Mesures du ${today}`).click();
  const table = entry.locator('.measurements-table');
  for (const column of ['Mesure', 'Valeur', 'Instrument', 'Fin de course', 'Douleur', 'Note']) {
    await expect(table.getByRole('columnheader', { name: column, exact: true })).toBeVisible();
  }
  const flexion = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Coude droit : flexion active' }) });
  await expect(flexion).toContainText('120°');
  await expect(flexion).toContainText('Goniomètre universel');
  await expect(table.getByRole('row').filter({ hasText: 'Coude droit : extension active' })).toContainText('-20°');
  await expect(flexion.getByRole('button', { name: 'Corriger : Coude droit : flexion active' })).toBeVisible();
  await expect(entry.getByRole('button', { name: `Annuler la visite du ${today}` })).toBeVisible();
  await expect(page.locator('section[aria-labelledby="sites-heading"]')).toContainText('Coude droit');
  await expect(page.locator('section[aria-labelledby="sites-heading"]')).toContainText('Confirmée');
  const text = await timeline.innerText();
  for (const english of ['Timeline', 'Visit', 'measurements', 'Right elbow', 'Universal goniometer', 'Symptoms', 'outpatient', 'Correct', 'History']) {
    expect(text, `"${english}" left in English`).not.toMatch(new RegExp(`\\b${english}\\b`));
  }
  await atBothSizes(page, testInfo, 'fr-timeline');
});
