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
