import type { Page, TestInfo } from '@playwright/test';
import { formatDate, todayLocal } from '../../shared/domain/dates';
import { expect, keepScreenshot, test } from './fixtures';

// A visit completed later the same day (issue #17): a second visit on a date that has one asks, inline, whether
// to add to it; "add" puts the readings into that visit; the visit's own "Add measurements" opens the grid with
// its readings shown and the rest empty. Keyboard only, as at a busy clinic.

type App = Parameters<Parameters<typeof test>[2]>[0]['app'];

/** A right elbow watched, and this morning's visit that measured only elbow flexion. */
async function morningVisit(app: App) {
  // Read when the test starts, not when the file loads: a run may pass midnight.
  const today = todayLocal();
  const p = await app.backend.ok('patients.create', { familyName: 'Osei', givenNames: 'Kwame', clinicId: 'RT-0107', dateOfBirth: '1958-06-14', sex: 'male' });
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'elbow', side: 'right', status: 'at_risk', since: '2026-01-05' });
  const visit = await app.backend.ok('visits.record', {
    patientId: p.id,
    date: today,
    measurements: [
      { motion: 'elbow.flexion', side: 'right', mode: 'active', degrees: 118 },
      { motion: 'elbow.flexion', side: 'right', mode: 'passive', degrees: 122 },
    ],
  });
  return { p, visit, today };
}

async function shot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('a same-day second visit asks; choosing "Add to it" puts the values into the existing visit, keyboard only', async ({ page, app }, testInfo) => {
  const { p, visit, today } = await morningVisit(app);
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open(page, '#/patients');
  await expect(page.locator('#patient-search')).toBeFocused();
  await page.keyboard.type('osei');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'OSEI, Kwame' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'OSEI, Kwame', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Record a visit' })).toBeFocused();
  await page.keyboard.press('Enter');

  // The form opens on its first box as always; the question is above the grid, and typing goes on.
  const question = page.getByRole('group', { name: /already exists/ });
  await expect(question).toContainText(`A visit on ${formatDate(today)} already exists (by Abena Owusu, 2 measurements). Add these measurements to it?`);
  await expect(page.getByLabel('Right elbow flexion, active')).toBeFocused();
  for (const key of ['Enter', 'Enter']) await page.keyboard.press(key); // this morning's boxes, left empty
  await expect(page.getByLabel('Right elbow extension, active')).toBeFocused();
  for (const [i, value] of ['-20', '-15', '70'].entries()) {
    await page.keyboard.type(value);
    if (i < 2) await page.keyboard.press('Enter');
  }
  await shot(page, testInfo, 'same-day-question-1366x768');
  await page.setViewportSize({ width: 1024, height: 640 });
  // At 1024×640 the question and the boxes being typed are in view together.
  await expect(question).toBeInViewport();
  await expect(page.getByLabel('Right forearm pronation, active')).toBeInViewport();
  await shot(page, testInfo, 'same-day-question-1024x640');

  // Saving waits for the answer: nothing is saved, the focus goes to "Add to it".
  await page.keyboard.press('Control+Enter');
  const add = page.getByRole('button', { name: 'Add to it' });
  await expect(add).toBeFocused();
  await expect(page.getByRole('alert').filter({ hasText: `Answer first: add these measurements to the visit of ${formatDate(today)}` })).toBeVisible();
  expect((await app.backend.ok('visits.list', { patientId: p.id })).map((v) => v.measurements.length)).toEqual([2]);

  // Enter answers, and the save it interrupted goes on.
  await page.keyboard.press('Enter');
  const status = page.getByRole('status').filter({ hasText: `Added to the visit of ${formatDate(today)}: 3 measurements.` });
  await expect(status).toBeFocused();
  const visits = await app.backend.ok('visits.list', { patientId: p.id });
  expect(visits).toHaveLength(1);
  expect(visits[0]!.id).toBe(visit.id);
  expect(visits[0]!.measurements.map((m) => `${m.motion} ${m.mode} ${m.degrees}`)).toEqual([
    'elbow.flexion active 118',
    'elbow.flexion passive 122',
    'elbow.extension active -20',
    'elbow.extension passive -15',
    'forearm.pronation active 70',
  ]);
  // The visit says it was extended, when and by whom.
  await expect(page.locator('.timeline')).toContainText(`Extended on ${formatDate(today)} by Abena Owusu (3 measurements added).`);
  await keepScreenshot(page, testInfo, 'visit-extended-on-patient-page');
});

test('"Record a separate visit" keeps them apart; a box the visit already has must be cleared before adding', async ({ page, app }) => {
  const { p, today } = await morningVisit(app);
  await app.open(page, `#/patients/${p.id}/visits/new`);
  const flexion = page.getByLabel('Right elbow flexion, active');
  await expect(flexion).toBeFocused();
  await page.keyboard.type('119');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('-20');
  // The question says before the answer what "add" would refuse.
  await expect(page.getByRole('group', { name: /already exists/ })).toContainText('Already in that visit: Right elbow flexion, active (118°). Clear those boxes to add the rest.');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.press('Enter');
  // "Add" refused with the reason, the box that clashes has the focus; nothing saved.
  await expect(flexion).toBeFocused();
  await expect(page.getByRole('alert').filter({ hasText: `Right elbow flexion, active is already in the visit of ${formatDate(today)}` })).toBeVisible();
  expect(await app.backend.ok('visits.list', { patientId: p.id })).toHaveLength(1);

  // Shift+Tab back to the question: a separate visit, saved with both values.
  await page.getByRole('button', { name: 'Record a separate visit' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: /already exists/ })).toHaveCount(0);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: `Visit of ${formatDate(today)} saved: 2 measurements.` })).toBeFocused();
  const visits = await app.backend.ok('visits.list', { patientId: p.id });
  expect(visits.map((v) => v.measurements.length)).toEqual([2, 2]);
});

test('"Add measurements" on a visit opens the grid with its values shown and the other boxes empty', async ({ page, app }, testInfo) => {
  const { p, visit, today } = await morningVisit(app);
  await page.setViewportSize({ width: 1024, height: 640 });
  await app.open(page, `#/patients/${p.id}`);
  const addLink = page.getByRole('link', { name: `Add measurements to the visit of ${formatDate(today)}` });
  await addLink.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveTitle('Add to visit — OSEI, Kwame — ROMtrack');
  await expect(page.getByRole('heading', { name: `Add measurements to the visit of ${formatDate(today)}: OSEI, Kwame` })).toBeVisible();
  // What the visit has is shown, not a box: the first box is the first one still empty.
  await expect(page.getByLabel('Right elbow flexion, active')).toHaveCount(0);
  await expect(page.locator('.grid-cell-recorded .recorded-value')).toHaveText(['118°', '122°']);
  await expect(page.getByLabel('Right elbow extension, active')).toBeFocused();
  await expect(page.getByLabel('Visit date')).toHaveAttribute('readonly', '');
  await expect(page.getByLabel('Measured by')).toHaveValue(visit.therapistId!);
  await page.keyboard.type('-25');
  await shot(page, testInfo, 'add-measurements-1024x640');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: `Added to the visit of ${formatDate(today)}: 1 measurement.` })).toBeFocused();
  const [read] = await app.backend.ok('visits.list', { patientId: p.id });
  expect(read!.measurements.find((m) => m.motion === 'elbow.extension')).toMatchObject({ degrees: -25, mode: 'active' });
  expect(read!.extensions).toHaveLength(1);
});
