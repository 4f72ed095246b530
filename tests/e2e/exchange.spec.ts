import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { CSV_COLUMNS } from '../../shared/exchange/csv';
import { expect, keepScreenshot, test } from './fixtures';

// Exports (issue 19) from the patient page and Settings, in Chromium on server mode with the six sample patients.

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { download, text: readFileSync(path, 'utf8') };
}

const csvLines = (text: string): string[] => text.split(/\r?\n/).filter((l) => l !== '');

test('the patient page saves this patient’s FHIR bundle and measurements as files', async ({ page, app }, testInfo) => {
  await app.backend.ok('sampleData.create', {});
  const patient = (await app.backend.ok('patients.list', {})).items.find((p) => p.clinicId === 'SAMPLE-001')!;
  const file = await app.backend.ok('patients.file', { patientId: patient.id });
  const measurements = file.visits.flatMap((v) => v.measurements).length;
  expect(measurements).toBeGreaterThan(0);
  await app.open(page, `#/patients/${patient.id}`);

  const exportPanel = page.getByRole('region', { name: 'Export' });
  const fhir = await downloaded(page, () => exportPanel.getByRole('button', { name: 'FHIR bundle (.json)' }).click());
  expect(fhir.download.suggestedFilename()).toBe(`romtrack-patient-${patient.id}.fhir.json`);
  const bundle = JSON.parse(fhir.text) as { resourceType: string; type: string; entry: { fullUrl: string; resource: { resourceType: string; subject?: { reference?: string }; identifier?: { value?: string }[] } }[] };
  expect(bundle.resourceType).toBe('Bundle');
  expect(bundle.type).toBe('transaction');
  const patients = bundle.entry.filter((e) => e.resource.resourceType === 'Patient');
  expect(patients).toHaveLength(1);
  expect(patients[0]!.resource.identifier?.map((i) => i.value)).toContain('SAMPLE-001');
  const observations = bundle.entry.filter((e) => e.resource.resourceType === 'Observation');
  expect(observations.length).toBeGreaterThanOrEqual(measurements);
  for (const o of observations) expect(o.resource.subject?.reference).toBe(patients[0]!.fullUrl);
  await expect(exportPanel.getByRole('status')).toContainText(`Saved romtrack-patient-${patient.id}.fhir.json`);

  const csv = await downloaded(page, () => exportPanel.getByRole('button', { name: 'Measurements (.csv)' }).click());
  expect(csv.download.suggestedFilename()).toMatch(/^romtrack-measurements-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...rows] = csvLines(csv.text);
  expect(header).toBe(CSV_COLUMNS.join(','));
  expect(rows).toHaveLength(measurements);
  for (const row of rows) expect(row.startsWith('SAMPLE-001,')).toBe(true);
  await expect(exportPanel.getByRole('status')).toContainText(`${measurements} measurements`);
  await exportPanel.scrollIntoViewIfNeeded();
  await keepScreenshot(page, testInfo, 'patient-export');
});

test('Settings saves the clinic’s measurements pseudonymised, without names or clinic ids', async ({ page, app }) => {
  await app.backend.ok('sampleData.create', {});
  await app.open(page, '#/settings');
  const panel = page.getByRole('region', { name: 'Exchange' });
  await panel.getByLabel('Pseudonymise for research').check();
  const csv = await downloaded(page, () => panel.getByRole('button', { name: 'Download CSV' }).click());
  expect(csv.download.suggestedFilename()).toMatch(/-pseudonymised\.csv$/);
  const [header, ...rows] = csvLines(csv.text);
  expect(header).toBe(CSV_COLUMNS.join(','));
  expect(rows.length).toBeGreaterThan(0);
  expect(new Set(rows.map((r) => r.split(',')[0]))).toEqual(new Set(['P0001', 'P0002', 'P0003', 'P0004', 'P0005', 'P0006']));
  expect(csv.text).not.toContain('SAMPLE-');
  expect(csv.text).not.toContain('Abena Owusu');
  await expect(panel.getByRole('status').filter({ hasText: 'of 6 patients' })).toBeVisible();
});

test('Settings writes the whole clinic as NDJSON to a path on the server, with progress and a result line', async ({ page, app }, testInfo) => {
  await app.backend.ok('sampleData.create', {});
  await app.open(page, '#/settings');
  const panel = page.getByRole('region', { name: 'Exchange' });
  const path = join(dirname(app.backend.dbPath), 'clinic.ndjson');
  const box = panel.getByLabel('File to write');

  // A relative path: the message stands next to the box, which is marked invalid; nothing is written.
  await box.fill('clinic.ndjson');
  await panel.getByRole('button', { name: 'Export the whole clinic' }).click();
  await expect(panel.getByText('Give the full path of the file to write')).toBeVisible();
  await expect(box).toHaveAttribute('aria-invalid', 'true');

  await box.fill(path);
  await panel.getByRole('button', { name: 'Export the whole clinic' }).click();
  const result = panel.getByRole('status').filter({ hasText: `Written to ${path}` });
  // The lines are written by a worker thread; run from the TypeScript sources (as here) it compiles them first,
  // a few seconds on a loaded machine, which the built app never does.
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByText('6 of 6 patients')).toBeVisible();
  await expect(panel.getByRole('progressbar', { name: 'Export progress' })).toHaveAttribute('value', '6');

  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l !== '');
  const resources = lines.map((l) => JSON.parse(l) as { resourceType: string; id: string });
  for (const r of resources) expect(typeof r.resourceType).toBe('string');
  expect(resources.filter((r) => r.resourceType === 'Patient')).toHaveLength(6);
  await expect(result).toContainText(`6 patients, ${new Intl.NumberFormat('en-GB').format(lines.length)} FHIR resources`);
  await keepScreenshot(page, testInfo, 'settings-exchange');

  // The same file again: the back end refuses to write over it, and its message stands next to the box.
  await panel.getByRole('button', { name: 'Export the whole clinic' }).click();
  await expect(panel.getByText('already exists. Choose a new file name')).toBeVisible();
  await expect(box).toHaveAttribute('aria-invalid', 'true');
});

for (const size of [
  { width: 1366, height: 768 },
  { width: 1024, height: 640 },
]) {
  test(`the export controls at ${size.width}x${size.height}`, async ({ page, app }, testInfo) => {
    await page.setViewportSize(size);
    await app.backend.ok('sampleData.create', {});
    const patient = (await app.backend.ok('patients.list', {})).items.find((p) => p.clinicId === 'SAMPLE-002')!;
    await app.open(page, `#/patients/${patient.id}`);
    const exportPanel = page.getByRole('region', { name: 'Export' });
    await exportPanel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`patient-export-${size.width}.png`) });
    await app.open(page, '#/settings');
    const panel = page.getByRole('region', { name: 'Exchange' });
    await panel.getByLabel('File to write').fill('relative.ndjson');
    await panel.getByRole('button', { name: 'Export the whole clinic' }).click();
    await expect(panel.getByText('Give the full path of the file to write')).toBeVisible();
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`settings-exchange-${size.width}.png`) });
  });
}
