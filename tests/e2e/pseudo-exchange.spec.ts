import { LANGUAGE_OVERRIDE_KEY } from '../../renderer/src/i18n/language-override';
import { en } from '../../shared/i18n/messages/en';
import { pseudoLocalize } from '../../shared/i18n/pseudo';
import { makePatient, twelveMeasurements } from '../support/clinical-fixtures';
import type { Page } from '@playwright/test';
import { expect, keepScreenshot, test } from './fixtures';
import { fitsWidth, textNotTranslated } from './pseudo-text';

// The exchange screens in the pseudo-locale (issue 20): Settings' exchange panel, the import report with its
// decision screen, and the patient page's export and other clinics' records. Any ASCII letter left, apart from the
// records' own data (names, dates, file names), was written inline instead of coming from a translation; at
// 1024×640 the 40 % longer text must still fit without a sideways scroll.

test.use({ viewport: { width: 1024, height: 640 } });

const P = (key: keyof typeof en) => pseudoLocalize(en[key]);

/** The elements inside `selector` that reach past the window's right edge: each would need a sideways scroll. */
async function overflowing(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll(`${selector}, ${selector} *`)) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > window.innerWidth + 1) out.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.right)}px: ${(el.textContent ?? '').slice(0, 60)}`);
    }
    return out;
  }, selector);
}

// The date boxes' format hint and placeholder are translated too (forms/DateField): nothing is left out.
const DATE_HINTS: string[] = [];

test.beforeEach(async ({ page }) => {
  await page.addInitScript((key) => window.localStorage.setItem(key, 'pseudo'), LANGUAGE_OVERRIDE_KEY);
});

test('Settings’ exchange panel, and the import report with its decision screen', async ({ page, app }, testInfo) => {
  test.setTimeout(120_000);
  const patient = await makePatient(app.backend);
  await app.backend.ok('visits.record', { patientId: patient.id, date: '2026-03-02', measurements: twelveMeasurements() });
  const file = await app.backend.ok('exchange.exportFhir', { patientId: patient.id });
  const bundle = JSON.parse(file.content) as { entry: { resource: { resourceType: string; birthDate?: string } }[] };
  bundle.entry.find((e) => e.resource.resourceType === 'Patient')!.resource.birthDate = '1971-02-03';

  await app.open(page, '#/settings');
  const panel = page.locator('section[aria-labelledby="exchange-heading"]');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(P('exchange.panel.heading'));
  await expect(panel.getByRole('heading', { name: P('exchange.sync.heading') })).toBeVisible();
  expect(await textNotTranslated(page, 'section[aria-labelledby="exchange-heading"]', DATE_HINTS)).toEqual([]);
  // Settings is shared with other panels; this pass holds the exchange panel to the window's width.
  expect(await overflowing(page, 'section[aria-labelledby="exchange-heading"]')).toEqual([]);
  await panel.scrollIntoViewIfNeeded();
  await keepScreenshot(page, testInfo, 'pseudo-exchange-settings');

  await panel.getByLabel(P('exchange.import.file'), { exact: true }).setInputFiles({ name: 'ward-b.json', mimeType: 'application/fhir+json', buffer: Buffer.from(JSON.stringify(bundle)) });
  await panel.getByRole('button', { name: P('exchange.import.submit'), exact: true }).click();
  const report = panel.locator('.import-report');
  await expect(report.getByRole('form')).toBeVisible();
  await expect(report.getByRole('group')).toHaveAccessibleName(P('exchange.report.field.dateOfBirth'));
  expect(await textNotTranslated(page, '.import-report', ['ward-b.json', patient.dateOfBirth, '1971-02-03'])).toEqual([]);
  expect(await overflowing(page, '.import-report')).toEqual([]);
  await report.scrollIntoViewIfNeeded();
  await keepScreenshot(page, testInfo, 'pseudo-exchange-decision');
});

test('the patient page’s export and other clinics’ records', async ({ page, app }, testInfo) => {
  test.setTimeout(120_000);
  const patient = await makePatient(app.backend);
  await app.backend.ok('visits.record', { patientId: patient.id, date: '2026-03-02', measurements: twelveMeasurements() });
  await app.open(page, `#/patients/${patient.id}`);
  const exportPanel = page.locator('.patient-export');
  await exportPanel.getByRole('button', { name: P('exchange.patientExport.fhir') }).click();
  const fileName = `romtrack-patient-${patient.id}.fhir.json`;
  await expect(exportPanel.getByRole('status')).toContainText(fileName);
  expect(await textNotTranslated(page, '.patient-export', [fileName])).toEqual([]);
  await expect(page.locator('.foreign-panel').getByRole('heading')).toHaveText(P('exchange.foreign.heading'));
  expect(await textNotTranslated(page, '.foreign-panel', [])).toEqual([]);
  expect(await fitsWidth(page)).toEqual({ scrollWidth: 1024, width: 1024 });
  await page.locator('.foreign-panel').scrollIntoViewIfNeeded();
  await keepScreenshot(page, testInfo, 'pseudo-exchange-patient');
});
