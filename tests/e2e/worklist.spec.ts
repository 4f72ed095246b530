import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, keepScreenshot, test } from './fixtures';
import { printPdf } from './print-pdf';
import { TEST_PIN } from '../support/backend';

// The caseload worklist and the referral letter, in Chromium on server mode with the six sample patients.
// The worklist is the first screen: the app opens on it after "Who is working?".


/** The printed PDF at 80 dpi, its text with runs of spaces and lines made one space (table cells wrap). */
async function printFlat(page: Page, testInfo: TestInfo, name: string) {
  const pdf = await printPdf(page, testInfo, name, 80);
  return { ...pdf, text: pdf.text.replace(/\s+/g, ' ') };
}

const rows = (page: Page) => page.locator('tbody tr.worklist-row');

test('after signing in the worklist lists the sample patients who need attention, with their reasons; a row opens the patient', async ({ page, app }, testInfo) => {
  test.setTimeout(90_000);
  await app.backend.ok('sampleData.create', {});
  await page.setViewportSize({ width: 1366, height: 768 });
  // A browser nobody signed in on: the sign-in page first.
  await page.goto(app.server.url);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByRole('radio', { name: /Abena Owusu/ }).check();
  await page.getByLabel('PIN or password').fill(TEST_PIN);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('heading', { name: /^Worklist for / })).toBeVisible();
  await expect(page).toHaveTitle('Worklist — ROMtrack');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Worklist' })).toHaveAttribute('aria-current', 'page');
  await expect(rows(page)).toHaveCount(3);
  await expect(rows(page).nth(0)).toContainText('OSEI, Kwame');
  await expect(rows(page).nth(0)).toContainText('Losing motion');
  await expect(rows(page).nth(0)).toContainText('Right elbow losing motion: flexion (active) 140°');
  await expect(rows(page).nth(0)).toContainText('High');
  await expect(rows(page).nth(1)).toContainText('NWOSU, Chinedu');
  await expect(rows(page).nth(2)).toContainText('HADDAD, Leila');
  await expect(rows(page).nth(2)).toContainText('ALP raised');
  await expect(rows(page).nth(2)).toContainText('Medium');
  await expect(page.getByText('1–3 of 3 patients')).toBeVisible();
  await keepScreenshot(page, testInfo, 'worklist-1366x768');
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await page.setViewportSize({ width: 1024, height: 640 });
  await keepScreenshot(page, testInfo, 'worklist-1024x640');
  // Nothing wider than the window at 1024 × 640: the table fits without sideways scrolling.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // Filters: by reason (with how many each keeps), and by the therapist who measured last.
  await page.getByRole('checkbox', { name: /ALP raised/ }).check();
  await expect(rows(page)).toHaveCount(3);
  await page.getByRole('checkbox', { name: /ALP raised/ }).uncheck();
  await page.getByRole('checkbox', { name: /Losing motion \(2\)/ }).check();
  await expect(rows(page)).toHaveCount(2);
  await page.getByRole('checkbox', { name: /Due/ }).first().check();
  await page.getByRole('checkbox', { name: /Losing motion/ }).uncheck();
  await expect(page.getByText('No patient matches these filters today.')).toBeVisible();
  await page.getByRole('checkbox', { name: /Due/ }).first().uncheck();
  await expect(rows(page)).toHaveCount(3);

  // Printed in black and white: the reasons are words with a symbol.
  const printed = await printFlat(page, testInfo, 'worklist-print');
  expect(printed.text).toContain('▼ Losing motion');
  expect(printed.text).toContain('▲ ALP raised');

  // Keyboard: the first name, ↓ to the next, Enter opens that patient.
  await page.getByRole('link', { name: 'OSEI, Kwame', exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('link', { name: 'NWOSU, Chinedu', exact: true })).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByRole('link', { name: 'HADDAD, Leila', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'NWOSU, Chinedu' })).toBeVisible();

  // The name in the header leads back to the worklist; a click on a row's name opens that patient.
  await page.getByRole('link', { name: /^ROMtrack/ }).click();
  await expect(page.getByRole('heading', { name: /^Worklist for / })).toBeVisible();
  await rows(page).nth(2).getByRole('link', { name: 'HADDAD, Leila' }).click();
  await expect(page.getByRole('heading', { name: 'HADDAD, Leila', exact: true })).toBeVisible();
});

test('the referral letter is drafted from the record, edited, and prints on one page in A4 and in Letter, kept with its text', async ({ page, app }, testInfo) => {
  test.setTimeout(90_000);
  await app.backend.ok('sampleData.create', {});
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open(page, '#/worklist');
  await page.getByRole('link', { name: 'Referral letter for OSEI, Kwame' }).click();

  await expect(page.getByRole('heading', { name: 'Referral letter: OSEI, Kwame, right elbow' })).toBeVisible();
  const letter = page.getByLabel('Letter', { exact: true });
  await expect(letter).toHaveValue(/Heterotopic ossification \(HO\) at the right elbow is confirmed \(X-ray of .*, Hastings-Graham IIA\), and the joint is still losing motion\./);
  await expect(letter).toHaveValue(/Loss of motion: right elbow flexion \(active\) has fallen from its first reading, 140°/);
  await expect(letter).toHaveValue(/Latest serum alkaline phosphatase: 245 U\/L/);
  await expect(letter).toHaveValue(/Please consider a triple-phase bone scan and serum ALP\./);
  await expect(page.locator('.referral-chart .print-chart-markers').first()).toBeVisible();
  await expect(page.getByText('No referral letter has been printed for this patient yet.')).toBeVisible();
  await page.getByLabel('To', { exact: true }).fill('Dr Ama Mensah, Rehabilitation Medicine');
  await letter.fill((await letter.inputValue()).replace('Dear Doctor,', 'Dear Dr Mensah,'));
  await expect(page.getByText(/runs over one page/)).toHaveCount(0);
  await keepScreenshot(page, testInfo, 'referral-screen-1366x768');
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  for (const paper of ['A4', 'Letter'] as const) {
    await page.getByRole('radio', { name: paper === 'A4' ? /A4/ : /US Letter/ }).check();
    await expect(page.getByText(/runs over one page/)).toHaveCount(0);
    const pdf = await printFlat(page, testInfo, `referral-${paper}`);
    const [w, h] = paper === 'A4' ? [595, 842] : [612, 792];
    expect(Math.abs(pdf.size[0]! - w)).toBeLessThan(2);
    expect(Math.abs(pdf.size[1]! - h)).toBeLessThan(2);
    expect(pdf.pages, `${paper} pages`).toBe(1);
    for (const words of ['Riverside Rehabilitation Clinic', 'To: Dr Ama Mensah, Rehabilitation Medicine', 'OSEI, Kwame', 'SAMPLE-001', 'Dear Dr Mensah,', 'Please consider a triple-phase bone scan and serum ALP.', '245 U/L', 'Normal 150°', 'Abena Owusu']) {
      expect(pdf.text, `${paper}: ${words}`).toContain(words);
    }
    await expect(page.getByRole('status').filter({ hasText: 'kept with its text' })).toBeVisible();
  }
  await page.setViewportSize({ width: 1024, height: 640 });
  await keepScreenshot(page, testInfo, 'referral-screen-1024x640');

  // Both printings are kept, with the letter's text as sent, newest first.
  const kwame = (await app.backend.ok('patients.list', { query: 'Osei' })).items[0]!;
  const sent = await app.backend.ok('referrals.list', { patientId: kwame.id });
  expect(sent.map((l) => l.paper)).toEqual(['Letter', 'A4']);
  expect(sent[0]!.text).toContain('Dear Dr Mensah,');
  expect(sent[0]!.text).toContain('[Chart: Right elbow flexion');
  await expect(page.locator('.referral-sent li')).toHaveCount(2);
  await page.locator('.referral-sent summary').first().click();
  await expect(page.locator('.referral-sent-text').first()).toContainText('Dear Dr Mensah,');

  // Opened without a joint (from the patient's page, say), the screen asks which watched site the letter is about.
  await app.open(page, `#/patients/${kwame.id}/referral`);
  await expect(page.getByText('Which joint is the letter about?')).toBeVisible();
  await page.getByRole('link', { name: 'Right elbow' }).click();
  await expect(page.getByLabel('Letter', { exact: true })).toHaveValue(/Dear Doctor,/);
});

test('the clinic sets its measurement schedule and ALP limit in Settings, and the worklist follows', async ({ page, app }, testInfo) => {
  await app.backend.ok('sampleData.create', {});
  await app.open(page, '#/settings');
  await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible();
  // The panel is part of Settings: waited for, never skipped (a count taken before it drew skipped this test).
  await expect(page.getByRole('heading', { name: 'Worklist', exact: true })).toBeVisible();
  const limit = page.getByLabel('ALP upper limit');
  await expect(limit).toHaveValue('130');
  await expect(page.getByText(/typically about 40-130 U\/L/)).toBeVisible();
  await page.getByLabel('Weekly until week').fill('1');
  await expect(page.getByText('Weekly measurement cannot end (week 1) before it starts (week 2).')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save worklist settings' })).toBeDisabled();
  await page.getByLabel('Weekly until week').fill('12');
  await limit.fill('250');
  await limit.press('Enter');
  await expect(page.getByText('Worklist settings saved')).toBeVisible();
  await expect(page.getByText(/^Set by Abena Owusu/)).toBeVisible();
  await expect(page.getByText('Worklist settings saved')).toBeVisible();
  await page.getByRole('heading', { name: 'Worklist', exact: true }).scrollIntoViewIfNeeded();
  await keepScreenshot(page, testInfo, 'worklist-settings');
  expect((await app.backend.ok('worklist.settings', {})).alpUpperLimit).toBe(250);
  // Above 250 U/L no sample ALP is raised: HADDAD, Leila (165 U/L) leaves the worklist.
  await app.open(page, '#/worklist');
  await expect(rows(page)).toHaveCount(2);
});

test('the patient list shows each patient’s status today in words, from the worklist’s data, and is worked from the keyboard', async ({ page, app }, testInfo) => {
  await app.backend.ok('sampleData.create', {});
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Patients', exact: true })).toBeVisible();
  const row = (name: string) => page.locator('tbody tr').filter({ has: page.getByRole('link', { name, exact: true }) });
  // The status column is the worklist's: losing motion, a raised ALP, nothing.
  await expect(row('OSEI, Kwame').locator('td').nth(1)).toHaveText(/^▼ Losing\b/);
  await expect(row('HADDAD, Leila').locator('td').nth(1)).toHaveText('⚠ Attention ALP raised');
  await expect(row('HARTLEY, Margaret').locator('td').nth(1)).toHaveText('✓ OK');
  const statuses = await app.backend.ok('worklist.statuses', { patientIds: (await app.backend.ok('patients.list', {})).items.map((p) => p.id) });
  const listed = (await app.backend.ok('worklist.get', {})).rows.map((r) => r.patientId).sort();
  expect(statuses.filter((s) => s.status !== 'ok').map((s) => s.patientId).sort()).toEqual(listed);
  await expect(page.getByText('1–6 of 6 patients')).toBeVisible();
  await keepScreenshot(page, testInfo, 'patient-list-1366x768');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.setViewportSize({ width: 1024, height: 640 });
  await keepScreenshot(page, testInfo, 'patient-list-1024x640');
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // From the search box, ↓ goes to the first patient, ↓ and ↑ move between them, ↑ from the first goes back.
  const search = page.getByLabel('Search by name, clinic id or date of birth');
  await expect(search).toBeFocused();
  const links = page.locator('tbody a.patient-link');
  await search.press('ArrowDown');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(search).toBeFocused();
  await search.fill('haddad');
  await expect(links).toHaveCount(1);
  await search.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'HADDAD, Leila', exact: true })).toBeVisible();
});

test('a suspected site on the patient’s page offers a referral letter about that site', async ({ page, app }, testInfo) => {
  const p = await app.backend.ok('patients.create', { familyName: 'Mensah', givenNames: 'Kofi', clinicId: null, dateOfBirth: '1961-02-28', sex: 'male' });
  const since = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'knee', side: 'right', status: 'suspected', since });
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'elbow', side: 'left', status: 'at_risk', since });
  await app.open(page, `#/patients/${p.id}`);
  await expect(page.getByRole('heading', { name: 'MENSAH, Kofi', exact: true })).toBeVisible();
  // Only the suspected site offers a letter.
  await expect(page.getByRole('link', { name: /^Referral letter for/ })).toHaveCount(1);
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.getByRole('heading', { name: 'Watched sites' }).scrollIntoViewIfNeeded();
  await keepScreenshot(page, testInfo, 'sites-referral-1024x640');
  await page.getByRole('link', { name: 'Referral letter for the right knee' }).click();
  await expect(page.getByRole('heading', { name: 'Referral letter: MENSAH, Kofi, right knee' })).toBeVisible();
  await expect(page.getByLabel('Letter', { exact: true })).toHaveValue(/Dear Doctor,/);
});
