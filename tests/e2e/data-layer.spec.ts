import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { formatDate, todayLocal } from '../../shared/domain/dates';
import { atBothSizes, expect, test } from './fixtures';

// The renderer's one data layer (renderer/src/api): every screen reads through one cache, a saved change
// refreshes what it touched, and a read that fails says why and offers Retry.

const daysAgo = (n: number) => todayLocal(new Date(Date.now() - n * 86_400_000));

/** Moves to another screen the way a link does: the hash changes, the page is not loaded again. */
async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

/** A mark on the window that a reload would wipe: the test proves every screen updated in place. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => Reflect.set(window, 'dataLayerMark', 'still the same page'));
}
async function pageMark(page: Page): Promise<unknown> {
  return page.evaluate(() => Reflect.get(window, 'dataLayerMark'));
}

test('a saved visit and a corrected reading show on the patient page, the mobility chart and the report without a reload', async ({ page, app }) => {
  test.setTimeout(90_000);
  const p = await app.backend.ok('patients.create', { familyName: 'Mensah', givenNames: 'Kofi', dateOfBirth: '1961-02-28', sex: 'male' });
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'elbow', side: 'right', status: 'confirmed', since: daysAgo(40) });
  for (const [days, degrees] of [[21, 120], [14, 118], [7, 121]] as const) {
    await app.backend.ok('visits.record', { patientId: p.id, date: daysAgo(days), measurements: [{ motion: 'elbow.flexion', side: 'right', mode: 'active', degrees }] });
  }
  const card = page.getByRole('list', { name: 'Series, losing motion first' }).getByRole('listitem').filter({ hasText: 'Right elbow flexion (active)' });
  const report = page.getByRole('article', { name: 'Report preview' });
  // The patient page's latest values (the timeline's table names its rows "Right elbow flexion, active").
  const latest = page.getByRole('row', { name: /^Right elbow flexion \d/ });

  // Every screen read once, so each has an answer in the cache that the changes below make old.
  await app.open(page, `#/patients/${p.id}/mobility`);
  await expect(card).toContainText(`121°, ${formatDate(daysAgo(7))}`);
  await markPage(page);
  await go(page, `#/patients/${p.id}/report`);
  await expect(report).toContainText('121°');
  await expect(report).not.toContainText('115°');
  await go(page, `#/patients/${p.id}`);
  await expect(latest).toContainText('121°');

  // A visit saved from its form: the patient page it returns to, the chart and the report all have it.
  await page.getByRole('link', { name: 'Record a visit' }).click();
  await expect(page.getByRole('heading', { name: 'Record a visit: MENSAH, Kofi' })).toBeVisible();
  await page.getByLabel('Right elbow flexion, active', { exact: true }).fill('115');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: `Visit of ${formatDate(todayLocal())} saved` })).toBeVisible();
  await expect(latest).toContainText('115°');
  await page.getByRole('link', { name: 'Mobility charts' }).click();
  await expect(card).toContainText(`115°, ${formatDate(todayLocal())}`);
  await go(page, `#/patients/${p.id}/report`);
  await expect(report).toContainText('115°');

  // A reading corrected on the patient page: the page itself shows it at once, then the chart and the report.
  await go(page, `#/patients/${p.id}`);
  await page.getByText(`Measurements of ${formatDate(todayLocal())}`).click();
  await page.getByRole('button', { name: 'Correct Right elbow flexion, active' }).click();
  await page.getByLabel('Corrected value (degrees)').fill('113');
  await page.getByLabel('Reason for the correction').fill('Misread the goniometer');
  await page.getByRole('button', { name: 'Save correction' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Right elbow flexion, active corrected.' })).toBeVisible();
  await expect(latest).toContainText('113°');
  await expect(latest).not.toContainText('115°');
  await go(page, `#/patients/${p.id}/mobility`);
  await expect(card).toContainText(`113°, ${formatDate(todayLocal())}`);
  await go(page, `#/patients/${p.id}/report`);
  await expect(report).toContainText('113°');
  await expect(report).not.toContainText('115°');

  // Voided on the page, with "Voided entries" open: the open list has it without being closed and opened again.
  await go(page, `#/patients/${p.id}`);
  await page.getByText('Voided entries', { exact: true }).click();
  await expect(page.getByText('Nothing has been voided for this patient.')).toBeVisible();
  const earlier = page.getByRole('article', { name: `${formatDate(daysAgo(14))} Visit` });
  await earlier.getByText(`Measurements of ${formatDate(daysAgo(14))}`).click();
  await earlier.getByRole('button', { name: 'Void Right elbow flexion, active' }).click();
  await earlier.getByLabel('Reason for voiding').fill('Measured the left elbow by mistake');
  await earlier.getByLabel('Reason for voiding').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Right elbow flexion, active voided.' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Measured the left elbow by mistake' })).toContainText('118°');

  expect(await pageMark(page), 'the page was never loaded again').toBe('still the same page');
});

test('a read that fails says why with Retry instead of loading for ever, and Retry reads again', async ({ page, app }, testInfo) => {
  // A patient id that does not exist: the API's own message, and Retry (by keyboard) asks again.
  await app.open(page, '#/patients/no-such-patient');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not load this.');
  await expect(alert).not.toContainText('Loading');
  const retry = alert.getByRole('button', { name: 'Retry' });
  let asked = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/api/patients.file')) asked++;
  });
  await retry.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => asked).toBe(1);
  await expect(page.getByRole('alert').getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(page.getByText(/^Loading/)).toHaveCount(0);

  // The server cannot be reached while the patient's page opens: the message says so, Retry once it answers.
  const p = await app.backend.ok('patients.create', { familyName: 'Boateng', givenNames: 'Ama', dateOfBirth: '1988-09-03', sex: 'female' });
  await page.route('**/api/patients.file', (route) => route.abort('connectionrefused'));
  await page.evaluate((h) => {
    window.location.hash = h;
  }, `#/patients/${p.id}`);
  await expect(page.getByRole('alert')).toContainText('Cannot reach the ROMtrack server. Check that it is still running, then try again.');
  await expect(page.getByText(/^Loading/)).toHaveCount(0);
  await atBothSizes(page, testInfo, 'read-failed');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.map((v) => `${v.id} ${v.help}`)).toEqual([]);
  await page.unroute('**/api/patients.file');
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('heading', { name: 'BOATENG, Ama', exact: true })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('with the server unreachable at start, the app says so and Retry opens it once the server answers', async ({ page, app }) => {
  await page.route('**/api/**', (route) => route.abort('connectionrefused'));
  await app.open(page);
  await expect(page.getByRole('alert')).toContainText('Cannot reach the ROMtrack server.');
  await page.unroute('**/api/**');
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('heading', { name: /^Worklist for/ })).toBeVisible();
});
