import { todayLocal } from '../../shared/domain/dates';
import { expect, keepScreenshot, test } from './fixtures';

// Issue 17: ALP results get their own small chart on the patient page, with the clinic's reference limit drawn
// as a dashed line labelled with the limit and where it comes from; points read in black and white (a filled
// square above the limit, an open circle within it, each with its value); a table gives screen readers the same.

const daysAgo = (n: number) => todayLocal(new Date(Date.now() - n * 86_400_000));
const alp = (date: string, value: number, title = 'Serum alkaline phosphatase') => ({ kind: 'lab_result' as const, date, title, value, unit: 'U/L' });

test('ALP results are charted on the patient page against the clinic’s limit, and only when there are any', async ({ page, app }, testInfo) => {
  const p = await app.backend.ok('patients.create', { familyName: 'Mensah', givenNames: 'Kwame', clinicId: null, dateOfBirth: '1970-04-02', sex: 'male' });
  const none = await app.backend.ok('patients.create', { familyName: 'Boateng', givenNames: 'Ama', clinicId: null, dateOfBirth: '1988-09-03', sex: 'female' });
  // Another lab result on the other patient is not an ALP: still no chart.
  await app.backend.ok('events.record', { patientId: none.id, ...alp(daysAgo(20), 12, 'C-reactive protein') });
  await app.open(page, `#/patients/${none.id}`);
  await expect(page.getByRole('heading', { name: 'BOATENG, Ama' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Alkaline phosphatase (ALP)' })).toHaveCount(0);

  for (const [ago, value] of [[120, 96], [90, 118], [60, 212], [30, 185]] as const) await app.backend.ok('events.record', { patientId: p.id, ...alp(daysAgo(ago), value) });
  // A voided result is not drawn.
  const wrong = await app.backend.ok('events.record', { patientId: p.id, ...alp(daysAgo(45), 999) });
  await app.backend.ok('events.void', { id: wrong.id, reason: 'Another patient’s result' });

  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open(page, `#/patients/${p.id}`);
  const section = page.getByRole('region', { name: 'Alkaline phosphatase (ALP)' });
  await expect(section).toBeVisible();
  // The picture: four points with their values, a dashed line at the default limit, labelled.
  const svg = section.locator('svg.recharts-surface');
  await expect(svg.locator('text').filter({ hasText: /^Limit 130 U\/L$/ })).toHaveCount(1);
  await expect(svg.locator('.recharts-reference-line line')).toHaveAttribute('stroke-dasharray', '6 4');
  await expect(svg.locator('.recharts-label-list text')).toHaveText(['96', '118', '212', '185']);
  await expect(svg.locator('rect[fill="#000"]')).toHaveCount(2); // above the limit: filled squares
  await expect(svg.locator('circle[fill="#fff"]')).toHaveCount(2); // within it: open circles
  await expect(section).toContainText('Dashed line: upper limit 130 U/L, ROMtrack’s default');
  // The table says the same for a screen reader.
  const table = section.getByRole('table', { name: /ALP results, oldest first, against the upper limit of 130 U\/L/ });
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table.getByRole('row').nth(3)).toContainText('212');
  await expect(table.getByRole('row').nth(3)).toContainText('Above');
  await expect(table.getByRole('row').nth(2)).toContainText('Within');
  await expect(table).not.toContainText('999');
  await section.scrollIntoViewIfNeeded();
  await keepScreenshot(page, testInfo, 'alp-chart-1366x768');

  // The clinic sets its laboratory's limit: the line, its label and its source follow.
  const settings = await app.backend.ok('worklist.settings', {});
  await app.backend.ok('worklist.setSettings', { version: settings.version, weeklyFromWeek: settings.weeklyFromWeek, weeklyUntilWeek: settings.weeklyUntilWeek, monthlyUntilWeek: settings.monthlyUntilWeek, alpUpperLimit: 200 });
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.reload();
  await expect(svg.locator('text').filter({ hasText: /^Limit 200 U\/L$/ })).toHaveCount(1);
  await expect(svg.locator('rect[fill="#000"]')).toHaveCount(1);
  await expect(section).toContainText(/Dashed line: upper limit 200 U\/L, set by the clinic from its laboratory, Abena Owusu/);
  await section.scrollIntoViewIfNeeded();
  await keepScreenshot(page, testInfo, 'alp-chart-1024x640');
});
