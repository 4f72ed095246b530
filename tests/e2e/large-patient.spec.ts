import { SPARKLINE_POINTS } from '../../shared/api/operations/analysis';
import { todayLocal } from '../../shared/domain/dates';
import { expect, keepScreenshot, test } from './fixtures';

type App = Parameters<Parameters<typeof test>[2]>[0]['app'];

const VISITS = 150;
const daysAgo = (n: number) => todayLocal(new Date(Date.now() - n * 86_400_000));

/**
 * A patient measured twice a week for most of a year: right elbow and left knee, active flexion and extension,
 * so every series has more readings than a card's picture can show apart and the knee's flexion is dense on
 * the detail chart (issue 21: each card a sparkline from a lean answer, the long series as one path).
 */
async function heavilyMeasured(app: App) {
  const p = await app.backend.ok('patients.create', { familyName: 'Okafor', givenNames: 'Ngozi', clinicId: 'RT-0900', dateOfBirth: '1970-05-14', sex: 'female' });
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'elbow', side: 'right', status: 'confirmed', since: daysAgo(400) });
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'knee', side: 'left', status: 'confirmed', since: daysAgo(400) });
  for (let v = 0; v < VISITS; v++) {
    const wobble = (v * 7) % 5;
    await app.backend.ok('visits.record', {
      patientId: p.id,
      date: daysAgo(2 + 2 * (VISITS - 1 - v)),
      measurements: [
        { motion: 'elbow.flexion', side: 'right', mode: 'active', degrees: 135 - Math.floor(v / 6) + wobble },
        { motion: 'elbow.extension', side: 'right', mode: 'active', degrees: -10 - (v % 3) },
        { motion: 'knee.flexion', side: 'left', mode: 'active', degrees: 95 + Math.floor(v / 10) + wobble },
        { motion: 'knee.extension', side: 'left', mode: 'active', degrees: -(v % 4) },
      ],
    });
  }
  return p;
}

test('the dashboard of a heavily measured patient draws every card from a lean answer, and the detail chart lists every reading', async ({ page, app }, testInfo) => {
  test.setTimeout(120_000);
  const p = await heavilyMeasured(app);
  const analysis = await app.backend.ok('analysis.sparklines', { patientId: p.id });
  expect(analysis.series.length).toBe(4);
  for (const s of analysis.series) {
    expect(s.readings).toBe(VISITS);
    expect(s.sparkline.length).toBeLessThanOrEqual(SPARKLINE_POINTS + s.verdict.keepIds.length);
    // [day, degrees] pairs in time order, the latest reading last.
    expect(s.sparkline.every(([day, degrees], i) => Number.isInteger(day) && Number.isFinite(degrees) && (i === 0 || day >= s.sparkline[i - 1]![0]))).toBe(true);
    expect(s.sparkline.at(-1)![1]).toBe(s.analysis.summary.latest!.value);
  }

  for (const [width, height] of [[1366, 768], [1024, 640]] as const) {
    await page.setViewportSize({ width, height });
    await app.open(page, `#/patients/${p.id}/mobility`);
    const cards = page.getByRole('list', { name: 'Series, losing motion first' }).getByRole('listitem');
    await expect(cards).toHaveCount(4);
    // Every card shows a line with a point at each of its readings' places (a sparkline's worth, not all 150).
    for (let i = 0; i < 4; i++) {
      const line = cards.nth(i).locator('.sparkline-line');
      await expect(line).toHaveAttribute('points', /,/);
      const drawn = ((await line.getAttribute('points')) ?? '').trim().split(/\s+/).length;
      expect(drawn).toBeGreaterThan(20);
      expect(drawn).toBeLessThanOrEqual(SPARKLINE_POINTS + 10);
    }
    await keepScreenshot(page, testInfo, `dashboard-${width}x${height}`);
  }

  // The knee's flexion: 150 readings, drawn as paths (one line, one path of markers), with all of them in the table.
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open(page, `#/patients/${p.id}/mobility/left.knee.flexion.active`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/knee flexion/i);
  await expect(page.locator('.detail-chart .dense-series-line')).toHaveAttribute('d', /^M[\d.,L-]+$/);
  // Far fewer elements than readings: the verdict's points only, not one group per reading.
  expect(await page.locator('.detail-chart .recharts-scatter-symbol').count()).toBeLessThan(10);
  await keepScreenshot(page, testInfo, 'detail-1366x768');
  const readings = page.locator('details.chart-data');
  await readings.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(readings.locator('tbody tr')).toHaveCount(VISITS);
  await page.setViewportSize({ width: 1024, height: 640 });
  await keepScreenshot(page, testInfo, 'detail-1024x640');
});
