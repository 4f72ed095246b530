import type { Page } from '@playwright/test';
import { newDatabaseKey } from '../../electron/db/database-key';
import { LANGUAGE_OVERRIDE_KEY } from '../../renderer/src/i18n/language-override';
import { ALP_NAME } from '../../shared/domain/event';
import { DATE_FORMATS } from '../../shared/domain/dates';
import { en } from '../../shared/i18n/messages/en';
import { pseudoLocalize } from '../../shared/i18n/pseudo';
import { expect, keepScreenshot, test } from './fixtures';
import { fitsWidth, textNotTranslated } from './pseudo-text';

// The pseudo-locale pass (issue 20) over the patient page, the patient form, Settings, the header and the access
// log: every word of these screens comes through a translation (pseudo text has no ASCII letter, so one left over
// was written inline), and text 40 % longer still fits at 1024×640, the old laptops' size. Only the parts these
// screens draw themselves are read: the panels other screens lend them (the HO profile, the timeline, the
// exchange panel, the account menu) have their own passes.

test.use({ viewport: { width: 1024, height: 640 }, databaseKey: newDatabaseKey() });
// Whole screens with sample data, each form opened in turn: slow on a loaded machine.
test.slow();

/** Words that are the same in every language: the product's name, command lines, unit and format symbols. */
const SAME_IN_EVERY_LANGUAGE = ['ROMtrack', 'npm run serve', '--restore-from', '--recovery-key', 'E:\\', '/media/usb', 'KiB', 'MiB', ...DATE_FORMATS];

async function inPseudo(page: Page): Promise<void> {
  await page.addInitScript((key) => window.localStorage.setItem(key, 'pseudo'), LANGUAGE_OVERRIDE_KEY);
}

/** Inline text left in any of these parts of the screen, with the records' own words taken out. */
async function untranslated(page: Page, selectors: readonly string[], data: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const selector of selectors) for (const text of await textNotTranslated(page, selector, [...data, ...SAME_IN_EVERY_LANGUAGE])) found.push(`${selector}: ${text}`);
  return found;
}

const HEADER = ['header.app-header nav', 'header.app-header .brand'];

/** The page fits its width with no sideways scroll; if not, the message names what sticks out. */
async function expectFits(page: Page): Promise<void> {
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !e.parentElement?.closest('.table-scroll'))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${String(e.className)}: ${(e.textContent ?? '').slice(0, 50)}`),
  );
  expect(await fitsWidth(page), wide.join(' | ')).toEqual({ scrollWidth: page.viewportSize()!.width, width: page.viewportSize()!.width });
}

/**
 * Where a screen holds other screens' panels, the parts it draws itself: each inside the width, none wider than
 * its own box (a table in its own scrolling box may scroll).
 */
async function expectPartsFit(page: Page, selectors: readonly string[]): Promise<void> {
  const width = page.viewportSize()!.width;
  const wide: string[] = [];
  for (const selector of selectors) {
    for (const box of await page.locator(selector).evaluateAll((els) => els.map((e) => ({ right: e.getBoundingClientRect().right, text: (e.textContent ?? '').slice(0, 50) })))) {
      if (box.right > width + 0.5) wide.push(`${selector}: ${box.text} (${Math.round(box.right)})`);
    }
  }
  expect(wide).toEqual([]);
}

const pseudo = (key: keyof typeof en) => pseudoLocalize(en[key]);

test('the patient page in the pseudo-locale: header, actions, identity, verdicts, latest values and ALP chart translated, and they fit', async ({ page, app }, testInfo) => {
  await app.backend.ok('sampleData.create', {});
  const { items } = await app.backend.ok('patients.list', { query: '', offset: 0, limit: 50 });
  // The sample patient with an ALP result, so the chart shows too.
  let chosen = items[0]!;
  for (const p of items) {
    const file = await app.backend.ok('patients.file', { patientId: p.id });
    if (file.events.some((e) => e.title === ALP_NAME)) chosen = p;
  }
  const therapists = await app.backend.ok('therapists.list', { includeInactive: true });
  const data = [chosen.familyName.toUpperCase(), chosen.givenNames, chosen.clinicId ?? '', ...therapists.map((t) => t.name)];
  await inPseudo(page);
  await app.open(page, `#/patients/${chosen.id}`);
  // The whole file and its analysis: slow on a loaded machine.
  await expect(page.locator('#patient-heading')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.verdict-line').first()).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('section.alp-chart svg.recharts-surface')).toBeVisible();
  // The window title names the patient; the route's own title, before, came from a translation too.
  await expect(page).toHaveTitle(`${chosen.familyName.toUpperCase()}, ${chosen.givenNames} — ROMtrack`);

  await expect(page.locator('.toolbar a.button').first()).toHaveText(pseudo('patientPage.recordVisit'));
  const mine = [
    ...HEADER,
    'section[aria-labelledby="patient-heading"] > .breadcrumb',
    'section[aria-labelledby="patient-heading"] > .toolbar',
    'section[aria-labelledby="patient-heading"] > dl.facts',
    // The verdicts' own words; each reason after the series' name is the analysis' sentence (clinical/verdict-text).
    'section.verdict-summary > h2',
    'section.verdict-summary .verdict-counts',
    'section.verdict-summary .verdict-line-text > a',
    'section[aria-labelledby="latest-heading"] thead',
    'section[aria-labelledby="latest-heading"] tbody th',
    'section[aria-labelledby="latest-heading"] td .change-line-first',
    'section[aria-labelledby="latest-heading"] > p',
    'section.alp-chart',
  ];
  expect(await untranslated(page, mine, data)).toEqual([]);
  // A series is named in the language ("left knee flexion (active)"), not with the analysis' English label.
  await expect(page.locator('.verdict-line-text > a').first()).toHaveText(/^⟦[^A-Za-z]+$/);
  // Degrees and dates in the language: a change reads "+5°" or "-3°" beside a date with an accented month.
  await expect(page.locator('td .change-line-first').first()).toHaveText(/^⟦[+-]?\d+(\.\d)?°/);
  // The timeline's tables further down are the timeline's own (renderer/src/timeline), checked in its pass.
  await expectPartsFit(page, [
    'header.app-header',
    'section[aria-labelledby="patient-heading"] > .toolbar',
    'section[aria-labelledby="patient-heading"] > dl.facts',
    'section.verdict-summary',
    'section.verdict-summary .verdict-line',
    'section[aria-labelledby="latest-heading"] > *',
    'section.alp-chart',
    'section.alp-chart .alp-chart-key',
  ]);
  await keepScreenshot(page, testInfo, 'pseudo-patient-page');
});

test('the patient form in the pseudo-locale, with the question a duplicate asks', async ({ page, app }, testInfo) => {
  await app.backend.ok('patients.create', { familyName: 'Osei', givenNames: 'Kwame', clinicId: null, dateOfBirth: '1992-03-17', sex: 'male' });
  await inPseudo(page);
  await app.open(page, '#/patients/new');
  await expect(page).toHaveTitle(`${pseudo('screenTitle.newPatient')} — ROMtrack`);
  const form = 'section[aria-labelledby="patient-form-heading"]';
  await expect(page.locator('#patient-form-heading')).toHaveText(pseudo('patientForm.newHeading'));
  // The date field's hint and placeholder ("… for example 14 Mar 2026") are translated too (forms/DateField).
  const fields = ['#patient-form-heading', `${form} .field label`, `${form} .field:not(:has(input[placeholder])) .field-hint`, `${form} .field:has(input[placeholder])`, `${form} .form-actions`, `${form} select`];
  expect(await untranslated(page, [...HEADER, ...fields], [])).toEqual([]);
  await expectFits(page);

  await page.getByLabel(pseudo('patientForm.familyName')).fill('Osei');
  await page.getByLabel(pseudo('patientForm.givenNames')).fill('Kwame');
  await page.getByLabel(pseudo('patientForm.dateOfBirth')).fill('1992-03-17');
  await page.getByLabel(pseudo('patientForm.sex')).selectOption('male');
  await page.getByRole('button', { name: pseudo('patientForm.savePatient') }).click();
  const alert = page.locator('.duplicate-patient');
  // The name and the date (its month accented) inside the translated question, with its link and its button.
  await expect(alert).toHaveText(/^⟦.*OSEI, Kwame.*17 \S*[^\u0020-\u007F]\S* 1992.*⟧$/);
  await expect(alert.getByRole('link')).toHaveText(/^[^A-Za-z]+$/);
  await expect(alert.getByRole('button')).toHaveText(/^[^A-Za-z]+$/);
  expect(await untranslated(page, [`${form} .duplicate-patient`, ...fields], ['OSEI, Kwame', 'Osei', 'Kwame', '1992-03-17'])).toEqual([]);
  await expectFits(page);
  await keepScreenshot(page, testInfo, 'pseudo-patient-form-duplicate');
});

test('every Settings panel in the pseudo-locale, with its forms open, translated and fitting', async ({ page, app }, testInfo) => {
  await app.backend.ok('therapists.create', { name: 'Kofi Asante', title: null, registrationNumber: null, initials: '', role: 'therapist', credential: '482715' });
  const backup = await app.backend.ok('backups.create', { folder: null });
  const [clinic, therapists, worklist, thresholds] = await Promise.all([
    app.backend.ok('clinic.get', {}),
    app.backend.ok('therapists.list', { includeInactive: true }),
    app.backend.ok('worklist.settings', {}),
    app.backend.ok('thresholds.list', {}),
  ]);
  // The records' own words, and the reference notes quoted as written: the catalogue's sources (in English, said
  // so in each language) and the worklist schedule's (shared/worklist, translated with the back end's messages).
  const data = [
    clinic?.name ?? '',
    clinic?.address ?? '',
    clinic?.phone ?? '',
    ...therapists.flatMap((t) => [t.name, t.initials, t.title ?? '', t.registrationNumber ?? '']),
    backup.folder,
    backup.path,
    worklist.sources.schedule,
    worklist.sources.alpUpperLimit,
    ...thresholds.map((t) => t.catalogueDefault.source),
    ...thresholds.map((t) => t.catalogueDefault.sourceShort.replace(/; to confirm$/, '')),
  ];
  await inPseudo(page);
  await app.open(page, '#/settings');
  await expect(page).toHaveTitle(`${pseudo('settings.heading')} — ROMtrack`);
  await expect(page.locator('#settings-heading')).toHaveText(pseudo('settings.heading'));
  await expect(page.locator('section[aria-labelledby="backups-heading"] tbody tr')).toHaveCount(1);
  await expect(page.locator('section[aria-labelledby="thresholds-heading"] tbody tr').first()).toBeVisible();

  const panels = [
    ...HEADER,
    'section[aria-labelledby="settings-heading"] > h1',
    'section[aria-labelledby="settings-heading"] > p',
    'form[aria-labelledby="clinic-heading"]',
    'section[aria-labelledby="therapists-heading"]',
    'section[aria-labelledby="thresholds-heading"]',
    'section[aria-labelledby="worklist-settings-heading"]',
    'section[aria-labelledby="backups-heading"]',
    'section[aria-labelledby="recovery-key-heading"]',
  ];
  expect(await untranslated(page, panels, data)).toEqual([]);
  // The exchange panel below these is the exchange's own (renderer/src/exchange), checked in its pass.
  await expectPartsFit(page, panels);
  await keepScreenshot(page, testInfo, 'pseudo-settings');

  // The forms that open in place: a therapist's details, a temporary PIN, a motion's thresholds, the recovery key.
  const kofi = page.locator('section[aria-labelledby="therapists-heading"] tbody tr', { hasText: 'Kofi Asante' });
  await kofi.getByRole('button', { name: pseudoLocalize(en['therapists.editLabel']).replace('{{name}}', 'Kofi Asante') }).click();
  await expect(page.getByRole('form', { name: pseudoLocalize(en['therapistForm.editLabel']).replace('{{name}}', 'Kofi Asante') })).toBeVisible();
  expect(await untranslated(page, ['section[aria-labelledby="therapists-heading"]'], data)).toEqual([]);
  await page.keyboard.press('Escape');
  await kofi.getByRole('button', { name: pseudoLocalize(en['therapists.temporaryLabel']).replace('{{name}}', 'Kofi Asante') }).click();
  await expect(page.locator('section[aria-labelledby="therapists-heading"] input[type="password"]').first()).toBeFocused();
  expect(await untranslated(page, ['section[aria-labelledby="therapists-heading"]'], data)).toEqual([]);
  await page.keyboard.press('Escape');

  const thresholdsPanel = page.locator('section[aria-labelledby="thresholds-heading"]');
  await thresholdsPanel.locator('tbody button', { hasText: pseudo('thresholdsPanel.edit') }).first().click();
  await expect(thresholdsPanel.locator('form')).toBeVisible();
  expect(await untranslated(page, ['section[aria-labelledby="thresholds-heading"]'], data)).toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: pseudo('recoveryKey.show') }).click();
  await expect(page.locator('.recovery-sheet')).toBeVisible();
  // The key's groups of five are the key itself.
  const groups = await page.locator('.recovery-key span').allInnerTexts();
  expect(groups.length).toBeGreaterThan(0);
  expect(await untranslated(page, ['section[aria-labelledby="recovery-key-heading"]'], [...data, ...groups])).toEqual([]);

  await page.locator('section[aria-labelledby="backups-heading"] tbody button', { hasText: pseudo('backups.restoreButton') }).click();
  await expect(page.locator('dialog[aria-labelledby="restore-dialog-heading"]')).toBeVisible();
  expect(await untranslated(page, ['dialog[aria-labelledby="restore-dialog-heading"]'], data)).toEqual([]);
  await keepScreenshot(page, testInfo, 'pseudo-settings-restore-asked');
  await page.keyboard.press('Escape');
  await expectPartsFit(page, panels);
});

test('the access log and a page that is not there, in the pseudo-locale', async ({ page, app }, testInfo) => {
  const p = await app.backend.ok('patients.create', { familyName: 'Mensah', givenNames: 'Kofi', clinicId: 'K-12', dateOfBirth: '1980-05-06', sex: 'male' });
  const therapists = await app.backend.ok('therapists.list', { includeInactive: true });
  const data = ['MENSAH, Kofi', ...therapists.map((t) => t.name)];
  await inPseudo(page);
  await app.open(page, `#/patients/${p.id}/access`);
  await expect(page.locator('#access-heading')).toHaveText(pseudo('access.heading'));
  // The page's own read of the record is logged: at least that one row.
  await expect(page.locator('main tbody tr').first()).toBeVisible();
  await expect(page).toHaveTitle(`${pseudoLocalize(en['access.windowTitle']).replace('{{name}}', 'MENSAH, Kofi')} — ROMtrack`);
  expect(await untranslated(page, [...HEADER, 'main'], data)).toEqual([]);
  await expectFits(page);
  await keepScreenshot(page, testInfo, 'pseudo-access-log');

  await app.open(page, '#/no-such-screen');
  await expect(page.locator('main .error-box')).toBeVisible();
  await expect(page).toHaveTitle(`${pseudo('screenTitle.notFound')} — ROMtrack`);
  expect(await untranslated(page, ['main'], ['/no-such-screen', 'no-such-screen'])).toEqual([]);
});

// Screenshots to look at: the same screens in French, at the two sizes.
for (const [width, height] of [
  [1366, 768],
  [1024, 640],
] as const) {
  test(`the patient page, Settings and the access log in French (${width}x${height})`, async ({ page, app }, testInfo) => {
    await page.setViewportSize({ width, height });
    await app.backend.ok('sampleData.create', {});
    const { items } = await app.backend.ok('patients.list', { query: '', offset: 0, limit: 50 });
    await page.addInitScript((key) => window.localStorage.setItem(key, 'fr'), LANGUAGE_OVERRIDE_KEY);
    await app.open(page, `#/patients/${items[0]!.id}`);
    await expect(page.getByRole('link', { name: 'Saisir une visite' })).toBeVisible({ timeout: 20_000 });
    await expect(page.locator('.verdict-line').first()).toBeVisible({ timeout: 20_000 });
    await keepScreenshot(page, testInfo, `fr-patient-page-${width}`);
    await app.open(page, '#/settings');
    await expect(page.getByRole('heading', { name: 'Seuils de mesure' })).toBeVisible();
    await expect(page).toHaveTitle('Paramètres — ROMtrack');
    await keepScreenshot(page, testInfo, `fr-settings-${width}`);
    for (const panel of ['clinic', 'therapists', 'thresholds', 'worklist-settings', 'backups']) {
      await page.locator(`[aria-labelledby="${panel}-heading"]`).screenshot({ path: testInfo.outputPath(`fr-settings-${panel}-${width}.png`) });
    }
    await app.open(page, `#/patients/${items[0]!.id}/access`);
    await expect(page.getByRole('heading', { name: 'Qui a ouvert ce dossier' })).toBeVisible();
    await expect(page.locator('main tbody tr').first()).toBeVisible();
    await keepScreenshot(page, testInfo, `fr-access-${width}`);
  });
}
