import { todayLocal } from '../../shared/domain/dates';
import type { Page, TestInfo } from '@playwright/test';
import { expect, keepScreenshot, test } from './fixtures';

type App = Parameters<Parameters<typeof test>[2]>[0]['app'];

const daysAgo = (n: number) => todayLocal(new Date(Date.now() - n * 86_400_000));
const MOTIONS = [
  { motion: 'elbow.flexion', degrees: 130 },
  { motion: 'elbow.extension', degrees: -5 },
  { motion: 'knee.flexion', degrees: 120 },
  { motion: 'knee.extension', degrees: -3 },
] as const;

/** Both elbows and knees, active and passive: sixteen cards, far more than one screen holds. */
async function manySeries(app: App) {
  const p = await app.backend.ok('patients.create', { familyName: 'Lindqvist', givenNames: 'Maja', clinicId: 'RT-0950', dateOfBirth: '1968-02-03', sex: 'female' });
  for (const joint of ['elbow', 'knee'] as const) {
    for (const side of ['right', 'left'] as const) await app.backend.ok('sites.add', { patientId: p.id, joint, side, status: 'confirmed', since: daysAgo(120) });
  }
  for (let v = 0; v < 4; v++) {
    await app.backend.ok('visits.record', {
      patientId: p.id,
      date: daysAgo(60 - v * 14),
      measurements: MOTIONS.flatMap(({ motion, degrees }) =>
        (['right', 'left'] as const).flatMap((side) => (['active', 'passive'] as const).map((mode) => ({ motion, side, mode, degrees: degrees + (mode === 'passive' ? 5 : 0) - v }))),
      ),
    });
  }
  return p;
}

const DRAWN = '.sparkline-line[points*=","]';

/** What the screen shows, not the whole page: a full-page shot lays every card out in view and draws it. */
async function viewShot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('charts below the fold are drawn when scrolled to, by keyboard as by wheel, without moving the page', async ({ page, app }, testInfo) => {
  // Sixty readings saved and three page loads: past the default minute on a loaded machine.
  test.setTimeout(120_000);
  const p = await manySeries(app);
  await page.setViewportSize({ width: 1024, height: 640 });
  await app.open(page, `#/patients/${p.id}/mobility`);
  const cards = page.getByRole('list', { name: 'Series, losing motion first' }).getByRole('listitem');
  await expect(cards).toHaveCount(16);
  const last = cards.last();
  // The first card's chart is drawn with the page; the last one, far below, keeps an empty frame of its size.
  await expect(cards.first().locator(DRAWN)).toHaveCount(1);
  await expect(last.locator('.sparkline-pending')).toHaveCount(1);
  await expect(last.locator('.sparkline-line')).toHaveCount(0);
  const frame = await last.locator('.series-card-chart').boundingBox();
  await viewShot(page, testInfo, 'dashboard-many-1024x640');

  // By keyboard: Tab from card to card until the last one has the focus; the browser scrolls it into view.
  const links = page.locator('.series-card-link');
  await links.first().focus();
  for (let i = 1; i < 16; i++) await page.keyboard.press('Tab');
  await expect(links.last()).toBeFocused();
  await expect(last.locator(DRAWN)).toHaveCount(1);
  await expect(last.locator('.sparkline-pending')).toHaveCount(0);
  // Drawn in the frame it kept: the card did not change size.
  const drawn = await last.locator('.series-card-chart').boundingBox();
  expect(Math.abs((drawn?.height ?? 0) - (frame?.height ?? -1))).toBeLessThan(1);
  await viewShot(page, testInfo, 'dashboard-many-scrolled-1024x640');

  // By wheel, on a fresh load at the larger size: every chart drawn once the page has been scrolled through.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('about:blank');
  await app.open(page, `#/patients/${p.id}/mobility`);
  await expect(cards).toHaveCount(16);
  await expect(last.locator('.sparkline-line')).toHaveCount(0);
  await viewShot(page, testInfo, 'dashboard-many-1366x768');
  await expect(async () => {
    await page.mouse.wheel(0, 400);
    await expect(page.locator(`.series-card-chart ${DRAWN}`)).toHaveCount(16, { timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await keepScreenshot(page, testInfo, 'dashboard-many-all-1366x768');
});
