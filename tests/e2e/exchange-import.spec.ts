import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { createFormatter } from '../../shared/format';
import { expect, test } from './fixtures';

/** What the person sees at this size with the report scrolled into view (Settings is long; a full page hides it). */
async function keepView(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

// Import of a patient's file (issue 19) in Settings, in Chromium on server mode: a file from another workstation
// whose birth date differs shows what was matched and the decision screen; the choice, made with the keyboard,
// is applied and nothing else changes.

test('importing a file whose birth date differs shows both values, and the one chosen is taken', async ({ page, app }, testInfo) => {
  // Sample data and two full-page screenshots on a loaded machine.
  test.setTimeout(180_000);
  await app.backend.ok('sampleData.create', {});
  const patient = (await app.backend.ok('patients.list', {})).items.find((p) => p.clinicId === 'SAMPLE-001')!;
  const file = await app.backend.ok('exchange.exportFhir', { patientId: patient.id });
  // The same patient as another workstation holds it, with another birth date.
  const bundle = JSON.parse(file.content) as { entry: { resource: { resourceType: string; birthDate?: string } }[] };
  const theirs = bundle.entry.find((e) => e.resource.resourceType === 'Patient')!.resource;
  expect(theirs.birthDate).toBe(patient.dateOfBirth);
  theirs.birthDate = '1971-02-03';
  const measurementsBefore = (await app.backend.ok('patients.file', { patientId: patient.id })).visits.flatMap((v) => v.measurements).length;

  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open(page, '#/settings');
  const panel = page.getByRole('region', { name: 'Exchange' });
  await panel.getByLabel('Patient file', { exact: true }).setInputFiles({ name: 'from-ward-b.json', mimeType: 'application/fhir+json', buffer: Buffer.from(JSON.stringify(bundle)) });
  await panel.getByRole('button', { name: 'Import', exact: true }).click();

  const report = panel.getByRole('region', { name: 'Imported from-ward-b.json' });
  await expect(report).toContainText('one already here (the same ROMtrack record)');
  await expect(report).toContainText('nothing: everything in the file was already here');
  const decisions = report.getByRole('form', { name: 'Left for you to decide' });
  const group = decisions.getByRole('group', { name: 'Date of birth' });
  // Both dates in the clinic's format (the test clinic writes D MMM YYYY).
  const date = createFormatter({ dateFormat: 'D MMM YYYY', language: 'en' }).date;
  await expect(group.getByRole('radio', { name: `Keep this workstation's: ${date(patient.dateOfBirth)}` })).toBeChecked();
  const take = group.getByRole('radio', { name: `Take the file's: ${date('1971-02-03')}` });
  await expect(take).not.toBeChecked();
  await report.scrollIntoViewIfNeeded();
  await keepView(page, testInfo, 'import-decision-1366');
  await page.setViewportSize({ width: 1024, height: 640 });
  await report.scrollIntoViewIfNeeded();
  await keepView(page, testInfo, 'import-decision-1024');
  // Nothing was taken yet.
  expect((await app.backend.ok('patients.get', { id: patient.id })).dateOfBirth).toBe(patient.dateOfBirth);

  // With the keyboard: into the group, across to the file's value, then to the button.
  await group.getByRole('radio').first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(take).toBeChecked();
  await decisions.getByRole('button', { name: 'Apply these decisions' }).focus();
  await page.keyboard.press('Enter');

  await expect(panel.getByRole('status').filter({ hasText: 'Taken from the file: one detail' })).toBeVisible();
  await expect(panel.getByRole('form', { name: 'Left for you to decide' })).toHaveCount(0);
  expect((await app.backend.ok('patients.get', { id: patient.id })).dateOfBirth).toBe('1971-02-03');
  expect((await app.backend.ok('patients.file', { patientId: patient.id })).visits.flatMap((v) => v.measurements)).toHaveLength(measurementsBefore);
  await panel.getByRole('region', { name: 'Imported from-ward-b.json' }).scrollIntoViewIfNeeded();
  await keepView(page, testInfo, 'import-applied-1024');
});

test('a file that is not a ROMtrack export is refused whole, saying why', async ({ page, app }) => {
  await app.open(page, '#/settings');
  const panel = page.getByRole('region', { name: 'Exchange' });
  await panel.getByLabel('Patient file', { exact: true }).setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"resourceType":"Patient"}') });
  await panel.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(panel.getByRole('alert')).toContainText('not a FHIR transaction Bundle');
  await expect(panel.getByRole('region', { name: /^Imported/ })).toHaveCount(0);
});

test('a whole clinic file on the server is imported from Settings, and a second time finds everything there', async ({ page, app }, testInfo) => {
  test.setTimeout(180_000);
  await app.backend.ok('sampleData.create', {});
  const dir = mkdtempSync(join(tmpdir(), 'romtrack-e2e-clinic-'));
  try {
    const path = join(dir, 'clinic.ndjson');
    const written = await app.backend.ok('exchange.exportClinic', { path });
    await page.setViewportSize({ width: 1366, height: 768 });
    await app.open(page, '#/settings');
    const form = page.getByRole('form', { name: 'Import a whole clinic file' });
    await form.getByLabel('File to read').fill(path);
    await form.getByLabel('File to read').press('Enter');
    await expect(form.getByRole('status')).toHaveText(`Everything in the file (${written.patients} patients) was already here.`);
    await form.scrollIntoViewIfNeeded();
    await keepView(page, testInfo, 'clinic-import-1366');
    await page.setViewportSize({ width: 1024, height: 640 });
    await form.scrollIntoViewIfNeeded();
    await keepView(page, testInfo, 'clinic-import-1024');
    await form.getByLabel('File to read').fill(join(dir, 'missing.ndjson'));
    await form.getByRole('button', { name: 'Import the clinic file' }).click();
    await expect(form.getByText('missing.ndjson does not exist')).toBeVisible();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
