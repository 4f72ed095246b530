import { formatDate, todayLocal } from '../../shared/domain/dates';
import { expect, keepScreenshot, test } from './fixtures';

const today = formatDate(todayLocal());

test('clinical events: an absurd ALP is refused, an X-ray classifies its site, a correction needs a reason and keeps its history', async ({ page, app }, testInfo) => {
  const p = await app.backend.ok('patients.create', { familyName: 'Mensah', givenNames: 'Kofi', dateOfBirth: '1961-02-28', sex: 'male' });
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'elbow', side: 'right', status: 'suspected', since: todayLocal() });
  await app.open(page, `#/patients/${p.id}`);

  // A lab result, with the ALP preset; 9000 U/L cannot be right and nothing is saved.
  await page.getByRole('link', { name: 'Add event' }).click();
  await page.getByLabel('Kind of event').selectOption({ label: 'Lab result' });
  await page.getByRole('button', { name: 'Serum alkaline phosphatase (U/L)' }).click();
  await expect(page.getByLabel('Test', { exact: true })).toHaveValue('Serum alkaline phosphatase');
  await expect(page.getByRole('textbox', { name: 'Unit' })).toHaveValue('U/L');
  await expect(page.getByRole('textbox', { name: 'Result' })).toBeFocused();
  await page.keyboard.type('9000');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Alkaline phosphatase must be more than 0 and at most 5000 U/L; 9000 cannot be right.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Result' })).toHaveAttribute('aria-invalid', 'true');
  await keepScreenshot(page, testInfo, '1-alp-refused');
  expect(await app.backend.ok('events.list', { patientId: p.id })).toHaveLength(0);
  await page.getByRole('textbox', { name: 'Result' }).fill('240');
  await page.getByRole('textbox', { name: 'Result' }).press('Enter');
  await expect(page.getByText('Serum alkaline phosphatase: 240 U/L')).toBeVisible();

  // An NSAID course cannot end before it starts.
  await page.getByRole('link', { name: 'Add event' }).click();
  await page.getByLabel('Kind of event').selectOption({ label: 'NSAID course' });
  await page.getByLabel('Drug and dose').fill('Indomethacin 25 mg three times a day');
  await page.getByLabel('End date').fill('2001-01-01');
  await page.getByRole('button', { name: 'Save event' }).click();
  await expect(page.getByText('The course cannot end before it starts. Check both dates.')).toBeVisible();
  await page.getByLabel('End date').fill('');
  await page.getByRole('button', { name: 'Save event' }).click();
  await expect(page.getByText('Indomethacin 25 mg three times a day; ongoing (no end date)')).toBeVisible();

  // An X-ray of the right elbow with its Hastings-Graham class: the watched site shows it.
  await page.getByRole('link', { name: 'Add event' }).click();
  await page.getByLabel('Kind of event').selectOption({ label: 'X-ray' });
  await page.getByLabel('Joint').selectOption({ label: 'Elbow' });
  await page.getByLabel('Side').selectOption({ label: 'Right' });
  await page.getByLabel('Classification').selectOption({ label: 'Hastings-Graham IIA: limits flexion-extension' });
  await page.getByLabel('Findings').fill('Bridging bone posterior to the olecranon');
  await keepScreenshot(page, testInfo, '2-xray-form');
  await page.getByRole('button', { name: 'Save event' }).click();
  const site = page.getByRole('row', { name: /Right elbow/ });
  await expect(site).toContainText(`Hastings-Graham IIA: limits flexion-extension (X-ray ${today})`);

  // Correct the lab result: the reason is required; the history shows both versions and the reason.
  await page.getByRole('button', { name: `Correct lab result of ${today}` }).click();
  await page.getByRole('textbox', { name: 'Result' }).fill('250');
  await page.getByRole('button', { name: 'Save correction' }).click();
  await expect(page.getByText('A reason for the correction is required.')).toBeVisible();
  await page.getByLabel('Reason for the correction').fill('Typed from the wrong report');
  await page.getByRole('button', { name: 'Save correction' }).click();
  await expect(page.getByText('Serum alkaline phosphatase: 250 U/L')).toBeVisible();
  await page.getByRole('button', { name: `History of lab result of ${today}` }).click();
  const history = page.getByRole('table', { name: `History of lab result of ${today}` });
  await expect(history.getByRole('row').nth(1)).toContainText('240 U/L');
  await expect(history.getByRole('row').nth(2)).toContainText('250 U/L');
  await expect(history.getByRole('row').nth(2)).toContainText('Typed from the wrong report');

  // Void the NSAID course, with a reason: it leaves the timeline.
  await page.getByRole('button', { name: `Void nsaid course of ${today}` }).click();
  await page.getByLabel('Reason for voiding').fill('Entered for the wrong patient');
  await page.getByRole('button', { name: 'Void', exact: true }).click();
  await expect(page.getByText('Indomethacin 25 mg')).toBeHidden();
  await keepScreenshot(page, testInfo, '3-timeline-with-events');
});

test('the HO profile: risk factors with dates, a site’s status changed, a site voided with a reason', async ({ page, app }, testInfo) => {
  const p = await app.backend.ok('patients.create', { familyName: 'Okafor', givenNames: 'Ada', dateOfBirth: '1970-02-03', sex: 'female' });
  await app.open(page, `#/patients/${p.id}`);

  await page.getByRole('button', { name: 'Add a risk factor' }).click();
  await page.getByLabel('Risk factor', { exact: true }).selectOption({ label: 'Burns' });
  await page.getByLabel('Date', { exact: true }).fill('1960-01-01');
  await page.getByRole('button', { name: 'Add risk factor' }).click();
  await expect(page.getByText(/before the patient's date of birth/)).toBeVisible();
  await page.getByLabel('Date', { exact: true }).fill('2024-05-02');
  await page.getByLabel('Note').fill('Burns over 30% of the body');
  await page.getByRole('button', { name: 'Add risk factor' }).click();
  await expect(page.getByRole('row', { name: /Burns/ })).toContainText('2 May 2024');

  await page.getByRole('button', { name: 'Add a watched site' }).click();
  await page.getByLabel('Joint').selectOption({ label: 'Elbow' });
  await page.getByLabel('Side').selectOption({ label: 'Left' });
  await page.getByRole('button', { name: 'Add site' }).click();
  await expect(page.getByRole('row', { name: /Left elbow/ })).toContainText('At risk');

  await page.getByRole('button', { name: 'Change status of Left elbow' }).click();
  await page.getByLabel('New status').selectOption({ label: 'Confirmed' });
  await page.getByRole('button', { name: 'Save status' }).click();
  await expect(page.getByRole('row', { name: /Left elbow/ })).toContainText('Confirmed');
  await keepScreenshot(page, testInfo, '1-profile');

  await page.getByRole('button', { name: 'Void Left elbow' }).click();
  await page.getByRole('button', { name: 'Void', exact: true }).click();
  await expect(page.getByText('A reason for the voiding is required.')).toBeVisible();
  await page.getByLabel('Reason for voiding').fill('Wrong side');
  await page.getByRole('button', { name: 'Void', exact: true }).click();
  await expect(page.getByText('No joint is watched yet.')).toBeVisible();
});

test('an X-ray graded Brooker II on a suspected hip offers "confirmed", and the profile shows it; an excision offers "excised"', async ({ page, app }, testInfo) => {
  const p = await app.backend.ok('patients.create', { familyName: 'Osei', givenNames: 'Kwame', dateOfBirth: '1992-03-17', sex: 'male' });
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'hip', side: 'right', status: 'suspected', since: '2026-01-05' });
  await app.open(page, `#/patients/${p.id}`);

  await page.getByRole('link', { name: 'Add event' }).click();
  await page.getByLabel('Kind of event').selectOption({ label: 'X-ray' });
  await page.getByLabel('Joint').selectOption({ label: 'Hip' });
  await page.getByLabel('Side').selectOption({ label: 'Right' });
  // Nothing to offer until the X-ray has a grade above 0.
  await expect(page.getByLabel('Status of the right hip')).toHaveCount(0);
  await page.getByLabel('Classification').selectOption({ label: 'Brooker II: spurs, at least 1 cm apart' });
  const status = page.getByLabel('Status of the right hip');
  await expect(status.getByRole('option')).toHaveText(['Leave suspected', 'Confirmed']);
  await expect(page.getByText('Now suspected since 5 Jan 2026.')).toBeVisible();
  await status.selectOption({ label: 'Confirmed' });
  await keepScreenshot(page, testInfo, '1-xray-offers-confirmed');
  await page.getByRole('button', { name: 'Save event' }).click();
  const site = page.getByRole('row', { name: /Right hip/ });
  await expect(site).toContainText('Confirmed');
  await expect(site).toContainText(`Brooker II: spurs, at least 1 cm apart (X-ray ${today})`);

  // A surgery on the watched hip asks whether HO was excised; "yes" offers "excised".
  await page.getByRole('link', { name: 'Add event' }).click();
  await page.getByLabel('Kind of event').selectOption({ label: 'Surgery' });
  await page.getByLabel('Joint (optional)').selectOption({ label: 'Hip' });
  await page.getByLabel('Side (optional)').selectOption({ label: 'Right' });
  await page.getByLabel('Operation').fill('Open excision of heterotopic bone');
  await expect(page.getByLabel('Status of the right hip')).toHaveCount(0);
  await page.getByRole('radio', { name: 'Yes' }).check();
  await expect(page.getByLabel('Status of the right hip').getByRole('option')).toHaveText(['Leave confirmed', 'Excised']);
  await page.getByLabel('Status of the right hip').selectOption({ label: 'Excised' });
  await keepScreenshot(page, testInfo, '2-excision-offers-excised');
  await page.getByRole('button', { name: 'Save event' }).click();
  await expect(page.getByRole('row', { name: /Right hip/ })).toContainText('Excised');
  const sites = (await app.backend.ok('profile.get', { patientId: p.id })).sites;
  expect(sites.map((s) => s.status)).toEqual(['excised']);
});
