import type { Locator, Page, TestInfo } from '@playwright/test';
import { LANGUAGE_OVERRIDE_KEY } from '../../renderer/src/i18n/language-override';
import { fr } from '../../shared/i18n/messages/fr';
import { expect, test } from './fixtures';

// Issue 20, "layouts that hold with text 40 % longer", where French showed they did not at 1024×640: the header's
// "Liste de travail" broke onto three lines, the detail chart cut "Fonctionnelle 130°" at its right edge, its event
// list wrote "Radiographie (gauche): …" without French's space before the colon, and the pseudo-locale's
// therapists and thresholds tables scrolled sideways inside their boxes.
test.setTimeout(240_000);

async function shoot(target: Locator, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await target.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** How many lines a link's text takes: its height over its line height. */
async function linesOf(link: Locator): Promise<number> {
  return link.evaluate((a) => Math.round(a.getBoundingClientRect().height / parseFloat(getComputedStyle(a).lineHeight || '20')));
}

async function useLanguage(page: Page, language: 'fr' | 'pseudo'): Promise<void> {
  await page.addInitScript((l) => window.localStorage.setItem(l.key, l.language), { key: LANGUAGE_OVERRIDE_KEY, language });
}

for (const { width, height } of [
  { width: 1366, height: 768 },
  { width: 1024, height: 640 },
]) {
  test.describe(`${width}×${height}`, () => {
    test.use({ viewport: { width, height } });

    test(`French at ${width}×${height}: the header's links on one line each, the chart's reference labels whole, the event list's colon spaced`, async ({ page, app }, testInfo) => {
      await app.backend.ok('sampleData.create', {});
      await useLanguage(page, 'fr');
      await app.open(page, '#/worklist');
      const nav = page.locator('.app-header nav a');
      await expect(nav.first()).toHaveText(fr['app.navWorklist'], { timeout: 30_000 });
      for (const link of await nav.all()) expect(await linesOf(link), await link.innerText()).toBe(1);
      await shoot(page.locator('.app-header'), testInfo, 'fr-header');

      // Elbow flexion has a functional value (130°); the sample's Kwame Osei has it measured.
      const patient = async (name: string) => encodeURIComponent((await app.backend.ok('patients.list', { query: name, offset: 0, limit: 5 })).items[0]!.id);
      await app.open(page, `#/patients/${await patient('OSEI')}/mobility/right.elbow.flexion.active`);
      // The chart is drawn once it scrolls into view.
      const chart = page.locator('.detail-chart');
      await chart.scrollIntoViewIfNeeded();
      const label = chart.locator('text', { hasText: fr['charts.functional'].replace(' {{value}}', '') });
      await expect(label).toBeVisible({ timeout: 30_000 });
      const [svg, text] = await Promise.all([chart.locator('svg').first().boundingBox(), label.boundingBox()]);
      expect(text!.x + text!.width).toBeLessThanOrEqual(svg!.x + svg!.width);
      await shoot(chart, testInfo, 'fr-detail-chart');
      // Maria Fernandes' shoulder chart carries an X-ray with its finding.
      await app.open(page, `#/patients/${await patient('FERNANDES')}/mobility/left.shoulder.flexion.passive`);
      const events = page.locator('section.chart-events li');
      await expect(events.first()).toContainText('\u202f: ', { timeout: 30_000 });
      await shoot(page.locator('section.chart-events'), testInfo, 'fr-chart-events');
    });

    test(`the pseudo-locale at ${width}×${height}: the therapists' and thresholds' tables fit their boxes`, async ({ page, app }, testInfo) => {
      await useLanguage(page, 'pseudo');
      await app.open(page, '#/settings');
      for (const [name, table] of [
        ['pseudo-therapists', page.locator('table.therapists-table')],
        ['pseudo-thresholds', page.locator('table.thresholds-table')],
      ] as const) {
        await expect(table).toBeVisible({ timeout: 30_000 });
        const box = table.locator('xpath=..');
        const { scrollWidth, clientWidth } = await box.evaluate((b) => ({ scrollWidth: b.scrollWidth, clientWidth: b.clientWidth }));
        expect(scrollWidth, name).toBeLessThanOrEqual(clientWidth);
        await shoot(name === 'pseudo-thresholds' ? table.locator('thead') : table, testInfo, name);
      }
      await shoot(page.locator('.app-header'), testInfo, 'pseudo-header');
      for (const link of await page.locator('.app-header nav a').all()) expect(await linesOf(link)).toBe(1);
    });
  });
}
