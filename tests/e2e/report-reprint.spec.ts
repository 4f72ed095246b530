import type { Page } from '@playwright/test';
import { formatDate, todayLocal } from '../../shared/domain/dates';
import { expect, keepScreenshot, test } from './fixtures';
import { printPdf } from './print-pdf';

// Issue 17: a printed report keeps its assessment, recommendations and options with its entry in the print log,
// and choosing the entry under "Printed before" prints the same report again, whatever has been typed since and
// whoever is working now. The period's boxes read and write the clinic's date format.

type App = Parameters<Parameters<typeof test>[2]>[0]['app'];

const daysAgo = (n: number) => todayLocal(new Date(Date.now() - n * 86_400_000));
const dmy = (iso: string) => formatDate(iso, 'DD/MM/YYYY');

/** A right elbow losing flexion (watched), and a left shoulder measured too (not watched). */
async function elbowPatient(app: App) {
  const p = await app.backend.ok('patients.create', { familyName: 'Owusu', givenNames: 'Efua', clinicId: 'RT-2025-101', dateOfBirth: '1979-08-21', sex: 'female' });
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'elbow', side: 'right', status: 'suspected', since: daysAgo(260) });
  for (let i = 0; i < 8; i++) {
    await app.backend.ok('visits.record', {
      patientId: p.id,
      date: daysAgo(240 - i * 30),
      measurements: [
        { motion: 'elbow.flexion', side: 'right', mode: 'active', degrees: 130 - i * 4 },
        { motion: 'elbow.extension', side: 'right', mode: 'active', degrees: -20 - i },
        { motion: 'shoulder.flexion', side: 'left', mode: 'active', degrees: 150 + (i % 2) },
      ],
    });
  }
  return p;
}


/** The line in every page's margin that says when this copy was made: the one thing a reprint changes. */
const withoutGenerated = (text: string) => text.replace(/Generated .*? by ROMtrack \S+/g, 'Generated (time) by ROMtrack');

async function reportReady(page: Page) {
  await expect(page.getByRole('heading', { name: /^Progress report:/ })).toBeVisible();
  const charts = page.locator('.report-chart');
  await expect(charts.first()).toBeVisible();
  for (let i = 0; i < (await charts.count()); i++) await expect(charts.nth(i).locator('.print-chart-markers').first()).toBeVisible();
}

const ASSESSMENT = 'Right elbow flexion has fallen from 130° to 102° over eight months.\n\nHard end-feel at the last two visits.';
const RECOMMENDATIONS = 'X-ray of the right elbow; review in clinic in 4 weeks.';

test('a printed report keeps its text and options: printed again from “Printed before”, the paper is the same', async ({ page, app }, testInfo) => {
  test.setTimeout(120_000);
  const clinic = await app.backend.ok('clinic.get', {});
  await app.backend.ok('clinic.update', { version: clinic.version, name: clinic.name, address: clinic.address, phone: clinic.phone, logo: null, paperSize: 'A4', dateFormat: 'DD/MM/YYYY' });
  const p = await elbowPatient(app);
  await app.open(page, `#/patients/${p.id}/report`);
  await reportReady(page);
  // Worked out once, so a test running over midnight compares like with like.
  const [start, otherStart] = [daysAgo(200), daysAgo(180)];

  // The period's boxes speak the clinic's DD/MM/YYYY; the address keeps ISO dates.
  const from = page.getByLabel('From', { exact: true });
  await expect(page.getByLabel('To', { exact: true })).toHaveValue(dmy(daysAgo(0)));
  await expect(from).toHaveValue(dmy(daysAgo(260)));
  await expect(page.getByText('DD/MM/YYYY').first()).toBeVisible();
  await from.fill('31/02/2025');
  await expect(page.getByText('The start of the period: write the date as DD/MM/YYYY')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print…' })).toBeDisabled();
  await from.fill(dmy(start));
  await expect(page).toHaveURL(new RegExp(`from=${start}&`));
  await expect(page.getByRole('button', { name: 'Print…' })).toBeEnabled();
  // ISO is always read too.
  await from.fill(otherStart);
  await expect(page).toHaveURL(new RegExp(`from=${otherStart}&`));
  await from.fill(dmy(start));
  await expect(page).toHaveURL(new RegExp(`from=${start}&`));

  // Watched sites only by default; this printing asks for all joints, and it is the choice the log keeps.
  await expect(page.getByRole('radio', { name: 'Watched sites only' })).toBeChecked();
  await expect(page.locator('.report-chart figcaption strong')).toHaveText(['Elbow flexion', 'Elbow extension']);
  await page.getByRole('radio', { name: 'All joints measured' }).check();
  await expect(page.locator('.report-chart figcaption strong')).toHaveText(['Shoulder flexion', 'Elbow flexion', 'Elbow extension']);
  await reportReady(page);
  await page.getByLabel('Assessment').fill(ASSESSMENT);
  await page.getByLabel('Recommendations').fill(RECOMMENDATIONS);
  const first = await printPdf(page, testInfo, 'report-first-printing');
  expect(first.text).toContain('Hard end-feel at the last two visits.');
  expect(first.text).toContain('Abena Owusu');
  const printedBefore = page.getByRole('region', { name: 'Printed before' });
  await expect(printedBefore.getByRole('listitem')).toHaveCount(1);
  await expect(printedBefore).toContainText(`${dmy(start)} to ${dmy(daysAgo(0))}, A4, all charts, all joints`);

  // Someone else is working now, and types another text for a new report.
  const kofi = await app.backend.ok('therapists.create', { credential: '735194', name: 'Kofi Boateng', title: 'Physiotherapist', registrationNumber: 'PT-2002' });
  await app.signIn(page, kofi.id);
  await page.reload();
  await reportReady(page);
  await page.getByLabel('Assessment').fill('A different text, typed afterwards.');
  await expect(page.locator('.report-document')).toContainText('Kofi Boateng');

  // The entry says what it said, and prints again from it.
  await printedBefore.getByText('What it said').click();
  await expect(printedBefore).toContainText('Hard end-feel at the last two visits.');
  await keepScreenshot(page, testInfo, 'report-printed-before');
  await printedBefore.getByRole('link', { name: 'Print again…' }).click();
  await expect(page.getByText(/^Printing again the report of/)).toBeVisible();
  await expect(page).toHaveURL(/report\?reprint=[0-9a-f-]{36}$/);
  await reportReady(page);
  const doc = page.locator('.report-document');
  await expect(doc).toContainText('Hard end-feel at the last two visits.');
  await expect(doc).not.toContainText('A different text');
  await expect(doc).not.toContainText('Kofi Boateng');
  await expect(page.getByLabel('Assessment')).toHaveCount(0); // nothing to change in a reprint
  await keepScreenshot(page, testInfo, 'report-reprint-screen');

  const again = await printPdf(page, testInfo, 'report-printed-again');
  expect(again.pages).toBe(first.pages);
  expect(withoutGenerated(again.text)).toBe(withoutGenerated(first.text));

  // Logged as a copy of the first printing, by whoever printed it again.
  const log = await app.backend.ok('reports.list', { patientId: p.id });
  expect(log).toHaveLength(2);
  expect(log[0]).toMatchObject({ reprintOf: log[1]!.id, kept: log[1]!.kept, recordedByName: 'Kofi Boateng' });
  expect(log[1]!.kept).toEqual({ sites: 'all', assessment: ASSESSMENT, recommendations: RECOMMENDATIONS, analysisDate: daysAgo(0) });
  await expect(printedBefore.getByRole('listitem')).toHaveCount(2);
  await expect(printedBefore.getByRole('listitem').first()).toContainText('printed again from the report of');

  // The address names the entry: a reload opens the same reprint. "New report instead" starts afresh.
  await page.reload();
  await expect(page.getByText(/^Printing again the report of/)).toBeVisible();
  await page.getByRole('link', { name: 'New report instead' }).click();
  await expect(page.getByLabel('Assessment')).toHaveValue('');
  await expect(page.getByRole('radio', { name: 'Watched sites only' })).toBeChecked();
});

test('an entry from an address that is not in the log says so instead of printing something else', async ({ page, app }) => {
  const p = await elbowPatient(app);
  await app.open(page, `#/patients/${p.id}/report?reprint=6f1c2a9e-0000-4000-8000-000000000001`);
  await expect(page.getByText('That printed report is not in this patient’s log, so it cannot be printed again as it was.')).toBeVisible();
  await expect(page.locator('.report-document')).toHaveCount(0);
});
