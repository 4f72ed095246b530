import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { OperationInput } from '../../shared/api/contract';
import { formatDate, todayLocal } from '../../shared/domain/dates';
import { expect, keepScreenshot, test } from './fixtures';
import { poppler, printPdf } from './print-pdf';

type App = Parameters<Parameters<typeof test>[2]>[0]['app'];
type Entry = OperationInput<'visits.record'>['measurements'][number];

const daysAgo = (n: number) => todayLocal(new Date(Date.now() - n * 86_400_000));
const HISTORY_DAYS = 760;

/**
 * Two years of an elbow after a brain injury, with a knee at risk: 30 visits four weeks apart. The right elbow
 * gains flexion for nine months and then loses it (losing); its extension improves; forearm pronation holds;
 * supination was measured only twice (too few); the left knee gains flexion (improving) and holds extension.
 * Swelling and warmth for three visits in the second year; an X-ray, an NSAID course, an ALP result; a plan.
 */
async function twoYearPatient(app: App) {
  const p = await app.backend.ok('patients.create', { familyName: 'Asante', givenNames: 'Yaw Kwabena', clinicId: 'RT-2024-017', dateOfBirth: '1975-05-12', sex: 'male' });
  await app.backend.ok('riskFactors.add', { patientId: p.id, kind: 'brain_injury_or_stroke', onsetDate: daysAgo(HISTORY_DAYS + 20), note: 'Traumatic brain injury, road accident.' });
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'elbow', side: 'right', status: 'confirmed', since: daysAgo(HISTORY_DAYS) });
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'knee', side: 'left', status: 'at_risk', since: daysAgo(HISTORY_DAYS) });
  await app.backend.ok('events.record', { patientId: p.id, kind: 'injury', date: daysAgo(HISTORY_DAYS + 20), title: 'Traumatic brain injury (GCS 7)' });
  const wobble = [0, 2, -1, 1, -2, 0, 1, -1];
  for (let i = 0; i < 30; i++) {
    const ago = HISTORY_DAYS - i * 26;
    const w = wobble[i % wobble.length]!;
    const flexion = i < 10 ? 110 + i * 3 : 140 - (i - 10) * 2; // up to 137, then down to about 100
    const m: Entry[] = [
      { motion: 'elbow.flexion', side: 'right', mode: 'active', degrees: flexion + w },
      { motion: 'elbow.extension', side: 'right', mode: 'active', degrees: Math.min(0, -35 + i + w) },
      { motion: 'forearm.pronation', side: 'right', mode: 'active', degrees: 70 + w },
      { motion: 'knee.flexion', side: 'left', mode: 'active', degrees: 90 + i + w },
      { motion: 'knee.extension', side: 'left', mode: 'active', degrees: -5 + (w > 0 ? 1 : 0) },
    ];
    if (i % 3 === 0) m.push({ motion: 'elbow.flexion', side: 'right', mode: 'passive', degrees: flexion + 5 + w, endFeel: i > 20 ? 'hard' : 'firm' });
    if (i === 28 || i === 29) m.push({ motion: 'forearm.supination', side: 'right', mode: 'active', degrees: 45 + i - 28 });
    const swollen = i >= 18 && i <= 20;
    await app.backend.ok('visits.record', {
      patientId: p.id,
      date: daysAgo(ago),
      symptoms: { swelling: swollen, warmth: swollen, decreasedRange: i >= 18, pain: i % 2 === 0 ? Math.min(7, 2 + Math.floor(i / 6)) : null },
      measurements: m,
    });
  }
  await app.backend.ok('events.record', { patientId: p.id, kind: 'xray', date: daysAgo(270), joint: 'elbow', side: 'right', classification: 'hastings:IIA', note: 'Bridging bone anterior to the joint' });
  await app.backend.ok('events.record', { patientId: p.id, kind: 'lab_result', date: daysAgo(265), title: 'Serum alkaline phosphatase', value: 212, unit: 'U/L' });
  await app.backend.ok('events.record', { patientId: p.id, kind: 'nsaid_course', date: daysAgo(260), endDate: daysAgo(218), title: 'Indomethacin 25 mg three times a day' });
  await app.backend.ok('plans.create', {
    patientId: p.id,
    title: 'Keep the right elbow moving; left knee flexion for stairs',
    startDate: daysAgo(300),
    sites: [
      { joint: 'elbow', side: 'right' },
      { joint: 'knee', side: 'left' },
    ],
    passiveRomAllowed: false,
    precautions: 'No forced end-range movement of the elbow.',
    items: [
      { intervention: 'active_rom', motions: ['elbow.flexion', 'elbow.extension'], doseKind: 'sets_reps', sets: 3, repetitions: 10, frequencyCount: 2, frequencyPer: 'day', instructions: 'Slowly, to the end of the comfortable range.' },
      { intervention: 'home_program', motions: ['knee.flexion'], doseKind: 'minutes', minutes: 15, frequencyCount: 5, frequencyPer: 'week' },
    ],
    goals: [
      { motion: 'elbow.flexion', side: 'right', mode: 'active', target: 130, targetDate: daysAgo(-90) },
      { motion: 'knee.flexion', side: 'left', mode: 'active', target: 125, targetDate: daysAgo(-60) },
    ],
  });
  return p;
}


/** The report is ready to print once every chart has drawn its points. */
async function openReport(page: Page, app: App, patientId: string, query = '') {
  await app.open(page, `#/patients/${patientId}/report${query ? `?${query}` : ''}`);
  await expect(page.getByRole('heading', { name: /^Progress report:/ })).toBeVisible();
  const charts = page.locator('.report-chart');
  const count = await charts.count();
  for (let i = 0; i < count; i++) await expect(charts.nth(i).locator('.print-chart-markers').first()).toBeVisible();
}

const VERDICTS = ['Losing motion', 'Improving', 'Holding', 'Too few measurements'];

for (const paper of ['A4', 'Letter'] as const) {
  test(`a two-year history prints on ${paper}: identity, verdicts, page X of Y, vector charts`, async ({ page, app }, testInfo) => {
    test.setTimeout(120_000);
    const p = await twoYearPatient(app);
    const started = Date.now();
    await openReport(page, app, p.id, `paper=${paper}`);
    const renderMs = Date.now() - started;
    await expect(page.getByRole('radio', { name: paper === 'A4' ? /A4/ : /US Letter/ })).toBeChecked();
    await page.getByLabel('Assessment').fill('Right elbow flexion has fallen by about 35° since its best, with a hard end-feel: consistent with maturing HO.');
    await page.getByLabel('Recommendations').fill('Review by the rehabilitation physician; CT of the right elbow to plan excision.');
    if (paper === 'A4') await keepScreenshot(page, testInfo, 'report-screen');

    const pdf = await printPdf(page, testInfo, `report-${paper}`);
    testInfo.annotations.push({ type: 'figures', description: `${paper}: ${pdf.pages} pages; screen ready in ${renderMs} ms; page.pdf ${pdf.ms} ms` });
    console.log(`[report ${paper}] ${pdf.pages} pages, screen ready in ${renderMs} ms, page.pdf in ${pdf.ms} ms`);

    const [w, h] = paper === 'A4' ? [595, 842] : [612, 792];
    expect(Math.abs(pdf.size[0] - w)).toBeLessThan(2);
    expect(Math.abs(pdf.size[1] - h)).toBeLessThan(2);
    expect(pdf.pages).toBeGreaterThanOrEqual(4);
    expect(pdf.pages).toBeLessThanOrEqual(9);

    const text = pdf.text.replace(/\s+/g, ' ');
    for (const words of ['ASANTE, Yaw Kwabena', 'RT-2024-017', 'Riverside Rehabilitation Clinic', '12 River Road, Tamale', 'Abena Owusu', ...VERDICTS]) expect(text).toContain(words);
    expect(text).toContain('Page 1 of ' + pdf.pages);
    expect(text).toContain(`Page ${pdf.pages} of ${pdf.pages}`);
    expect(text).toMatch(/Generated .* by ROMtrack \d+\.\d+\.\d+/);
    expect(text).toContain('No forced end-range movement of the elbow.');
    expect(text).toContain('Off track'); // the elbow goal, as the loss goes on
    expect(text).toContain('Indomethacin 25 mg');
    expect(text).toContain('Swelling');
    expect(text).toContain('consistent with maturing HO.');
    expect(text).toContain('CT of the right elbow to plan excision.');
    expect(text).toMatch(/Signature/);
    // Charts are vector drawings: their tick labels are text in the PDF, not pixels.
    expect(text).toContain('Normal 150°');
  });
}

/** A 1×1 PNG: enough to prove the clinic's logo reaches the paper (CSP allows data: images). */
const LOGO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

test('a patient with no measurements says so plainly, without empty charts; the logo prints', async ({ page, app }, testInfo) => {
  const clinic = await app.backend.ok('clinic.get', {});
  await app.backend.ok('clinic.update', { version: clinic.version, name: clinic.name, address: clinic.address, phone: clinic.phone, logo: LOGO, paperSize: 'A4', dateFormat: 'D MMM YYYY' });
  const p = await app.backend.ok('patients.create', { familyName: 'Boateng', givenNames: 'Ama', clinicId: null, dateOfBirth: '1988-09-03', sex: 'female' });
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'hip', side: 'left', status: 'at_risk', since: daysAgo(10) });
  await openReport(page, app, p.id);
  await expect(page.getByText('No range-of-motion measurements in this period.')).toBeVisible();
  await expect(page.locator('.report-chart')).toHaveCount(0);
  const pdf = await printPdf(page, testInfo, 'report-empty');
  const text = pdf.text.replace(/\s+/g, ' ');
  expect(text).toContain('No range-of-motion measurements in this period.');
  expect(text).toContain('Watched but not measured in this period:');
  expect(text).toContain('No therapy plan recorded for this period.');
  expect(text).toContain('Page 1 of 1');
  expect(pdf.pages).toBe(1);
  await expect(page.getByRole('img', { name: 'Riverside Rehabilitation Clinic logo' })).toBeVisible();
  expect(poppler('pdfimages', ['-list', testInfo.outputPath('report-empty.pdf')]).split('\n').filter((l) => /^\s*1\s+\d+\s+image/.test(l))).toHaveLength(1);
});

test('the options: period, motions and paper shape the report, and each printing is noted on the file', async ({ page, app }, testInfo) => {
  test.setTimeout(90_000);
  const p = await twoYearPatient(app);
  await openReport(page, app, p.id);
  await expect(page.getByText('To keep a PDF, choose “Save as PDF” as the printer there.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save as PDF…' })).toHaveCount(0);

  // The period: the end before the start is refused with the shared message, and Print waits for a good one.
  await page.getByLabel('From', { exact: true }).fill(daysAgo(200));
  await page.getByLabel('To', { exact: true }).fill(daysAgo(300));
  await expect(page.getByText(/The period cannot end .* before it starts/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print…' })).toBeDisabled();
  await page.getByLabel('To', { exact: true }).fill(daysAgo(0));
  await expect(page.getByRole('button', { name: 'Print…' })).toBeEnabled();
  await expect(page).toHaveURL(new RegExp(`from=${daysAgo(200)}&to=${daysAgo(0)}`));

  // Two charts only, on Letter.
  await page.getByRole('button', { name: 'No charts' }).click();
  await page.getByRole('checkbox', { name: 'Elbow flexion' }).check();
  await page.getByRole('checkbox', { name: 'Knee flexion' }).check();
  await page.getByRole('radio', { name: /US Letter/ }).check();
  await expect(page.locator('.report-chart')).toHaveCount(2);
  await expect(page).toHaveURL(/paper=Letter&motions=elbow\.flexion,knee\.flexion/);

  // Printing (here page.pdf, which Chromium announces with beforeprint like any print) is noted on the file.
  const pdf = await printPdf(page, testInfo, 'report-options');
  expect(pdf.size[0]).toBeCloseTo(612, 0);
  const list = page.getByRole('region', { name: 'Printed before' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('Letter, 2 charts');
  const logged = await app.backend.ok('reports.list', { patientId: p.id });
  expect(logged[0]).toMatchObject({ from: daysAgo(200), to: daysAgo(0), paper: 'Letter', motions: ['elbow.flexion', 'knee.flexion'] });
  await keepScreenshot(page, testInfo, 'report-options');

  // The screen, options and preview alike, passes an automated accessibility check.
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.map((v) => `${v.id} ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('every sample patient’s report draws and prints (excisions, both sides, drug courses)', async ({ page, app }, testInfo) => {
  test.setTimeout(120_000);
  await app.backend.ok('sampleData.create', {});
  const { items } = await app.backend.ok('patients.list', { limit: 50 });
  expect(items.length).toBe(6);
  const pages: string[] = [];
  for (const p of items) {
    await openReport(page, app, p.id);
    await expect(page.getByRole('heading', { name: 'Heterotopic ossification: summary' })).toBeVisible();
    const pdf = await printPdf(page, testInfo, `sample-${p.familyName}`);
    expect(pdf.text).toContain(`Page ${pdf.pages} of ${pdf.pages}`);
    pages.push(`${p.familyName} ${pdf.pages}`);
  }
  testInfo.annotations.push({ type: 'figures', description: `sample reports, pages: ${pages.join(', ')}` });
  console.log(`[report samples] pages: ${pages.join(', ')}`);
});

test('page 1 leads with what the referring doctor needs: the HO summary, the assessment and the recommendations', async ({ page, app }, testInfo) => {
  test.setTimeout(120_000);
  const p = await twoYearPatient(app);
  // A joint that is not watched: left out by default, in on request.
  await app.backend.ok('visits.record', { patientId: p.id, date: daysAgo(3), measurements: [{ motion: 'shoulder.flexion', side: 'left', mode: 'active', degrees: 150 }] });
  await openReport(page, app, p.id);
  // The period's boxes read as the clinic writes dates (D MMM YYYY here).
  await expect(page.getByLabel('To', { exact: true })).toHaveValue(formatDate(daysAgo(0)));
  await expect(page.getByRole('radio', { name: 'Watched sites only' })).toBeChecked();
  await expect(page.locator('.report-chart figcaption strong')).toHaveText(['Elbow flexion', 'Elbow extension', 'Forearm pronation', 'Forearm supination', 'Knee flexion', 'Knee extension']);
  await page.getByLabel('Assessment').fill('Right elbow flexion is falling with a hard end-feel: maturing HO.');
  await page.getByLabel('Recommendations').fill('CT of the right elbow; review by the rehabilitation physician.');

  const pdf = await printPdf(page, testInfo, 'report-page-1');
  const file = testInfo.outputPath('report-page-1.pdf');
  poppler('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, testInfo.outputPath('page-1-at-80')]);
  await testInfo.attach('page-1-at-80.png', { path: testInfo.outputPath('page-1-at-80.png'), contentType: 'image/png' });
  const page1 = poppler('pdftotext', ['-layout', '-f', '1', '-l', '1', file, '-']).replace(/\s+/g, ' ');
  expect(page1).toContain('Heterotopic ossification: summary');
  expect(page1).toContain(`Traumatic brain injury or stroke (${formatDate(daysAgo(HISTORY_DAYS + 20))})`);
  // The table's cells wrap into each other in the text layer: each fact checked on its own.
  for (const words of ['Right', 'elbow', 'Confirmed', 'Hastings-Graham IIA', 'Elbow flexion, active: Losing', 'Left', 'At risk', 'No graded X-ray', 'Knee flexion, active: Improving']) {
    expect(page1).toContain(words);
  }
  expect(page1).toContain('Right elbow flexion is falling with a hard end-feel: maturing HO.');
  expect(page1).toContain('CT of the right elbow; review by the rehabilitation physician.');
  expect(page1).not.toContain('Normal 150°'); // the charts start on page 2
  expect(pdf.text).not.toContain('Shoulder flexion');

  // All joints on request: the shoulder's chart and row come back.
  await page.getByRole('radio', { name: 'All joints measured' }).check();
  await expect(page).toHaveURL(/sites=all/);
  await expect(page.locator('.report-chart figcaption strong').filter({ hasText: 'Shoulder flexion' })).toHaveCount(1);
  await keepScreenshot(page, testInfo, 'report-all-joints');
});
