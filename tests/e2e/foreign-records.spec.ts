import { makePatient, twelveMeasurements } from '../support/clinical-fixtures';
import { startFhirServer } from '../support/fhir-server';
import { otherClinicVisit } from '../support/other-clinic';
import { expect, keepScreenshot, test } from './fixtures';

// The patient page's "Records from other clinics": fetched from the district's FHIR server (on loopback) when the
// person asks, shown in their own frame, each marked with the clinic it came from, never among the clinic's own.

test('the patient page fetches another clinic’s records and shows them apart, marked with their origin', async ({ page, app }, testInfo) => {
  test.setTimeout(120_000);
  const fhir = await startFhirServer('district-token');
  try {
    const patient = await makePatient(app.backend);
    await app.backend.ok('visits.record', { patientId: patient.id, date: '2026-03-02', measurements: twelveMeasurements() });
    await app.backend.ok('exchange.configureSync', { baseUrl: fhir.baseUrl, bearerToken: 'district-token' });
    await otherClinicVisit(fhir, 'district-token', patient.id, {
      clinicId: '0b6c7a52-2f52-4d3e-9a57-1f0e3c3b8a11',
      clinicName: 'Hilltop Health Centre',
      date: '2026-03-20',
      measurements: [
        ['Left elbow flexion (active)', 95],
        ['Left elbow extension (active)', -20],
      ],
    });

    await page.setViewportSize({ width: 1366, height: 768 });
    await app.open(page, `#/patients/${patient.id}`);
    const panel = page.getByRole('region', { name: 'Records from other clinics' });
    await expect(panel.getByText('Not fetched yet for this patient.')).toBeVisible();
    await panel.getByRole('button', { name: 'Fetch from the district server' }).click();
    await expect(panel.getByRole('status')).toHaveText('3 new records fetched.', { timeout: 60_000 });

    const table = panel.getByRole('table', { name: /Records from other clinics/ });
    const flexion = table.getByRole('row').filter({ hasText: 'Left elbow flexion (active): 95 °' });
    await expect(flexion).toContainText('Hilltop Health Centre');
    await expect(flexion).toContainText(fhir.baseUrl);
    await expect(table.getByRole('row').filter({ hasText: 'Left elbow extension (active): -20 °' })).toContainText('Hilltop Health Centre');
    await expect(table.getByRole('row')).toHaveCount(4);
    // Apart: Hilltop's records appear in this frame only, not in the clinic's own timeline or latest values.
    await expect(panel.getByText('Hilltop Health Centre')).toHaveCount(3);
    await expect(page.getByText('Hilltop Health Centre')).toHaveCount(3);
    await expect(page.getByText('Left elbow flexion (active): 95 °')).toHaveCount(1);

    // Asked again: nothing new.
    await panel.getByRole('button', { name: 'Fetch from the district server' }).click();
    await expect(panel.getByRole('status')).toHaveText('Nothing new on the server since the last fetch.', { timeout: 60_000 });

    await panel.scrollIntoViewIfNeeded();
    await keepScreenshot(page, testInfo, 'foreign-1366');
    await page.setViewportSize({ width: 1024, height: 640 });
    await panel.scrollIntoViewIfNeeded();
    await keepScreenshot(page, testInfo, 'foreign-1024');
  } finally {
    await fhir.close();
  }
});
