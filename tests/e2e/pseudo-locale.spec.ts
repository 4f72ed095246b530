import { LANGUAGE_OVERRIDE_KEY } from '../../renderer/src/i18n/language-override';
import { en } from '../../shared/i18n/messages/en';
import { pseudoLocalize } from '../../shared/i18n/pseudo';
import { expect, keepScreenshot, test } from './fixtures';
import { fitsWidth, textNotTranslated } from './pseudo-text';

// The pseudo-locale pass (issue 20): the converted screens in accented, 40 % longer, bracketed English. Pseudo
// text has no ASCII letter (shared/i18n/pseudo.ts), so any ASCII letter left on a converted screen, apart from
// the records' own data (names, clinic ids), was written inline instead of coming from a translation. At
// 1024×640, the old laptops' size, the longer text must still fit without a sideways scroll.

test.use({ viewport: { width: 1024, height: 640 } });

test('the patient list in the pseudo-locale: every word from a translation, and 40 % longer text still fits', async ({ page, app }, testInfo) => {
  await page.addInitScript((key) => window.localStorage.setItem(key, 'pseudo'), LANGUAGE_OVERRIDE_KEY);
  await app.open(page, '#/patients');
  const list = 'section[aria-labelledby="patients-heading"]';
  // The empty list, with its sample-data offer.
  await expect(page.locator(list).getByRole('heading', { level: 1 })).toHaveText(pseudoLocalize(en['patients.heading']));
  await expect(page.locator(list).getByRole('button')).toHaveText(/^⟦/);
  expect(await textNotTranslated(page, list, [])).toEqual([]);
  await keepScreenshot(page, testInfo, 'pseudo-1-empty-list');

  await app.backend.ok('sampleData.create', {});
  const { items } = await app.backend.ok('patients.list', { query: '', offset: 0, limit: 50 });
  const data = items.flatMap((p) => [p.familyName.toUpperCase(), p.givenNames, p.clinicId ?? '']);
  await page.reload();
  await expect(page.locator(`${list} a.patient-link`)).toHaveCount(items.length);
  // The status column fills in after the rows: wait for every status, not the placeholder.
  await expect(page.locator(`${list} .patient-status`)).toHaveCount(items.length);
  expect(await textNotTranslated(page, list, data)).toEqual([]);
  // Dates spell their month in the pseudo-locale too (accented), never a plain English "Mar".
  await expect(page.locator(`${list} tbody td:nth-child(4)`).first()).toHaveText(/^\d{1,2} \S*[^\u0020-\u007F]\S* \d{4}$/);
  expect(await fitsWidth(page)).toEqual({ scrollWidth: 1024, width: 1024 });
  await keepScreenshot(page, testInfo, 'pseudo-2-list');

  // A search that finds nothing, and the note under the box.
  await page.locator('#patient-search').fill('zzz');
  await expect(page.locator(`${list} p.empty`)).toHaveText(/^⟦/);
  await page.locator('#patient-search').press('Enter');
  await expect(page.locator('#patient-search-hint')).toHaveText(/^⟦/);
  expect(await textNotTranslated(page, list, [...data, 'zzz'])).toEqual([]);
  await keepScreenshot(page, testInfo, 'pseudo-3-no-match');
});

test('the verdict words in the pseudo-locale, on the patient page where they show', async ({ page, app }, testInfo) => {
  await app.backend.ok('sampleData.create', {});
  await page.addInitScript((key) => window.localStorage.setItem(key, 'pseudo'), LANGUAGE_OVERRIDE_KEY);
  const { items } = await app.backend.ok('patients.list', { query: '', offset: 0, limit: 50 });
  await app.open(page, `#/patients/${items[0]!.id}`);
  const badges = page.locator('.verdict');
  await expect(badges.first()).toBeVisible();
  for (const text of await badges.allInnerTexts()) expect(text.replace(/^\S+\s*/, ''), text).toMatch(/^⟦[^A-Za-z]+⟧$/);
  // Each longer verdict stays inside its column, clear of the series name beside it.
  for (const line of await page.locator('.verdict-line').all()) {
    const badge = await line.locator('.verdict').boundingBox();
    const name = await line.locator('.verdict-line-text').boundingBox();
    expect(badge!.x + badge!.width).toBeLessThanOrEqual(name!.x);
  }
  await keepScreenshot(page, testInfo, 'pseudo-4-verdicts');
  await page.locator('.verdict-lines').first().screenshot({ path: testInfo.outputPath('pseudo-5-verdict-lines.png') });
});
