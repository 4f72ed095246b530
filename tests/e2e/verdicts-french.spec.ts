import type { Page } from '@playwright/test';
import { LANGUAGE_OVERRIDE_KEY } from '../../renderer/src/i18n/language-override';
import { todayLocal } from '../../shared/domain/dates';
import type { TestBackend } from '../support/backend';
import { atBothSizes, expect, keepScreenshot, test } from './fixtures';
import { textNotTranslated } from './pseudo-text';

// Verdict reasons in the person's language (issue 20): the analysis sends each reason as a message, and the
// dashboard, the detail chart and the patient page write it in the screen's language, with the clinic's dates.
// In the pseudo-locale, the verdict areas (reasons, threshold and basis lines, the arcs table) hold no text that
// did not come from a translation, apart from the records' own words (the therapist's name).

const daysAgo = (n: number) => todayLocal(new Date(Date.now() - n * 86_400_000));

/** A right elbow losing flexion, measured weekly by the same therapist with the goniometer. */
async function losingElbow(backend: TestBackend): Promise<{ id: string; data: string[] }> {
  const p = await backend.ok('patients.create', { familyName: 'Diallo', givenNames: 'Aminata', clinicId: 'RT-0420', dateOfBirth: '1970-05-14', sex: 'female' });
  await backend.ok('sites.add', { patientId: p.id, joint: 'elbow', side: 'right', status: 'confirmed', since: daysAgo(60) });
  const flexion = [130, 126, 122, 118, 114, 110];
  for (let w = 0; w < 6; w++) {
    await backend.ok('visits.record', {
      patientId: p.id,
      date: daysAgo(35 - 7 * w),
      measurements: [
        { motion: 'elbow.flexion', side: 'right', mode: 'active', degrees: flexion[w]!, instrument: 'goniometer' },
        { motion: 'elbow.extension', side: 'right', mode: 'active', degrees: -10, instrument: 'goniometer' },
      ],
    });
  }
  const me = (await backend.ok('session.get', {})).currentTherapist;
  return { id: p.id, data: ['DIALLO', 'Aminata', 'RT-0420', ...(me ? [me.name] : [])] };
}

async function inLanguage(page: Page, language: string): Promise<void> {
  await page.addInitScript(({ key, language }) => window.localStorage.setItem(key, language), { key: LANGUAGE_OVERRIDE_KEY, language });
}

test('in French the dashboard, the detail chart and the patient page write the verdict reason in French', async ({ page, app }, testInfo) => {
  const patient = await losingElbow(app.backend);
  await inLanguage(page, 'fr');
  await app.open(page, `#/patients/${patient.id}/mobility`);
  const card = page.locator('.series-card').filter({ has: page.locator('.verdict-losing') }).first();
  const reason = card.locator('.series-card-reason');
  // The card's title names the series, so the reason starts after it, with a capital.
  await expect(reason).toContainText(/^130° → 110° en 5 semaines, mesuré par le même thérapeute avec le goniomètre : une perte de 20°, au-delà du seuil \(8°/);
  await expect(reason).toContainText('la tendance est à la baisse');
  for (const english of ['over', 'measured', 'threshold', 'loss', 'the trend']) await expect(reason).not.toContainText(english);
  await atBothSizes(page, testInfo, 'fr-verdicts-dashboard');

  await card.locator('.series-card-link').click();
  await expect(page.locator('#series-reason')).toContainText('une perte de 20°, au-delà du seuil (8°, même thérapeute et même goniomètre, valeur par défaut du catalogue)');
  await expect(page.locator('#series-threshold')).toContainText('Seuil 8°, même thérapeute et même goniomètre (valeur par défaut du catalogue).');
  await expect(page.locator('#series-threshold')).toContainText('Jugé sur les mesures de');
  await expect(page.locator('#series-threshold')).toContainText('avec le goniomètre');
  await atBothSizes(page, testInfo, 'fr-verdicts-detail');

  await app.open(page, `#/patients/${patient.id}`);
  await expect(page.locator('.verdict-line-losing .verdict-line-reason')).toContainText(/^130° → 110° en 5 semaines, mesuré par le même thérapeute avec le goniomètre/);
});

test('in the pseudo-locale the verdict areas of the dashboard and the detail chart hold only translated text', async ({ page, app }, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  const patient = await losingElbow(app.backend);
  await inLanguage(page, 'pseudo');
  await app.open(page, `#/patients/${patient.id}/mobility`);
  await expect(page.locator('.series-card-reason').first()).toHaveText(/⟦/);
  for (const selector of ['.series-card-reason', '.arcs-table']) {
    await expect(page.locator(selector).first()).toBeVisible();
    for (const [i, el] of (await page.locator(selector).all()).entries()) {
      const id = `verdicts-pseudo-${selector.slice(1)}-${i}`;
      await el.evaluate((node, id) => node.setAttribute('data-check', id), id);
      expect(await textNotTranslated(page, `[data-check="${id}"]`, patient.data), `${selector} #${i}`).toEqual([]);
    }
  }
  await keepScreenshot(page, testInfo, 'pseudo-verdicts-dashboard');

  await page.locator('.series-card').filter({ has: page.locator('.verdict-losing') }).first().locator('.series-card-link').click();
  await expect(page.locator('#series-reason')).toHaveText(/⟦/);
  expect(await textNotTranslated(page, '.series-verdict-block', patient.data)).toEqual([]);
  await keepScreenshot(page, testInfo, 'pseudo-verdicts-detail');
});

test('in French the worklist’s losing reason shows the verdict’s own sentence as its tooltip, asked for when pointed at', async ({ page, app }, testInfo) => {
  await losingElbow(app.backend);
  await inLanguage(page, 'fr');
  await app.open(page, '#/worklist');
  const reason = page.locator('tr.worklist-row').filter({ hasText: 'DIALLO' }).locator('li.worklist-reason-losing');
  await expect(reason).toContainText('Coude droit');
  // The page does not carry the sentence: it comes once the pointer rests on the reason.
  expect(await reason.getAttribute('title')).toBeNull();
  await reason.hover();
  await expect(reason).toHaveAttribute('title', /130° → 110° en 5 semaines, mesuré par le même thérapeute avec le goniomètre : une perte de 20°, au-delà du seuil \(8°/);
  for (const english of ['over', 'measured', 'threshold', 'loss']) expect(await reason.getAttribute('title')).not.toContain(english);
  await atBothSizes(page, testInfo, 'fr-worklist');
});
