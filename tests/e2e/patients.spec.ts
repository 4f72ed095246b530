import AxeBuilder from '@axe-core/playwright';
import { expect, keepScreenshot, test } from './fixtures';

test('a therapist adds a patient, fixes a bad date of birth, finds them and opens their page', async ({ page, app }, testInfo) => {
  await app.open(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Patients' })).toBeVisible();
  await expect(page.getByText('No patients yet')).toBeVisible();
  // The token left the address bar once the page had it.
  expect(page.url()).not.toContain('token=');
  await keepScreenshot(page, testInfo, '1-empty-list');

  await page.getByRole('link', { name: 'New patient' }).click();
  await page.getByLabel('Family name').fill('Mensah');
  await page.getByLabel('Given names').fill('Kofi');
  await page.getByLabel('Clinic id').fill('RT-0042');
  await page.getByLabel('Date of birth').fill('1961-02-30');
  await page.getByLabel('Sex').selectOption('male');
  await page.getByLabel('Date of birth').press('Enter');

  const dob = page.getByLabel('Date of birth');
  await expect(dob).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('"1961-02-30" is not a real date: write it as D MMM YYYY or YYYY-MM-DD')).toBeVisible();
  await keepScreenshot(page, testInfo, '2-bad-date-of-birth');

  await dob.fill('1961-02-28');
  await expect(dob).toHaveAttribute('aria-invalid', 'false');
  await dob.press('Enter');

  await expect(page.getByRole('heading', { name: 'MENSAH, Kofi' })).toBeVisible();
  await expect(page.getByText('28 Feb 1961')).toBeVisible();
  await keepScreenshot(page, testInfo, '3-patient-page');

  await page.getByRole('link', { name: 'Patients', exact: true }).first().click();
  await page.getByLabel('Search by name, clinic id or date of birth').fill('men');
  await expect(page.getByRole('link', { name: 'MENSAH, Kofi' })).toBeVisible();
  await page.getByLabel('Search by name, clinic id or date of birth').fill('rt-00');
  await expect(page.getByRole('link', { name: 'MENSAH, Kofi' })).toBeVisible();
  await page.getByLabel('Search by name, clinic id or date of birth').fill('zzz');
  await expect(page.getByText('No patient matches "zzz".')).toBeVisible();
  await page.getByLabel('Search by name, clinic id or date of birth').fill('Mens');
  await keepScreenshot(page, testInfo, '4-search');
  await page.getByRole('link', { name: 'MENSAH, Kofi' }).click();
  await expect(page.getByRole('heading', { name: 'MENSAH, Kofi' })).toBeVisible();
});

test('the back end’s field message appears next to the field it concerns', async ({ page, app }) => {
  await app.backend.ok('patients.create', { familyName: 'Okafor', givenNames: 'Ada', clinicId: 'C-1', dateOfBirth: '1970-02-03', sex: 'female' });
  await app.open(page, '#/patients/new');
  await page.getByLabel('Family name').fill('Other');
  await page.getByLabel('Given names').fill('Person');
  await page.getByLabel('Clinic id').fill('C-1');
  await page.getByLabel('Date of birth').fill('1980-01-01');
  await page.getByLabel('Sex').selectOption('unknown');
  await page.getByRole('button', { name: 'Save patient' }).click();
  await expect(page.getByLabel('Clinic id')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/already belongs to Okafor, Ada/)).toBeVisible();
  expect((await app.backend.ok('patients.list', {})).total).toBe(1);
});

test('the patient screens pass an automated accessibility check', async ({ page, app }) => {
  const p = await app.backend.ok('patients.create', { familyName: 'Okafor', givenNames: 'Ada', clinicId: null, dateOfBirth: '1970-02-03', sex: 'female' });
  for (const hash of ['#/patients', '#/patients/new', `#/patients/${p.id}`]) {
    await app.open(page, hash);
    await expect(page.locator('h1')).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(results.violations.map((v) => `${hash}: ${v.id} ${v.help}`)).toEqual([]);
  }
});

test('the same names and date of birth ask first: open the existing record or create anyway; Enter opens a single search match', async ({ page, app }, testInfo) => {
  const kwame = await app.backend.ok('patients.create', { familyName: 'Osei', givenNames: 'Kwame', clinicId: null, dateOfBirth: '1992-03-17', sex: 'male' });
  await app.open(page, '#/patients/new');
  await page.getByLabel('Family name').fill('osei');
  await page.getByLabel('Given names').fill('Kwame');
  await page.getByLabel('Date of birth').fill('1992-03-17');
  await page.getByLabel('Sex').selectOption('male');
  await page.getByRole('button', { name: 'Save patient' }).click();
  const alert = page.locator('.duplicate-patient');
  await expect(alert).toHaveText('A patient OSEI, Kwame born 17 Mar 1992 already exists: open their record, or create a new patient anyway.');
  await expect(alert.getByRole('link', { name: 'open their record' })).toHaveAttribute('href', `#/patients/${kwame.id}`);
  await keepScreenshot(page, testInfo, '1-duplicate-asked');
  expect((await app.backend.ok('patients.list', {})).total).toBe(1);
  await alert.getByRole('button', { name: 'create a new patient anyway' }).click();
  await expect(page.getByRole('heading', { name: 'OSEI, Kwame' })).toBeVisible();
  expect((await app.backend.ok('patients.list', {})).total).toBe(2);

  // Search: any part, any order, accents ignored; Enter opens the one match.
  await app.backend.ok('patients.create', { familyName: 'Müller', givenNames: 'Zoë', clinicId: null, dateOfBirth: '1985-11-04', sex: 'female' });
  await app.open(page, '#/patients');
  const search = page.getByLabel('Search by name, clinic id or date of birth');
  await search.fill('zoe mul');
  await expect(page.getByRole('link', { name: 'MÜLLER, Zoë' })).toBeVisible();
  await search.press('Enter');
  await expect(page.getByRole('heading', { name: 'MÜLLER, Zoë' })).toBeVisible();
  await app.open(page, '#/patients');
  await page.getByLabel('Search by name, clinic id or date of birth').fill('osei, k');
  await page.getByLabel('Search by name, clinic id or date of birth').press('Enter');
  await expect(page.getByText('2 patients match: choose one from the list, or type more.')).toBeVisible();
});
