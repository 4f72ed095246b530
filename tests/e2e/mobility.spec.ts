import AxeBuilder from '@axe-core/playwright';
import { formatDate, todayLocal } from '../../shared/domain/dates';
import { expect, keepScreenshot, test } from './fixtures';

type App = Parameters<Parameters<typeof test>[2]>[0]['app'];

const daysAgo = (n: number) => todayLocal(new Date(Date.now() - n * 86_400_000));

/**
 * A right elbow losing flexion 130 -> 110 over six weekly visits (extension steady at -10), a left knee
 * holding around 100, an X-ray of the elbow and an NSAID course in between.
 */
async function patientWithSeries(app: App) {
  const p = await app.backend.ok('patients.create', { familyName: 'Mensah', givenNames: 'Kofi', clinicId: 'RT-0042', dateOfBirth: '1961-02-28', sex: 'male' });
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'elbow', side: 'right', status: 'confirmed', since: daysAgo(60) });
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'knee', side: 'left', status: 'at_risk', since: daysAgo(60) });
  const elbow = [130, 126, 122, 118, 114, 110];
  const knee = [100, 102, 99, 101, 100, 103];
  for (let w = 0; w < 6; w++) {
    await app.backend.ok('visits.record', {
      patientId: p.id,
      date: daysAgo(35 - 7 * w),
      measurements: [
        { motion: 'elbow.flexion', side: 'right', mode: 'active', degrees: elbow[w]!, endFeel: w === 5 ? 'hard' : 'firm', pain: w, note: w === 5 ? 'Bony block at end of range' : null },
        { motion: 'elbow.extension', side: 'right', mode: 'active', degrees: -10 },
        { motion: 'knee.flexion', side: 'left', mode: 'active', degrees: knee[w]! },
      ],
    });
  }
  await app.backend.ok('events.record', { patientId: p.id, kind: 'xray', date: daysAgo(17), joint: 'elbow', side: 'right', classification: 'hastings:IIA', note: 'Bridging bone anterior to the joint' });
  await app.backend.ok('events.record', { patientId: p.id, kind: 'nsaid_course', date: daysAgo(16), endDate: daysAgo(2), title: 'Indomethacin 25 mg three times a day' });
  return p;
}

test('the dashboard puts the losing elbow first, and its chart shows events, norms and every measurement', async ({ page, app }, testInfo) => {
  const p = await patientWithSeries(app);
  await app.open(page, `#/patients/${p.id}/mobility`);
  await expect(page.getByRole('heading', { name: 'Mobility: MENSAH, Kofi' })).toBeVisible();

  const cards = page.getByRole('list', { name: 'Series, losing motion first' }).getByRole('listitem');
  await expect(cards).toHaveCount(3);
  await expect(cards.first()).toContainText('Right elbow flexion (active)');
  await expect(cards.first()).toContainText('Losing motion');
  // The card's title names the series, so its reason starts at the numbers (the analysis words the rest).
  await expect(cards.first().locator('.series-card-reason')).toHaveText(/^130° → 110° over 5 weeks, .*a loss of 20°, beyond the threshold \(8°, same therapist and goniometer, catalogue default\)/);
  const kneeCard = cards.filter({ hasText: 'Left knee flexion (active)' });
  await expect(kneeCard).toContainText('Holding');
  await expect(page.getByText('2 holding')).toBeVisible();

  // The arcs: extension written first, and how far the latest is from the functional arc.
  const elbowArc = page.getByRole('row', { name: /Elbow flexion-extension Right Active/ });
  await expect(elbowArc).toContainText('-10/110');
  await expect(elbowArc).toContainText('Short by 20° (flexion)');
  await keepScreenshot(page, testInfo, '1-dashboard');

  // Keyboard: Tab reaches the card's link (the ring shows on the whole card) and Enter opens the chart.
  const cardLink = page.getByRole('link', { name: 'Right elbow flexion (active)' });
  for (let i = 0; i < 20 && !(await cardLink.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(cardLink).toBeFocused();
  await keepScreenshot(page, testInfo, '1b-card-focused');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Right elbow flexion (active)', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/#\/patients\/[^/]+\/mobility\/right\.elbow\.flexion\.active$/);

  const chart = page.getByRole('img', { name: /Right elbow flexion \(active\): Losing motion/ });
  await expect(chart).toBeVisible();
  await expect(chart.getByText('X-ray IIA (right)')).toBeVisible();
  await expect(chart.getByText('NSAID start')).toBeVisible();
  await expect(chart.getByText('NSAID stop')).toBeVisible();
  await expect(chart.getByText('Normal 150°')).toBeVisible();
  await expect(chart.getByText('Functional 130°')).toBeVisible();
  await expect(chart.getByText('Baseline 130° ± 8°')).toBeVisible();
  // The threshold applied and why, under the verdict; the trend drawn is the one the verdict weighed.
  await expect(page.locator('#series-threshold')).toContainText('Threshold 8°, same therapist and goniometer (catalogue default).');
  await expect(page.getByRole('list', { name: 'Legend' })).toContainText(`Trend the verdict weighed, ${formatDate(daysAgo(35))} to ${formatDate(daysAgo(0))}: -4°/week`);
  await expect(page.getByText('Hastings-Graham IIA: limits flexion-extension; Bridging bone anterior to the joint')).toBeVisible();

  // A point's tooltip carries everything recorded with it.
  await chart.locator('.recharts-scatter-symbol').last().hover();
  const tip = page.locator('.chart-tooltip');
  await expect(tip).toContainText('110°');
  await expect(tip).toContainText('Abena Owusu');
  await expect(tip).toContainText('Universal goniometer');
  await expect(tip).toContainText('Hard (bony)');
  await expect(tip).toContainText('5/10');
  await expect(tip).toContainText('Bony block at end of range');
  await keepScreenshot(page, testInfo, '2-detail-chart');

  // The table of every point opens from the keyboard.
  const summary = page.getByText('All 6 measurements as a table');
  await summary.focus();
  await page.keyboard.press('Enter');
  const table = page.getByRole('table', { name: /Right elbow flexion: every measurement/ });
  await expect(table.getByRole('row')).toHaveCount(7);
  await expect(table.getByRole('row').nth(1)).toContainText('Latest');
  await expect(table.getByRole('row').nth(6)).toContainText('Baseline');
  await keepScreenshot(page, testInfo, '3-detail-table');

  // At 200% zoom (a 600-pixel-wide window) the chart and the table still fit, the table scrolling in its box.
  await page.setViewportSize({ width: 600, height: 800 });
  await keepScreenshot(page, testInfo, '4-detail-narrow');

  // Back to the dashboard through the breadcrumb.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Mobility' }).click();
  await expect(page.getByRole('heading', { name: 'Mobility: MENSAH, Kofi' })).toBeVisible();
});

test('an unknown series says so and links back', async ({ page, app }) => {
  const p = await patientWithSeries(app);
  await app.open(page, `#/patients/${p.id}/mobility/right.knee.pronation`);
  await expect(page.getByRole('alert')).toContainText('There is no series “right.knee.pronation” for this patient.');
  await page.getByRole('link', { name: 'Back to all series.' }).click();
  await expect(page.getByRole('heading', { name: 'Mobility: MENSAH, Kofi' })).toBeVisible();
});

test('the mobility screens pass an automated accessibility check', async ({ page, app }) => {
  const p = await patientWithSeries(app);
  const detail = `#/patients/${p.id}/mobility/right.elbow.flexion.active`;
  // Wide, and 600 pixels wide as at 200% zoom, where the tables scroll inside their boxes.
  for (const [hash, width] of [[`#/patients/${p.id}/mobility`, 1200], [detail, 1200], [detail, 600]] as const) {
    await page.setViewportSize({ width, height: 800 });
    await app.open(page, hash);
    await expect(page.locator('h1')).toBeVisible();
    if (hash === detail) await page.getByText(/measurements as a table/).click();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(results.violations.map((v) => `${hash} at ${width}: ${v.id} ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});

test('a 1,000-point history draws downsampled, keeps the verdict points, and lists every point', async ({ page, app }, testInfo) => {
  test.setTimeout(120_000);
  const p = await app.backend.ok('patients.create', { familyName: 'Long', givenNames: 'History', clinicId: null, dateOfBirth: '1970-01-01', sex: 'female' });
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'knee', side: 'right', status: 'confirmed', since: daysAgo(1100) });
  for (let i = 0; i < 1000; i++) {
    // A slow gain with day-to-day noise, whole degrees.
    const degrees = Math.round(70 + i * 0.04 + 6 * Math.sin(i * 1.7));
    await app.backend.ok('visits.record', { patientId: p.id, date: daysAgo(999 - i), measurements: [{ motion: 'knee.flexion', side: 'right', mode: 'active', degrees }] });
  }
  await app.open(page, `#/patients/${p.id}/mobility`);
  await expect(page.getByRole('link', { name: 'Right knee flexion (active)' })).toBeVisible();

  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const t0 = await page.evaluate((h) => {
      const start = performance.now();
      window.location.hash = h;
      return start;
    }, `#/patients/${p.id}/mobility/right.knee.flexion.active`);
    // A series this long is drawn as paths (mobility/DenseSeries.tsx), its line last.
    await page.waitForFunction(() => document.querySelector('.detail-chart .dense-series-line') !== null, undefined, { polling: 'raf' });
    times.push(Math.round((await page.evaluate(() => performance.now())) - t0));
    if (run < 2) await page.evaluate((h) => (window.location.hash = h), `#/patients/${p.id}/mobility`);
    await expect(page.locator('h1')).toBeVisible();
  }
  // The part of that spent fetching the file (1,000 visits as JSON) over the local server.
  const fetchMs = await page.evaluate(async (patientId) => {
    const start = performance.now();
    const r = await fetch('/api/patients.file', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-romtrack-token': sessionStorage.getItem('romtrack.token') ?? '' },
      body: JSON.stringify({ patientId }),
    });
    await r.json();
    return Math.round(performance.now() - start);
  }, p.id);
  // Each reading drawn is one marker: a subpath of the dense series' marker paths, or a chart point (the verdict's).
  const drawn = await page.evaluate(() => {
    const subpaths = [...document.querySelectorAll('.detail-chart .dense-series path:not(.dense-series-line)')].reduce((n, el) => n + (el.getAttribute('d')?.match(/M/g)?.length ?? 0), 0);
    return subpaths + document.querySelectorAll('.detail-chart .recharts-scatter-symbol').length;
  });
  expect(await page.locator('.detail-chart .recharts-scatter-symbol').count()).toBeLessThan(10);
  expect(drawn).toBeLessThanOrEqual(620);
  expect(drawn).toBeGreaterThan(500);
  await expect(page.getByText(`Drawn with ${drawn} of 1000 measurements`)).toBeVisible();
  await keepScreenshot(page, testInfo, '4-long-history');
  await page.getByText('All 1000 measurements as a table').click();
  await expect(page.locator('.points-table tbody tr')).toHaveCount(1000);
  testInfo.annotations.push({ type: 'timing', description: `1,000-point detail chart, navigation to drawn (loading the file, analysis, ${drawn} points drawn): ${times.join(', ')} ms; of which fetching the file about ${fetchMs} ms` });
  console.log(`1,000-point detail chart: ${drawn} points drawn; navigation to drawn ${times.join(', ')} ms; fetching the file alone ${fetchMs} ms`);
});
