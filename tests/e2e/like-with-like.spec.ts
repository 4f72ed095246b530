import { todayLocal } from '../../shared/domain/dates';
import { expect, keepScreenshot, test } from './fixtures';

const daysAgo = (n: number) => todayLocal(new Date(Date.now() - n * 86_400_000));

// Readings are compared like with like (same therapist, same instrument): the visit form says so as soon as
// today's choice would start a new comparison, and how to bridge an instrument change.
test('the visit form notes a change of instrument or therapist since the last visit, and suggests a bridge', async ({ app, page }, testInfo) => {
  const p = await app.backend.ok('patients.create', { familyName: 'Boateng', givenNames: 'Ama', clinicId: 'RT-0077', dateOfBirth: '1980-05-05', sex: 'female' });
  await app.backend.ok('sites.add', { patientId: p.id, joint: 'elbow', side: 'right', status: 'at_risk', since: daysAgo(30) });
  await app.backend.ok('visits.record', {
    patientId: p.id,
    date: daysAgo(7),
    defaults: { instrument: 'goniometer' },
    measurements: [{ motion: 'elbow.flexion', side: 'right', mode: 'active', degrees: 120 }],
  });
  await app.open(page, `#/patients/${p.id}/visits/new`);
  const hint = page.locator('.comparability-hint');
  await expect(page.getByLabel('Default instrument')).toHaveValue('goniometer');
  await expect(hint).toHaveText('');

  await page.getByLabel('Default instrument').selectOption('smartphone');
  await expect(hint).toContainText('measured with the universal goniometer');
  await expect(hint).toContainText('with both instruments today');
  await page.setViewportSize({ width: 1024, height: 640 });
  await keepScreenshot(page, testInfo, 'visit-instrument-change-1024');

  await page.getByLabel('Default instrument').selectOption('goniometer');
  await expect(hint).toHaveText('');
});
