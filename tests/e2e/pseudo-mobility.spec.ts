import type { Page } from '@playwright/test';
import { LANGUAGE_OVERRIDE_KEY } from '../../renderer/src/i18n/language-override';
import { todayLocal } from '../../shared/domain/dates';
import { expect, keepScreenshot, test } from './fixtures';
import { fitsWidth, textNotTranslated } from './pseudo-text';

// The mobility dashboard and the detail chart in the pseudo-locale (issue 20): every word on them from a
// translation, and the 40 % longer text still fitting at 1024×640. The verdict reasons, the threshold sentences
// and the arcs table are written by the analysis and clinical/ (helper L1's part): their text is taken out, as
// the records' own words are, so this pass fails only on words the mobility and chart code writes inline.

test.use({ viewport: { width: 1024, height: 640 } });

const daysAgo = (n: number) => todayLocal(new Date(Date.now() - n * 86_400_000));

const OTHERS = ['.series-card-reason', '.series-verdict-block', '.arcs-table', '.plan-responses li'];

/**
 * The words on these screens that are not mobility's or the charts', left out of the check by hiding them for
 * its duration (textNotTranslated skips what is hidden); shown again for the screenshots.
 */
async function untranslatedOutsideOthers(page: Page, selector: string, data: readonly string[]): Promise<string[]> {
  const toggle = (hide: boolean) => page.evaluate(({ selectors, hide }) => selectors.forEach((s) => document.querySelectorAll<HTMLElement>(s).forEach((el) => (el.style.visibility = hide ? 'hidden' : ''))), { selectors: OTHERS, hide });
  await toggle(true);
  try {
    return await textNotTranslated(page, selector, data);
  } finally {
    await toggle(false);
  }
}

test('the dashboard and the detail chart in the pseudo-locale: every word from a translation, and they fit at 1024×640', async ({ page, app }, testInfo) => {
  const p = await app.backend.ok('patients.create', { familyName: 'Mensah', givenNames: 'Kofi', clinicId: 'RT-0042', dateOfBirth: '1961-02-28', sex: 'male' });
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'elbow', side: 'right', status: 'confirmed', since: daysAgo(60) });
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'knee', side: 'left', status: 'at_risk', since: daysAgo(60) });
  const elbow = [130, 126, 122, 118, 114, 110];
  for (let w = 0; w < 6; w++) {
    await app.backend.ok('visits.record', {
      patientId: p.id,
      date: daysAgo(35 - 7 * w),
      measurements: [
        { motion: 'elbow.flexion', side: 'right', mode: 'active', degrees: elbow[w]!, endFeel: w === 5 ? 'hard' : 'firm', pain: w },
        { motion: 'elbow.flexion', side: 'right', mode: 'passive', degrees: elbow[w]! + 5 },
        { motion: 'elbow.extension', side: 'right', mode: 'active', degrees: -10 },
      ],
    });
  }
  await app.backend.ok('events.record', { patientId: p.id, kind: 'xray', date: daysAgo(17), joint: 'elbow', side: 'right', classification: 'hastings:IIA' });
  await app.backend.ok('events.record', { patientId: p.id, kind: 'nsaid_course', date: daysAgo(16), endDate: daysAgo(2), title: 'Indomethacin 25 mg' });
  const data = ['MENSAH', 'Kofi', 'RT-0042', 'IIA', 'Indomethacin 25 mg'];

  await page.addInitScript((key) => window.localStorage.setItem(key, 'pseudo'), LANGUAGE_OVERRIDE_KEY);
  await app.open(page, `#/patients/${p.id}/mobility`);
  const dashboard = 'section.mobility';
  await expect(page.locator('.series-card')).toHaveCount(3);
  await expect(page.locator('.series-card-chart .sparkline-line')).toHaveCount(3);
  await expect(page.locator('#mobility-heading')).toHaveText(/^⟦/);
  expect(await untranslatedOutsideOthers(page, dashboard, data)).toEqual([]);
  expect(await fitsWidth(page)).toEqual({ scrollWidth: 1024, width: 1024 });
  await keepScreenshot(page, testInfo, 'pseudo-mobility-1-dashboard');

  await page.locator('.series-card-link').first().click();
  const detail = 'section.series-detail';
  await expect(page.locator('.detail-chart .recharts-scatter-symbol').first()).toBeVisible();
  // The table of every measurement, opened, and a marker's tooltip: their words too.
  await page.locator('details.chart-data summary').click();
  await expect(page.locator('.points-table tbody tr').first()).toBeVisible();
  await page.locator('.detail-chart .recharts-scatter-symbol').last().hover();
  await expect(page.locator('.chart-tooltip')).toBeVisible();
  // The raters' names are records too: the table's rater column holds them.
  const raters = await page.locator('.points-table tbody td:nth-child(5)').allInnerTexts();
  expect(await untranslatedOutsideOthers(page, detail, [...data, ...raters])).toEqual([]);
  expect(await fitsWidth(page)).toEqual({ scrollWidth: 1024, width: 1024 });
  await keepScreenshot(page, testInfo, 'pseudo-mobility-2-detail');
});
