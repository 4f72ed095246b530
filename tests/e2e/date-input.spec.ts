import type { Locator } from '@playwright/test';
import { formatDate, todayLocal } from '../../shared/domain/dates';
import { expect, keepScreenshot, test } from './fixtures';

// Dates typed in the clinic's chosen format are read everywhere a date is entered, ISO too (issue #17, item 6):
// in a DD/MM/YYYY clinic, 04/03 is the fourth of March, stored as ISO and shown back as the clinic writes it.

type App = Parameters<Parameters<typeof test>[2]>[0]['app'];

/** A past 4 March: "04/03" reads differently in a DD/MM and an MM/DD clinic. */
const TYPED = '04/03/2025';
const STORED = '2025-03-04';

async function ddmmClinic(app: App) {
  const clinic = await app.backend.ok('clinic.get', {});
  await app.backend.ok('clinic.update', { name: clinic.name, address: clinic.address, phone: clinic.phone, logo: clinic.logo, paperSize: clinic.paperSize, dateFormat: 'DD/MM/YYYY', version: clinic.version });
  const p = await app.backend.ok('patients.create', { familyName: 'Mensah', givenNames: 'Kofi', dateOfBirth: '1961-02-28', sex: 'male' });
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'elbow', side: 'right', status: 'at_risk', since: '2025-01-10' });
  return p;
}

async function tick(box: Locator) {
  await box.press('Space');
  await expect(box).toBeChecked();
}

test('in a DD/MM/YYYY clinic, 04/03/2025 typed as a visit, an event and a plan date is stored as 2025-03-04 and shown as 04/03/2025', async ({ page, app }, testInfo) => {
  test.setTimeout(120_000);
  const p = await ddmmClinic(app);
  const timeline = page.locator('.timeline');

  // The visit: the box offers today as the clinic writes it, and says how to write a date.
  await app.open(page, `#/patients/${p.id}/visits/new`);
  const visitDate = page.getByLabel('Visit date');
  await expect(visitDate).toHaveValue(formatDate(todayLocal(), 'DD/MM/YYYY'));
  await expect(visitDate).toHaveAccessibleDescription('DD/MM/YYYY or YYYY-MM-DD, for example 14/03/2026');
  await visitDate.fill(TYPED);
  await page.getByLabel('Right elbow flexion, active').fill('120');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: `Visit of ${TYPED} saved: 1 measurement.` })).toBeVisible();
  await expect(timeline.getByRole('heading', { name: `${TYPED} Visit` })).toBeVisible();
  expect((await app.backend.ok('visits.list', { patientId: p.id })).map((v) => v.date)).toEqual([STORED]);

  // The event: a date that is not one is refused in the clinic's words; then the date is stored as ISO.
  await page.getByRole('link', { name: 'Add event' }).click();
  await page.getByLabel('Kind of event').selectOption({ label: 'Injury' });
  await page.getByLabel('What happened').fill('Fall on the right elbow');
  const eventDate = page.getByLabel('Date', { exact: true });
  await eventDate.fill('31/02/2025');
  await expect(page.getByText('"31/02/2025" is not a real date: write it as DD/MM/YYYY or YYYY-MM-DD.')).toBeVisible();
  await keepScreenshot(page, testInfo, 'event-date-refused-dd-mm');
  await eventDate.fill(TYPED);
  await page.getByRole('button', { name: 'Save event' }).click();
  await expect(timeline.getByRole('heading', { name: `${TYPED} Injury` })).toBeVisible();
  expect((await app.backend.ok('events.list', { patientId: p.id })).map((e) => e.date)).toEqual([STORED]);
  // A correction shows the stored date back in the clinic's format.
  await page.getByRole('button', { name: /^Correct injury/ }).click();
  await expect(page.getByRole('form', { name: 'Correct injury' }).getByLabel('Date', { exact: true })).toHaveValue(TYPED);
  await page.keyboard.press('Escape');

  // The plan: its start date typed the same way.
  await app.open(page, `#/patients/${p.id}/plans`);
  await page.getByRole('link', { name: 'New therapy plan' }).click();
  await page.getByLabel('Title').fill('Right elbow, early mobilisation');
  await page.getByLabel('Start date').fill(TYPED);
  await tick(page.getByRole('checkbox', { name: 'Right elbow' }));
  await tick(page.getByRole('radio', { name: 'Not allowed' }));
  const item = page.getByRole('group', { name: 'Item 1' });
  await item.getByLabel('Intervention').selectOption({ label: 'Active range-of-motion exercise' });
  await tick(item.getByRole('checkbox', { name: 'Elbow flexion' }));
  await item.getByLabel('Sets', { exact: true }).fill('3');
  await item.getByLabel('Repetitions', { exact: true }).fill('10');
  await item.getByLabel('Times', { exact: true }).fill('2');
  await page.getByRole('button', { name: 'Save plan' }).press('Enter');
  await expect(page.getByRole('heading', { name: 'Right elbow, early mobilisation', level: 1 })).toBeVisible();
  await expect(page.getByText(`from ${TYPED} (no end date)`).first()).toBeVisible();
  expect((await app.backend.ok('plans.list', { patientId: p.id })).map((plan) => plan.startDate)).toEqual([STORED]);
});

test('ISO is always read too, and a date of birth typed in the clinic format is kept', async ({ page, app }) => {
  await ddmmClinic(app);
  await app.open(page, '#/patients/new');
  await page.getByLabel('Family name').fill('Osei');
  await page.getByLabel('Given names').fill('Kwame');
  await page.getByLabel('Date of birth').fill('14/06/1958');
  await page.getByLabel('Sex').selectOption('male');
  await page.getByRole('button', { name: 'Save patient' }).click();
  await expect(page.getByRole('heading', { name: 'OSEI, Kwame' })).toBeVisible();
  await expect(page.getByText('14/06/1958')).toBeVisible();
  const osei = (await app.backend.ok('patients.list', { query: 'osei' })).items[0]!;
  expect(osei.dateOfBirth).toBe('1958-06-14');

  await page.getByRole('button', { name: 'Add a watched site' }).click();
  await page.getByLabel('Joint').selectOption({ label: 'Hip' });
  await page.getByLabel('Side').selectOption({ label: 'Left' });
  await page.getByLabel('Since').fill('2025-03-04');
  await page.getByRole('button', { name: 'Add site' }).click();
  await expect(page.getByRole('row', { name: /Left hip/ })).toContainText(TYPED);
});
