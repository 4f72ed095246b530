import type { Page } from '@playwright/test';
import { LANGUAGE_OVERRIDE_KEY } from '../../renderer/src/i18n/language-override';
import { expect, keepScreenshot, test } from './fixtures';
import { fitsWidth, textNotTranslated } from './pseudo-text';

// The pseudo-locale pass over the recording screens (issue 20): the visit form, a patient's timeline with a
// corrected and a voided record, the event form and the HO profile panels, in accented, 40 % longer, bracketed
// English. Any ASCII letter left on them, apart from the records' own words, was written inline instead of
// coming through a translation; at 1024×640 the longer text must still fit without a sideways scroll.

test.use({ viewport: { width: 1024, height: 640 } });
// Three screens, each built with its records first, on a shared and busy machine.
test.setTimeout(180_000);

type App = Parameters<Parameters<typeof test>[2]>[0]['app'];

// Nothing on these screens is shown untranslated: a date box's placeholder and hint write the clinic's format in
// the screen's letters too (forms/DateField useDatePattern, useDateHint). Kept as a list for what may come.
const NOT_OURS: readonly string[] = [];

/** A patient with a watched elbow and hip, a visit (one reading corrected, one voided) and two events (one corrected). */
async function patientWithRecords(app: App) {
  const p = await app.backend.ok('patients.create', { familyName: 'Mensah', givenNames: 'Kofi', dateOfBirth: '1961-02-28', sex: 'male' });
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'elbow', side: 'right', status: 'confirmed', since: '2026-09-01' });
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'hip', side: 'right', status: 'at_risk', since: '2026-09-01' });
  await app.backend.ok('riskFactors.add', { patientId: p.id, kind: 'brain_injury_or_stroke', onsetDate: '2026-08-20', note: 'Fall at work' });
  await app.backend.ok('riskFactors.add', { patientId: p.id, kind: 'immobility', onsetDate: null, note: '' });
  const visit = await app.backend.ok('visits.record', {
    patientId: p.id,
    date: '2026-10-01',
    notes: 'Seen after the fall',
    symptoms: { decreasedRange: true, swelling: true, redness: false, warmth: false, fever: false, pain: 4 },
    defaults: { instrument: 'inclinometer', endFeel: 'firm' },
    measurements: [
      { motion: 'elbow.flexion', side: 'right', mode: 'active', degrees: 112 },
      { motion: 'elbow.extension', side: 'right', mode: 'active', degrees: -25 },
      { motion: 'hip.flexion', side: 'right', mode: 'active', degrees: 90 },
    ],
  });
  const [flexion, , hip] = visit.measurements;
  await app.backend.ok('measurements.correct', { id: flexion!.id, reason: 'Misread the dial', degrees: 115, instrument: 'inclinometer', endFeel: 'hard', pain: 3, note: '' });
  await app.backend.ok('measurements.void', { id: hip!.id, reason: 'Measured the wrong side' });
  const xray = await app.backend.ok('events.record', { patientId: p.id, kind: 'xray', date: '2026-10-05', joint: 'hip', side: 'right', classification: 'brooker:I' });
  await app.backend.ok('events.correct', { id: xray.id, reason: 'Grade revised', kind: 'xray', date: '2026-10-05', joint: 'hip', side: 'right', classification: 'brooker:II' });
  await app.backend.ok('events.record', { patientId: p.id, kind: 'nsaid_course', date: '2026-10-02', title: 'Indometacin 75 mg' });
  const data = ['U/L', 'MENSAH, Kofi', 'MENSAH', 'Kofi', 'Abena Owusu', 'Fall at work', 'Seen after the fall', 'Misread the dial', 'Measured the wrong side', 'Grade revised', 'Indometacin 75 mg'];
  return { p, data };
}

async function inPseudo(page: Page): Promise<void> {
  await page.addInitScript((key) => window.localStorage.setItem(key, 'pseudo'), LANGUAGE_OVERRIDE_KEY);
}

async function expectFits(page: Page): Promise<void> {
  expect(await fitsWidth(page)).toEqual({ scrollWidth: 1024, width: 1024 });
}

/**
 * On the patient's page, shared with other screens' parts: each of these regions stays inside the window and
 * needs no sideways scroll of its own (a ScrollBox inside it may scroll its table, as it is made to).
 */
async function expectRegionFits(page: Page, selector: string): Promise<void> {
  const box = await page.locator(selector).evaluate((el) => ({ right: Math.round(el.getBoundingClientRect().right), scroll: el.scrollWidth <= el.clientWidth + 1 }));
  expect({ selector, scroll: box.scroll }).toEqual({ selector, scroll: true });
  expect(box.right, selector).toBeLessThanOrEqual(1024);
}

test('the visit form in the pseudo-locale, empty and with values: every word from a translation, and it fits', async ({ page, app }, testInfo) => {
  const { p, data } = await patientWithRecords(app);
  await inPseudo(page);
  await app.open(page, `#/patients/${p.id}/visits/new`);
  const screen = 'section.visit-page';
  await expect(page.locator('#visit-heading')).toHaveText(/^⟦.*MENSAH, Kofi~*⟧$/, { timeout: 20_000 });
  // The last visit was measured with an inclinometer, today's default is the goniometer: the hint says so.
  await expect(page.locator('.comparability-hint p')).toHaveText(/^⟦/);
  await expect(page.locator('#cell-0-last')).toContainText('115°');
  expect(await textNotTranslated(page, screen, [...data, ...NOT_OURS])).toEqual([]);
  await expectFits(page);
  await keepScreenshot(page, testInfo, 'pseudo-visit-empty');

  // A value far from the last one asks to be confirmed; details without an angle are refused; the date of the
  // recorded visit asks whether to add to it.
  await page.locator('#cell-0').fill('40');
  await page.locator('#cell-0').press('Enter');
  await expect(page.locator('.grid-message .cell-ask:visible')).toHaveText(/⟦/);
  await expect(page.locator('.grid-message button')).toHaveText(/^⟦/);
  const row = page.locator('.measurement-details details').nth(1);
  await row.locator('summary').click();
  await row.locator('fieldset').first().locator('input').nth(1).fill('stiff');
  await page.getByRole('checkbox').first().check();
  const date = page.locator('.visit-header input').first();
  await date.fill('2026-10-01');
  await expect(page.locator('#same-day-question')).toHaveText(/⟦.*⟧/);
  await expect(page.locator('.same-day-caveat').first()).toHaveText(/^⟦/);
  await page.locator('form.visit-form .sticky-actions button[type="submit"]').click();
  await expect(page.locator('form.visit-form .form-message')).toHaveText(/⟦/);
  // The note typed for a box left empty: that box asks for its angle.
  await expect(page.locator('#cell-2')).toHaveAttribute('aria-invalid', 'true');
  expect(await textNotTranslated(page, screen, [...data, ...NOT_OURS])).toEqual([]);
  await expectFits(page);
  await keepScreenshot(page, testInfo, 'pseudo-visit-values');

  // Added to the recorded visit (the box it already has cleared first): its readings in grey, its symptoms kept.
  await page.locator('#cell-0').fill('');
  await page.locator(`#same-day-add`).click();
  await expect(page.locator('.same-day.adding')).toHaveText(/^⟦/);
  await expect(page.locator('.grid-cell-recorded').first()).toContainText('115°');
  expect(await textNotTranslated(page, screen, [...data, ...NOT_OURS])).toEqual([]);
  await expectFits(page);
  await keepScreenshot(page, testInfo, 'pseudo-visit-adding');
});

test('the timeline with a corrected and a voided record, and the HO profile panels, in the pseudo-locale', async ({ page, app }, testInfo) => {
  const { p, data } = await patientWithRecords(app);
  await inPseudo(page);
  await app.open(page, `#/patients/${p.id}`);
  const timeline = 'section[aria-labelledby="timeline-heading"]';
  await expect(page.locator('#timeline-heading')).toHaveText(/^⟦/, { timeout: 20_000 });
  await page.locator('details.visit-details > summary').click();
  const corrected = page.locator('.measurements-table tbody tr').filter({ hasText: '115°' });
  await expect(corrected.locator('.tag')).toHaveText(/^⟦/);
  await corrected.locator('button').nth(2).click();
  await expect(page.locator('.measurements-table .history-table tbody tr')).toHaveCount(2);
  // The corrected X-ray: its history, both versions described with their grade.
  const xray = page.locator('article.timeline-entry').filter({ has: page.locator('h3 .tag') }).filter({ has: page.locator('.row-actions') });
  await xray.locator('.row-actions button').nth(2).click();
  await expect(xray.locator('.history-table tbody tr')).toHaveCount(2);
  await expect(xray.locator('.history-table')).toContainText('Ɓŕóóķéŕ ÍÍ');
  expect(await textNotTranslated(page, timeline, data)).toEqual([]);
  await expectRegionFits(page, timeline);
  await keepScreenshot(page, testInfo, 'pseudo-timeline');

  await page.locator('details.voided-entries > summary').click();
  const voidedRow = page.locator('.voided-entries tbody tr').first();
  await expect(voidedRow).toContainText('Measured the wrong side');
  await voidedRow.getByRole('button').click();
  await expect(page.locator('.voided-entries .history-table')).toBeVisible();
  expect(await textNotTranslated(page, '.voided-entries', data)).toEqual([]);
  await expectRegionFits(page, '.voided-entries');
  await keepScreenshot(page, testInfo, 'pseudo-voided');

  for (const panel of ['section[aria-labelledby="sites-heading"]', 'section[aria-labelledby="risk-heading"]']) {
    await expect(page.locator(`${panel} h3`)).toHaveText(/^⟦/);
    expect(await textNotTranslated(page, panel, data)).toEqual([]);
  }
  await expect(page.locator('section[aria-labelledby="sites-heading"] tbody')).toContainText('Ɓŕóóķéŕ ÍÍ');
  // The forms the panels open: a new watched site, a new status, a new risk factor (their Save and Cancel
  // buttons are forms/FormActions', helper L1's).
  const sites = page.locator('section[aria-labelledby="sites-heading"]');
  await sites.locator('.toolbar button').click();
  await expect(sites.locator('form')).toBeVisible();
  expect(await textNotTranslated(page, 'section[aria-labelledby="sites-heading"] form', [...data, ...NOT_OURS, 'Cancel'])).toEqual([]);
  await sites.locator('.toolbar button').click();
  await sites.locator('tbody tr').first().locator('.row-actions button').first().click();
  expect(await textNotTranslated(page, 'section[aria-labelledby="sites-heading"] form', [...data, ...NOT_OURS, 'Cancel'])).toEqual([]);
  const risks = page.locator('section[aria-labelledby="risk-heading"]');
  await risks.locator('.toolbar button').click();
  await expect(risks.locator('form')).toBeVisible();
  expect(await textNotTranslated(page, 'section[aria-labelledby="risk-heading"] form', [...data, ...NOT_OURS, 'Cancel'])).toEqual([]);
  await expectRegionFits(page, 'section[aria-labelledby="sites-heading"]');
  await expectRegionFits(page, 'section[aria-labelledby="risk-heading"]');
  await keepScreenshot(page, testInfo, 'pseudo-profile');
});

test('the event form in the pseudo-locale: each kind’s boxes, the excision question and the site status offer', async ({ page, app }, testInfo) => {
  const { p, data } = await patientWithRecords(app);
  await inPseudo(page);
  await app.open(page, `#/patients/${p.id}/events/new`);
  const form = 'form.event-form';
  await expect(page.locator('#event-heading')).toHaveText(/^⟦.*MENSAH, Kofi~*⟧$/, { timeout: 20_000 });
  expect(await textNotTranslated(page, 'section[aria-labelledby="event-heading"]', [...data, ...NOT_OURS])).toEqual([]);
  const kind = page.locator(`${form} select`).first();
  // An X-ray of the watched hip: the Brooker grades, and a new status offered for the site.
  await kind.selectOption('xray');
  await page.locator(`${form} select`).nth(1).selectOption('hip');
  await page.locator(`${form} select`).nth(2).selectOption('right');
  await page.locator(`${form} select`).nth(3).selectOption('brooker:III');
  await expect(page.locator(`${form} select`).nth(3).locator('option:checked')).toHaveText(/^⟦Ɓŕóóķéŕ ÍÍÍ/);
  await expect(page.locator(`${form} select`).nth(4)).toBeVisible();
  expect(await textNotTranslated(page, form, [...data, ...NOT_OURS])).toEqual([]);
  await expectFits(page);
  await keepScreenshot(page, testInfo, 'pseudo-event-xray');
  // A surgery on the watched elbow asks whether bone was excised; saving without an answer says so.
  await kind.selectOption('surgery');
  await page.locator(`${form} select`).nth(1).selectOption('elbow');
  await page.locator(`${form} select`).nth(2).selectOption('right');
  await page.locator(`${form} input[name="title"]`).fill('Arthrolysis');
  await expect(page.locator('.excision-question legend')).toHaveText(/^⟦/);
  await page.locator(`${form} button[type="submit"]`).click();
  await expect(page.locator('.excision-question .field-error')).toHaveText(/⟦/);
  expect(await textNotTranslated(page, form, [...data, ...NOT_OURS, 'Arthrolysis'])).toEqual([]);
  // A lab result, with the alkaline phosphatase preset.
  await kind.selectOption('lab_result');
  await page.locator(`${form} button[type="button"]`).first().click();
  expect(await textNotTranslated(page, form, [...data, ...NOT_OURS])).toEqual([]);
  await expectFits(page);
  await keepScreenshot(page, testInfo, 'pseudo-event-lab');
});
