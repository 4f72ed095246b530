import { makePatient, twelveMeasurements } from '../support/clinical-fixtures';
import { startFhirServer } from '../support/fhir-server';
import { expect, keepScreenshot, test } from './fixtures';

// The Exchange panel's sync section against a FHIR server on loopback: the browser talks only to ROMtrack; the
// back end pushes to the server.

test('an administrator sets the district server and sends the clinic with "Sync now"; the status says what waits', async ({ page, app }, testInfo) => {
  test.setTimeout(120_000);
  const fhir = await startFhirServer('district-token');
  try {
    // One patient with one visit: the in-memory FHIR engine is slow, and this is about the screen.
    const patient = await makePatient(app.backend);
    await app.backend.ok('visits.record', { patientId: patient.id, date: '2026-03-02', measurements: twelveMeasurements() });
    await page.setViewportSize({ width: 1366, height: 768 });
    await app.open(page, '#/settings');
    const panel = page.getByRole('region', { name: 'Sync with the district' });
    await expect(panel.getByText('Sync is off: nothing leaves this computer.')).toBeVisible();

    // Plain http to another computer is refused where it was typed.
    await panel.getByLabel('FHIR base address').fill('http://fhir.district.example/R4');
    await panel.getByRole('button', { name: 'Save server' }).click();
    await expect(panel.getByText('Use https:// for a server on another computer')).toBeVisible();

    await panel.getByLabel('FHIR base address').fill(fhir.baseUrl);
    await panel.getByLabel('Bearer token').fill('district-token');
    await panel.getByRole('button', { name: 'Save server' }).click();
    await expect(panel.getByText('A token is set.')).toBeVisible();
    await expect(panel.getByLabel('Bearer token')).toHaveValue('');

    await panel.getByRole('button', { name: 'Sync now' }).click();
    await expect(panel.getByText(/Last synced .*, 0 patients waiting\./)).toBeVisible({ timeout: 60_000 });
    expect((await fhir.all('Patient')).length).toBe(1);
    await keepScreenshot(page, testInfo, 'sync-1366');
    await page.setViewportSize({ width: 1024, height: 640 });
    await panel.scrollIntoViewIfNeeded();
    await keepScreenshot(page, testInfo, 'sync-1024');
  } finally {
    await fhir.close();
  }
});
