import AxeBuilder from '@axe-core/playwright';
import { expect, keepScreenshot, test } from './fixtures';

test('a voided measurement leaves the record but stays readable, with who voided it and why', async ({ page, app }, testInfo) => {
  const p = await app.backend.ok('patients.create', { familyName: 'Mensah', givenNames: 'Kofi', dateOfBirth: '1961-02-28', sex: 'male' });
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'elbow', side: 'right', status: 'confirmed', since: '2026-09-01' });
  const visit = await app.backend.ok('visits.record', {
    patientId: p.id,
    date: '2026-10-01',
    measurements: [
      { motion: 'elbow.flexion', side: 'right', mode: 'active', degrees: 112 },
      { motion: 'elbow.extension', side: 'right', mode: 'active', degrees: -25 },
    ],
  });
  await app.backend.ok('measurements.void', { id: visit.measurements[1]!.id, reason: 'Measured the left elbow by mistake' });

  await app.open(page, `#/patients/${p.id}`);
  const summary = page.getByText('Voided entries', { exact: true });
  await summary.focus();
  await page.keyboard.press('Enter');
  const row = page.getByRole('row').filter({ hasText: 'Right elbow extension, active' });
  await expect(row).toContainText('Measured the left elbow by mistake');
  await expect(row).toContainText('-25°');
  await expect(row).toContainText('Abena Owusu');
  await row.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('table', { name: /History of Right elbow extension/ })).toContainText('Voided');
  await keepScreenshot(page, testInfo, 'voided-entries');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.map((v) => `${v.id} ${v.help}`)).toEqual([]);
});

test('a visit recorded on the wrong patient is voided whole, with a reason, and stays readable', async ({ page, app }) => {
  const p = await app.backend.ok('patients.create', { familyName: 'Mensah', givenNames: 'Kofi', dateOfBirth: '1961-02-28', sex: 'male' });
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'knee', side: 'left', status: 'at_risk', since: '2026-09-01' });
  await app.backend.ok('visits.record', { patientId: p.id, date: '2026-10-01', notes: 'Seen for the other Mensah', measurements: [{ motion: 'knee.flexion', side: 'left', mode: 'active', degrees: 95 }] });
  await app.open(page, `#/patients/${p.id}`);
  await expect(page.getByText('Seen for the other Mensah')).toBeVisible();
  await page.getByRole('button', { name: 'Void visit of 1 Oct 2026' }).click();
  await page.getByLabel('Reason for voiding').fill('Recorded on the wrong patient');
  await page.getByLabel('Reason for voiding').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'was voided, with its measurements' })).toBeVisible();
  await expect(page.getByText('No visits or events yet.')).toBeVisible();
  await page.getByText('Voided entries', { exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: 'Visit, with its measurements' });
  await expect(row).toContainText('Recorded on the wrong patient');
  await expect(row).toContainText('Seen for the other Mensah');
  expect((await app.backend.ok('visits.list', { patientId: p.id })).length).toBe(0);
});
