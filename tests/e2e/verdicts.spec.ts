import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import { todayLocal } from '../../shared/domain/dates';
import { expect, keepScreenshot, test } from './fixtures';

// One verdict everywhere (issue #22, item 6): the dashboard, the patient page, the detail chart and the printed
// report all show the back end's 'analysis.patient', so for the same day they can never disagree.
//
// The sample patient NWOSU, Chinedu (spinal cord injury, right hip excised then recurring) has passive readings
// only: the hips are paralysed. His right hip extension (passive) falls from 7° to about -11° after the excision,
// measured by the same therapist with the goniometer: the rule calls it losing.

type App = Parameters<Parameters<typeof test>[2]>[0]['app'];

const SERIES = 'right.hip.extension.passive';
const LABEL = 'Right hip extension (passive)';
const WORDS = /Losing motion|Re-measure to confirm|Holding|Improving|Too few measurements/;

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

async function nwosu(app: App): Promise<string> {
  await app.backend.ok('sampleData.create', {});
  const { items } = await app.backend.ok('patients.list', { limit: 50 });
  const p = items.find((i) => i.familyName === 'Nwosu');
  if (!p) throw new Error('The sample data has no patient NWOSU.');
  return p.id;
}

async function expectAccessible(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.map((v) => `${where}: ${v.id} ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

function wordIn(text: string | null): string {
  const m = WORDS.exec(text ?? '');
  if (!m) throw new Error(`No verdict word in "${text}"`);
  return m[0];
}

/** Prints the report as print media, keeps the PDF and its pages 1-2 as PNG, and returns its text. */
async function printReport(page: Page, testInfo: TestInfo, name = 'report-nwosu'): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const file = testInfo.outputPath(`${name}.pdf`);
  writeFileSync(file, pdf);
  await testInfo.attach(`${name}.pdf`, { path: file, contentType: 'application/pdf' });
  run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '2', file, testInfo.outputPath(`${name}-page`)]);
  // Reading order (not -layout): a table row's cells come out in order, the motion's name before its verdict,
  // however the name wraps in its column.
  return run('pdftotext', ['-raw', file, '-']).replace(/\s+/g, ' ');
}

for (const [width, height] of [
  [1366, 768],
  [1024, 640],
] as const) {
  test(`the dashboard, the patient page and the report give the same verdict (${width}×${height})`, async ({ page, app }, testInfo) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height });
    const id = await nwosu(app);

    // The dashboard's card.
    await app.open(page, `#/patients/${id}/mobility`);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: LABEL, exact: true }) });
    await expect(card).toHaveCount(1);
    const onDashboard = wordIn(await card.locator('.series-card-verdict').textContent());
    await keepScreenshot(page, testInfo, `dashboard-${width}`);

    // The patient page leads with the verdicts, losses first, each linking to its chart.
    await app.open(page, `#/patients/${id}`);
    const verdicts = page.getByRole('list', { name: 'Verdict per watched series, losses first' });
    await expect(verdicts).toBeVisible();
    const line = verdicts.getByRole('listitem').filter({ hasText: LABEL });
    const onPatientPage = wordIn(await line.locator('.verdict').textContent());
    await expect(verdicts.getByRole('listitem').first().locator('.verdict')).toContainText('Losing motion');
    // Latest values: the change since baseline and since best, not only since the visit before.
    const row = page.getByRole('row', { name: /^Right hip extension/ });
    await expect(row).toContainText('since baseline');
    await expect(row).toContainText('since best');
    await keepScreenshot(page, testInfo, `patient-page-${width}`);
    if (width === 1366) await expectAccessible(page, 'patient page');

    // The detail chart: the verdict, and the threshold applied with why.
    await line.getByRole('link', { name: new RegExp(`^${LABEL.replace(/[()]/g, '\\$&')}`) }).click();
    await expect(page).toHaveURL(new RegExp(`mobility/${SERIES.replace(/\./g, '\\.')}$`));
    await expect(page.getByRole('heading', { name: LABEL, level: 1 })).toBeVisible();
    const onDetail = wordIn(await page.locator('.series-verdict .verdict').textContent());
    await expect(page.locator('#series-threshold')).toContainText(/Threshold 12°, same therapist and goniometer \(catalogue default\)/);
    await expect(page.locator('.detail-chart .recharts-scatter-symbol').first()).toBeVisible();
    await keepScreenshot(page, testInfo, `detail-chart-${width}`);
    if (width === 1366) await expectAccessible(page, 'detail chart');

    // The report, with its default period ending today: printed, read back from the PDF.
    await app.open(page, `#/patients/${id}/report`);
    await expect(page.getByRole('heading', { name: /^Progress report:/ })).toBeVisible();
    const charts = page.locator('.report-chart');
    await expect(charts.first().locator('.print-chart-markers').first()).toBeVisible();
    const text = await printReport(page, testInfo);
    // The measurements table's row: the series' name, its values, then its verdict (before the reason under it).
    const start = text.indexOf('Measurements');
    expect(start, 'the report has its measurements table').toBeGreaterThan(0);
    const summary = text.slice(start);
    const reportRow = new RegExp(`${LABEL.replace(/[()]/g, '\\$&')}[^▼■▲?○]*[▼■▲?○] (${WORDS.source})`).exec(summary);
    const inReport = wordIn(reportRow?.[1] ?? null);

    testInfo.annotations.push({ type: 'verdicts', description: `${LABEL}: dashboard ${onDashboard}, patient page ${onPatientPage}, detail ${onDetail}, report ${inReport}` });
    expect([onPatientPage, onDetail, inReport]).toEqual([onDashboard, onDashboard, onDashboard]);
    expect(onDashboard).toBe('Losing motion');
  });
}

test('a failed analysis shows its error on the patient page, never an endless "Loading"', async ({ page, app }) => {
  const id = await nwosu(app);
  // The analysis answers with an error; the file itself still loads.
  await page.route(/\/api\/analysis\.(patient|sparklines)$/, (route) =>
    route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'internal', message: 'The analysis failed (test).' } }) }),
  );
  await app.open(page, `#/patients/${id}`);
  await expect(page.getByRole('heading', { name: 'NWOSU, Chinedu' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Verdicts' }).getByRole('alert')).toContainText('The analysis failed (test).');
  await expect(page.getByRole('row', { name: /^Right hip extension/ })).toBeVisible();
  await app.open(page, `#/patients/${id}/mobility`);
  await expect(page.getByRole('alert')).toContainText('The analysis failed (test).');
  await app.open(page, `#/patients/${id}/report`);
  await expect(page.getByRole('alert')).toContainText('The analysis failed (test).');
  await expect(page.getByRole('button', { name: 'Print…' })).toBeDisabled();
});

const daysAgo = (n: number) => todayLocal(new Date(Date.now() - n * 86_400_000));

/**
 * A right elbow losing flexion 2° a week for six weeks, then a stretching plan from which it holds: the detail
 * chart and the report's plan section both give the analysis' sentence for the plan period.
 */
test('the response to a therapy plan reads the same under the chart and in the report', async ({ page, app }, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const p = await app.backend.ok('patients.create', { familyName: 'Darko', givenNames: 'Efua', clinicId: null, dateOfBirth: '1980-04-02', sex: 'female' });
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'elbow', side: 'right', status: 'suspected', since: daysAgo(90) });
  const flexion = [130, 128, 126, 124, 122, 120, 119, 120, 118, 119, 120, 119];
  for (let w = 0; w < flexion.length; w++) {
    await app.backend.ok('visits.record', { patientId: p.id, date: daysAgo(77 - 7 * w), measurements: [{ motion: 'elbow.flexion', side: 'right', mode: 'active', degrees: flexion[w]! }] });
  }
  await app.backend.ok('plans.create', {
    patientId: p.id,
    title: 'Hold the right elbow',
    startDate: daysAgo(35),
    sites: [{ joint: 'elbow', side: 'right' }],
    passiveRomAllowed: true,
    precautions: null,
    items: [{ intervention: 'active_rom', motions: ['elbow.flexion'], doseKind: 'sets_reps', sets: 3, repetitions: 10, frequencyCount: 2, frequencyPer: 'day' }],
    goals: [],
  });
  const analysis = await app.backend.ok('analysis.patient', { patientId: p.id });
  const responses = analysis.series.find((s) => s.key === 'right.elbow.flexion.active')!.planResponses;
  expect(responses).toHaveLength(1);
  const sentence = responses[0]!.sentence;

  await app.open(page, `#/patients/${p.id}/mobility/right.elbow.flexion.active`);
  const section = page.getByRole('region', { name: 'During the therapy plans' });
  await expect(section.getByRole('listitem')).toHaveText([sentence]);
  await keepScreenshot(page, testInfo, 'detail-chart-plan');

  await app.open(page, `#/patients/${p.id}/report`);
  await expect(page.locator('.report-chart .print-chart-markers').first()).toBeVisible();
  await expect(page.locator('.report-plan-responses li')).toHaveText([sentence]);
  const text = await printReport(page, testInfo, 'report-plan');
  expect(text).toContain(sentence);
});
