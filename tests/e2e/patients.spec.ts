import AxeBuilder from '@axe-core/playwright';
import { expect, keepScreenshot, test } from './fixtures';

test('a therapist adds a patient, fixes a bad date of birth, finds them and opens their page', async ({ page, app }, testInfo) => {
  await app.open(page);
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
  await expect(page.getByText('Date of birth must be a real date written YYYY-MM-DD')).toBeVisible();
  await keepScreenshot(page, testInfo, '2-bad-date-of-birth');

  await dob.fill('1961-02-28');
  await expect(dob).toHaveAttribute('aria-invalid', 'false');
  await dob.press('Enter');

  await expect(page.getByRole('heading', { name: 'MENSAH, Kofi' })).toBeVisible();
  await expect(page.getByText('28 Feb 1961')).toBeVisible();
  await keepScreenshot(page, testInfo, '3-patient-page');

  await page.getByRole('link', { name: 'Patients', exact: true }).first().click();
  await page.getByLabel('Search by name or clinic id').fill('men');
  await expect(page.getByRole('link', { name: 'MENSAH, Kofi' })).toBeVisible();
  await page.getByLabel('Search by name or clinic id').fill('rt-00');
  await expect(page.getByRole('link', { name: 'MENSAH, Kofi' })).toBeVisible();
  await page.getByLabel('Search by name or clinic id').fill('zzz');
  await expect(page.getByText('No patient matches "zzz".')).toBeVisible();
  await page.getByLabel('Search by name or clinic id').fill('Mens');
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
