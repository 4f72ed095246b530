import type { Page } from '@playwright/test';
import { formatDate, todayLocal } from '../../shared/domain/dates';
import { expect, keepScreenshot, test } from './fixtures';

type App = Parameters<Parameters<typeof test>[2]>[0]['app'];

const daysAgo = (n: number) => todayLocal(new Date(Date.now() - n * 86_400_000));

/** A patient with one watched right elbow and a visit three weeks ago, measured with a goniometer. */
async function elbowPatient(app: App) {
  const p = await app.backend.ok('patients.create', { familyName: 'Osei', givenNames: 'Kwame', clinicId: 'RT-0107', dateOfBirth: '1958-06-14', sex: 'male' });
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'elbow', side: 'right', status: 'at_risk', since: daysAgo(60) });
  await app.backend.ok('visits.record', {
    patientId: p.id,
    date: daysAgo(21),
    measurements: [
      { motion: 'elbow.flexion', side: 'right', mode: 'active', degrees: 118 },
      { motion: 'elbow.flexion', side: 'right', mode: 'passive', degrees: 122 },
      { motion: 'elbow.extension', side: 'right', mode: 'active', degrees: -22 },
      { motion: 'forearm.pronation', side: 'right', mode: 'active', degrees: 72 },
    ],
  });
  return p;
}

/** The keyboard, counting every key it presses: a typed string counts one per character. */
function countingKeyboard(page: Page) {
  let keys = 0;
  return {
    press: async (key: string) => {
      keys += 1;
      await page.keyboard.press(key);
    },
    type: async (text: string) => {
      keys += [...text].length;
      await page.keyboard.type(text);
    },
    get count() {
      return keys;
    },
  };
}

test('six values on one elbow from the patient list take at most 30 keys; Enter moves, Ctrl+Enter saves, the patient page confirms', async ({ page, app }, testInfo) => {
  const p = await elbowPatient(app);
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open(page, '#/patients');
  await expect(page).toHaveTitle('Patients — ROMtrack');
  const kb = countingKeyboard(page);

  // The patient list's search box has the focus when the list opens (its label is another engineer's).
  await expect(page.locator('#patient-search')).toBeFocused();
  await kb.type('osei');
  const link = page.getByRole('link', { name: 'OSEI, Kwame' });
  await expect(page.getByRole('link', { name: /, / })).toHaveCount(1);
  await kb.press('Tab');
  await expect(link).toBeFocused();
  await kb.press('Enter');

  // The patient page names itself and takes the focus on its heading, so Tab starts from the top of it.
  const heading = page.getByRole('heading', { name: 'OSEI, Kwame', exact: true });
  await expect(heading).toBeFocused();
  await expect(page).toHaveTitle('OSEI, Kwame — ROMtrack');
  await kb.press('Tab');
  await expect(page.getByRole('link', { name: 'Record a visit' })).toBeFocused();
  await kb.press('Enter');

  // The visit opens on its first box: no Tab through the header, symptoms or notes.
  await expect(page).toHaveTitle('Visit — OSEI, Kwame — ROMtrack');
  const first = page.getByLabel('Right elbow flexion, active');
  await expect(first).toBeFocused();
  // Enter moves box by box, right elbow first: active then passive, row by row.
  const values: [string, string][] = [
    ['120', 'Right elbow flexion, active'],
    ['125', 'Right elbow flexion, passive'],
    ['-20', 'Right elbow extension, active'],
    ['-15', 'Right elbow extension, passive'],
    ['70', 'Right forearm pronation, active'],
    ['75', 'Right forearm pronation, passive'],
  ];
  for (const [i, [value, label]] of values.entries()) {
    await expect(page.getByLabel(label, { exact: true })).toBeFocused();
    await kb.type(value);
    if (i < values.length - 1) await kb.press('Enter');
  }
  // Enter never saved: still on the form, nothing recorded yet.
  expect(await app.backend.ok('visits.list', { patientId: p.id })).toHaveLength(1);
  await keepScreenshot(page, testInfo, '1-six-values-typed-1366x768');
  await kb.press('Control+Enter');

  const status = page.getByRole('status').filter({ hasText: `Visit of ${formatDate(todayLocal())} saved: 6 measurements.` });
  await expect(status).toBeVisible();
  await expect(status).toBeFocused();
  await expect(page).toHaveTitle('OSEI, Kwame — ROMtrack');
  const visits = await app.backend.ok('visits.list', { patientId: p.id });
  expect(visits).toHaveLength(2);
  expect(visits[0]!.measurements.map((m) => m.degrees).sort((a, b) => a - b)).toEqual([-20, -15, 70, 75, 120, 125]);
  await keepScreenshot(page, testInfo, '2-patient-page-confirms');
  testInfo.annotations.push({ type: 'keystrokes', description: String(kb.count) });
  console.log(`keystrokes from the patient list to a saved 6-value visit: ${kb.count}`);
  expect(kb.count).toBeLessThanOrEqual(30);
});

test('at 1024×640 the first box of the grid is in view when the form opens', async ({ page, app }, testInfo) => {
  const p = await elbowPatient(app);
  await page.setViewportSize({ width: 1024, height: 640 });
  await app.open(page, `#/patients/${p.id}/visits/new`);
  const first = page.getByLabel('Right elbow flexion, active');
  await expect(first).toBeFocused();
  await expect(first).toBeInViewport({ ratio: 1 });
  // The whole elbow fits: the last box of the right elbow and forearm is in view too, above the save bar.
  const lastBox = page.getByLabel('Right forearm supination, passive');
  const box = await lastBox.boundingBox();
  const bar = await page.locator('.sticky-actions').boundingBox();
  expect(box && bar && box.y + box.height <= bar.y).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('visit-1024x640.png') });
  await testInfo.attach('visit-1024x640', { path: testInfo.outputPath('visit-1024x640.png'), contentType: 'image/png' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: testInfo.outputPath('visit-1366x768.png') });
  await testInfo.attach('visit-1366x768', { path: testInfo.outputPath('visit-1366x768.png'), contentType: 'image/png' });
});

test('a value far from the last reading asks inline; Enter again confirms it; saving refuses until then', async ({ page, app }, testInfo) => {
  const p = await elbowPatient(app);
  await page.setViewportSize({ width: 1024, height: 640 });
  await app.open(page, `#/patients/${p.id}/visits/new`);
  const flexion = page.getByLabel('Right elbow flexion, active');
  const pronation = page.getByLabel('Right forearm pronation, active');
  const message = page.locator('.grid-message');

  // No message before anything is typed, and none while a value is still being typed.
  await expect(message).toContainText('Enter: next box');
  await expect(page.locator('.field-error')).toHaveCount(0);

  // Pronation was 72° with the same instrument: 30° is 42° away, more than twice its threshold.
  await pronation.focus();
  await page.keyboard.type('30');
  await expect(message).not.toContainText('is 30° right?');
  // Tab leaves it: the box asks, without stopping the flow.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Right forearm pronation, passive')).toBeFocused();
  await expect(message).toContainText('Right forearm pronation, active: 72° last time');
  await expect(message).toContainText('is 30° right?');
  await expect(pronation).toHaveAccessibleDescription(/72° last time .*is 30° right\?/);

  // A plausible value asks nothing.
  await flexion.focus();
  await page.keyboard.type('115');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Right elbow flexion, passive')).toBeFocused();

  // Ctrl+Enter refuses to save and takes the focus to the box that asks.
  await page.keyboard.press('Control+Enter');
  await expect(pronation).toBeFocused();
  await expect(page.getByRole('alert').filter({ hasText: '1 value far from the last reading' })).toBeVisible();
  expect(await app.backend.ok('visits.list', { patientId: p.id })).toHaveLength(1);
  await keepScreenshot(page, testInfo, '1-asks-to-confirm');

  // Enter in the box confirms it and moves on; then Ctrl+Enter saves.
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Right forearm pronation, passive')).toBeFocused();
  await expect(message).not.toContainText('is 30° right?');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'saved: 2 measurements' })).toBeFocused();
  const visits = await app.backend.ok('visits.list', { patientId: p.id });
  expect(visits[0]!.measurements.find((m) => m.motion === 'forearm.pronation')!.degrees).toBe(30);
});

test('in place: typing 30 then Enter asks, a second Enter confirms; the button confirms for the mouse', async ({ page, app }) => {
  const p = await elbowPatient(app);
  await app.open(page, `#/patients/${p.id}/visits/new`);
  const flexion = page.getByLabel('Right elbow flexion, active');
  // The form opens on the first box; typing starts once it has the focus.
  await expect(flexion).toBeFocused();
  await page.keyboard.type('60');
  await page.keyboard.press('Enter');
  // The first Enter asks and stays.
  await expect(flexion).toBeFocused();
  await expect(page.locator('.grid-message')).toContainText('118° last time');
  await expect(flexion).toHaveAttribute('aria-invalid', 'false');
  await page.getByRole('button', { name: 'Yes, 60° is right' }).click();
  await expect(page.locator('.grid-message')).not.toContainText('118° last time');
  // Changing the value asks again.
  await flexion.fill('55');
  await flexion.press('Enter');
  await expect(page.getByRole('button', { name: 'Yes, 55° is right' })).toBeVisible();
});

test('the other side is one button away, after the grid, and its boxes join the Enter order', async ({ page, app }) => {
  const p = await elbowPatient(app);
  await app.open(page, `#/patients/${p.id}/visits/new`);
  await expect(page.getByLabel('Left elbow flexion, active')).toHaveCount(0);
  const last = page.getByLabel('Right forearm supination, passive');
  await last.focus();
  // Enter on the last box goes where Tab would: the button that shows the left side.
  await page.keyboard.press('Enter');
  const show = page.getByRole('button', { name: 'Show left elbow and forearm' });
  await expect(show).toBeFocused();
  await page.keyboard.press('Enter');
  const leftFirst = page.getByLabel('Left elbow flexion, active');
  await expect(leftFirst).toBeFocused();
  await page.keyboard.type('140');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Left elbow flexion, passive')).toBeFocused();
});

test('every screen names itself in the window title and puts the focus on its heading', async ({ page, app }) => {
  const p = await elbowPatient(app);
  await app.open(page, '#/patients');
  await expect(page).toHaveTitle('Patients — ROMtrack');
  await page.getByRole('link', { name: 'OSEI, Kwame' }).click();
  await expect(page).toHaveTitle('OSEI, Kwame — ROMtrack');
  await expect(page.getByRole('heading', { name: 'OSEI, Kwame', exact: true })).toBeFocused();
  await page.getByRole('link', { name: 'Record a visit' }).click();
  await expect(page).toHaveTitle('Visit — OSEI, Kwame — ROMtrack');
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveTitle('Settings — ROMtrack');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeFocused();
  await app.open(page, `#/patients/${p.id}`);
  await expect(page).toHaveTitle('OSEI, Kwame — ROMtrack');
});

test('a header message takes its reserved line: the fields and the grid do not move', async ({ page, app }) => {
  const p = await elbowPatient(app);
  await page.setViewportSize({ width: 1024, height: 640 });
  await app.open(page, `#/patients/${p.id}/visits/new`);
  const therapist = page.getByLabel('Therapist', { exact: true });
  const first = page.getByLabel('Right elbow flexion, active');
  const before = [await therapist.boundingBox(), await first.boundingBox()];
  await page.getByLabel('Visit date').fill('2999-01-01');
  await page.getByLabel('Visit date').press('Control+Enter');
  await expect(page.getByText('Visit date cannot be in the future.')).toBeVisible();
  expect([await therapist.boundingBox(), await first.boundingBox()]).toEqual(before);
  // A refused value: its message is in the line above the grid, and the boxes stay where they were.
  await first.fill('400');
  await expect(page.locator('.grid-message')).toContainText('Elbow flexion must be');
  expect(await first.boundingBox()).toEqual(before[1]);
});
