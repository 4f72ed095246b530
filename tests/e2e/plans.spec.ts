import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { formatDate, todayLocal } from '../../shared/domain/dates';
import { addDays, mondayOf } from '../../shared/domain/plan-periods';
import { expect, keepScreenshot, test } from './fixtures';

const today = todayLocal();
const day = (n: number) => addDays(today, n);

/**
 * Ticks with the keyboard, as the app is meant to be used: a mouse click can miss when a message appears on
 * the field just left (validation on blur) and moves the box between the press and the release.
 */
async function tick(box: Locator) {
  await box.press('Space');
  await expect(box).toBeChecked();
}

async function noAxeViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.map((v) => `${where}: ${v.id} ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Saves the page as an A4 PDF, keeps it and its first page as PNG, and returns its text and page count. */
async function sheetPdf(page: Page, testInfo: TestInfo) {
  const file = testInfo.outputPath('home-sheet.pdf');
  writeFileSync(file, await page.pdf({ format: 'A4' }));
  await testInfo.attach('home-sheet.pdf', { path: file, contentType: 'application/pdf' });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, testInfo.outputPath('home-sheet-page-1')]);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1]);
  return { text: execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' '), pages };
}

test('a plan with two items and a goal, revised; both periods and the goal on the chart; the home exercise sheet as one PDF page', async ({ page, app }, testInfo) => {
  test.setTimeout(120_000);
  const p = await app.backend.ok('patients.create', { familyName: 'Mensah', givenNames: 'Kofi', dateOfBirth: '1961-02-28', sex: 'male' });
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'elbow', side: 'right', status: 'confirmed', since: day(-70) });
  for (const [n, flexion] of [[-56, 95], [-42, 100], [-28, 104], [-14, 109], [-3, 113]] as const) {
    await app.backend.ok('visits.record', { patientId: p.id, date: day(n), measurements: [{ motion: 'elbow.flexion', side: 'right', mode: 'active', degrees: flexion }] });
  }

  await app.open(page, `#/patients/${p.id}`);
  await page.getByRole('link', { name: 'Therapy plans' }).click();
  await expect(page.getByRole('heading', { name: 'Therapy plans: MENSAH, Kofi' })).toBeVisible();
  await page.getByRole('link', { name: 'New therapy plan' }).click();

  // The plan: title, dates, the site, the precaution, two items.
  await page.getByLabel('Title').fill('Right elbow after excision');
  await page.getByLabel('Start date').fill(day(-50));
  await tick(page.getByRole('checkbox', { name: 'Right elbow' }));
  await tick(page.getByRole('radio', { name: 'Not allowed' }));
  await page.getByLabel('Other precautions (optional)').fill('No forced end-range movement.');
  const item1 = page.getByRole('group', { name: 'Item 1' });
  await item1.getByLabel('Intervention').selectOption({ label: 'Active range-of-motion exercise' });
  await tick(item1.getByRole('checkbox', { name: 'Elbow flexion' }));
  await tick(item1.getByRole('checkbox', { name: 'Elbow extension' }));
  await item1.getByLabel('Sets', { exact: true }).fill('3');
  await item1.getByLabel('Repetitions', { exact: true }).fill('10');
  await item1.getByLabel('Times', { exact: true }).fill('2');
  await item1.getByLabel('Instructions').fill('Bend and straighten the elbow slowly, as far as it goes without forcing.');
  await page.getByRole('button', { name: 'Add an item' }).press('Enter');
  const item2 = page.getByRole('group', { name: 'Item 2' });
  await expect(item2.getByLabel('Intervention')).toBeFocused();
  await tick(item2.getByRole('checkbox', { name: 'Forearm supination' }));
  await tick(item2.getByRole('radio', { name: 'Time in minutes' }));
  await item2.getByLabel('Minutes', { exact: true }).fill('15');
  await item2.getByLabel('Times', { exact: true }).fill('3');
  await item2.getByLabel('Per').selectOption('week');
  await item2.getByLabel('Instructions').fill('Turn the palm up and down with the elbow at your side.');
  // Stretching is refused while the precautions forbid passive motion, with the message on the item.
  await item2.getByLabel('Intervention').selectOption({ label: 'Stretching (passive)' });

  // A goal, offered from the catalogue's functional value.
  await page.getByRole('button', { name: 'Add a goal' }).press('Enter');
  const goal = page.getByRole('group', { name: 'Goal 1' });
  await goal.getByLabel('Motion').selectOption({ label: 'Elbow flexion' });
  await expect(goal.getByLabel('Side')).toHaveValue('right');
  await expect(goal.getByText('Latest active reading: 113°')).toBeVisible();
  await goal.getByRole('button', { name: 'Use the functional value, 130°' }).press('Enter');
  await expect(goal.getByLabel('Target (degrees)')).toHaveValue('130');
  await goal.getByLabel('Target date').fill(day(60));
  await noAxeViolations(page, 'plan editor');

  await page.getByRole('button', { name: 'Save plan' }).press('Enter');
  await expect(item2.getByText(/Stretching moves the joint passively, and this plan's precautions do not allow/)).toBeVisible();
  await keepScreenshot(page, testInfo, '1-editor-passive-refused');
  expect(await app.backend.ok('plans.list', { patientId: p.id })).toEqual([]);
  await item2.getByLabel('Intervention').selectOption({ label: 'Home program' });
  await page.getByRole('button', { name: 'Save plan' }).press('Enter');

  // The plan page: the version in force, its items with sessions beside them, the goal and its status.
  await expect(page.getByRole('heading', { name: 'Right elbow after excision', level: 1 })).toBeVisible();
  await expect(page.getByText('Passive range of motion and stretching: NOT allowed.')).toBeVisible();
  const items = page.getByRole('table', { name: /Items of version 1/ });
  await expect(items.getByRole('row', { name: /1\. Active range-of-motion exercise/ })).toContainText('3 sets of 10 repetitions');
  await expect(items.getByRole('row', { name: /2\. Home program/ })).toContainText('15 minutes');
  const goalRow = page.getByRole('row', { name: /Right elbow flexion \(active\)/ });
  await expect(goalRow).toContainText('at least 130°');
  await expect(goalRow).toContainText('On track');

  // Sessions done for the home program in the last full week.
  const monday = mondayOf(day(-7));
  await page.getByRole('button', { name: `Item 2, week of ${formatDate(monday)}: 3 sessions prescribed, none recorded. Record` }).click();
  await page.getByRole('textbox', { name: 'Sessions done', exact: true }).fill('2');
  await page.getByRole('textbox', { name: 'Sessions done', exact: true }).press('Enter');
  await expect(page.getByRole('status')).toContainText(`Saved: 2 of 3 sessions in the week of ${formatDate(monday)}.`);
  await expect(page.getByRole('button', { name: `Item 2, week of ${formatDate(monday)}: 2 of 3 sessions (67%). Change` })).toBeVisible();
  await noAxeViolations(page, 'plan page');
  await keepScreenshot(page, testInfo, '2-plan-page');

  // Revise: a new version from 20 days ago; the first stays readable, in force until the day before.
  await page.getByRole('link', { name: 'Revise plan' }).click();
  await page.getByLabel('In force from').fill(day(-50));
  await page.getByLabel('Reason for the revision').fill('Progressed after review');
  await page.getByRole('button', { name: 'Save new version' }).press('Enter');
  await expect(page.getByText(/Versions cannot overlap: the current version is in force from/)).toBeVisible();
  await page.getByLabel('In force from').fill(day(-20));
  await page.getByRole('group', { name: 'Item 1' }).getByLabel('Sets', { exact: true }).fill('4');
  await page.getByRole('button', { name: 'Save new version' }).press('Enter');
  await expect(page.getByRole('heading', { name: `Version 2, in force today: from ${formatDate(day(-20))} (no end date)` })).toBeVisible();
  const versions = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'In force' }) });
  await expect(versions.getByRole('row', { name: /Version 1/ })).toContainText(`${formatDate(day(-50))} to ${formatDate(day(-21))}`);
  await versions.getByRole('button', { name: 'Show version 1' }).press('Enter');
  await expect(page.getByRole('table', { name: /Items of version 1/ })).toContainText('3 sets of 10 repetitions');

  // The chart: both versions as hatched, named periods and the goal as a target line.
  await page.getByRole('link', { name: 'Chart of Right elbow flexion (active)' }).click();
  const chart = page.locator('.detail-chart');
  // Each period is named inside, as fully as its width allows; the legend names them in full.
  await expect(chart.getByText(/^(Plan )?v1/)).toBeVisible();
  await expect(chart.getByText(/^(Plan )?v2/)).toBeVisible();
  await expect(chart.getByText(`Goal: at least 130° by ${formatDate(day(60))}`)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Legend' })).toContainText(
    `Therapy plan in force (hatched): Plan v1: Right elbow after excision from ${formatDate(day(-50))} to ${formatDate(day(-21))}; Plan v2: Right elbow after excision from ${formatDate(day(-20))}`,
  );
  await expect(chart.locator('.recharts-reference-area')).toHaveCount(3); // the baseline band and two plan periods
  await keepScreenshot(page, testInfo, '3-chart-with-plan');

  // The home exercise sheet: the items in large type, one A4 page, read back from the PDF.
  await page.goBack();
  await page.getByRole('link', { name: 'Home exercise sheet' }).click();
  await expect(page.getByRole('heading', { name: 'Your home exercises' })).toBeVisible();
  await keepScreenshot(page, testInfo, '4-sheet-screen');
  const pdf = await sheetPdf(page, testInfo);
  expect(pdf.pages).toBe(1);
  for (const text of [
    'Riverside Rehabilitation Clinic',
    'MENSAH, Kofi',
    'Abena Owusu',
    'Active range-of-motion exercise',
    'Right elbow flexion, Right elbow extension',
    '4 sets of 10 repetitions, twice a day',
    'Bend and straighten the elbow slowly, as far as it goes without forcing.',
    'Home program',
    '15 minutes, 3 times a week',
    'Turn the palm up and down with the elbow at your side.',
    'Do not stretch the joint',
  ]) {
    expect(pdf.text).toContain(text);
  }
  expect(pdf.text).not.toContain('Back to the plan');
});

test('a long plan still prints its home exercise sheet on one page', async ({ page, app }, testInfo) => {
  const p = await app.backend.ok('patients.create', { familyName: 'Okafor', givenNames: 'Ada', dateOfBirth: '1970-02-03', sex: 'female' });
  const instructions = 'Sit upright with the arm supported on a table. Move slowly to the end of the comfortable range, hold for five seconds and return. Stop if it hurts more than usual.';
  const motions = ['knee.flexion', 'knee.extension', 'hip.flexion', 'hip.abduction', 'ankle.dorsiflexion'] as const;
  const plan = await app.backend.ok('plans.create', {
    patientId: p.id,
    title: 'Left leg after hip surgery',
    startDate: day(-7),
    sites: [
      { joint: 'hip', side: 'left' },
      { joint: 'knee', side: 'left' },
      { joint: 'ankle', side: 'left' },
    ],
    passiveRomAllowed: true,
    precautions: 'Hip precautions after surgery: no flexion past 90 degrees, no crossing the legs, no inward turning of the foot, for six weeks.',
    items: Array.from({ length: 10 }, (_, i) => ({
      intervention: i % 2 ? 'strengthening' : 'active_rom',
      motions: [motions[i % motions.length]!],
      doseKind: 'sets_reps',
      sets: 3,
      repetitions: 10 + i,
      frequencyCount: 2,
      frequencyPer: 'day',
      instructions: `Exercise ${i + 1}. ${instructions}`,
    })),
  });
  await app.open(page, `#/patients/${p.id}/plans/${plan.id}/sheet`);
  await expect(page.getByRole('heading', { name: 'Your home exercises' })).toBeVisible();
  const pdf = await sheetPdf(page, testInfo);
  expect(pdf.pages).toBe(1);
  expect(pdf.text).toContain('10. Strengthening');
  expect(pdf.text).toContain('Exercise 10.');
});
