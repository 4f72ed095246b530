import { createServer, type Server } from 'node:http';
import type { Page, TestInfo } from '@playwright/test';
import { patientBundle } from '../../shared/exchange/bundle';
import { makePatient } from '../support/clinical-fixtures';
import { measurement, source } from '../support/exchange-fixtures';
import type { TestBackend } from '../support/backend';
import { expect, test } from './fixtures';

// Issue 20: the exchange's problems travel as message ids. With the clinic set to French, a refused import file
// lists its problems in French, and a sync the district server failed says why in French in Settings; the API
// caller still reads English.

const ENGLISH_WORDS = /\b(the|is|not|must|has|missing|does|Entry|file|server|answered|cannot)\b/;
// The loopback port given to this spec (helper L1's range).
const PORT = 4799;

/** The screen as a person sees it (the viewport, not the whole long Settings page), kept as a test artifact. */
async function keepView(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function inFrench(backend: TestBackend): Promise<void> {
  const { updatedAt: _at, ...clinic } = await backend.ok('clinic.get', {});
  await backend.ok('clinic.update', { ...clinic, language: 'fr' });
}

test('a broken patient file is refused with its problems in French', async ({ page, app }, testInfo) => {
  await inFrench(app.backend);
  const bundle = patientBundle(source(measurement()));
  const n = bundle.entry!.findIndex((e) => e.resource?.resourceType === 'Encounter') + 1;
  const visit = bundle.entry![n - 1]!.resource!;
  if (visit.resourceType !== 'Encounter') throw new Error('no visit');
  delete visit.period;
  const content = JSON.stringify(bundle);

  // The API caller reads English, with the id beside it.
  const refused = await app.backend.call('exchange.importFhir', { content });
  expect(refused.ok).toBe(false);
  if (refused.ok) return;
  expect(refused.error.message).toContain(`Entry ${n} (Encounter): the visit has no date`);
  expect(refused.error.messageRef?.id).toBe('exchange.error.fileRefused');

  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open(page, '#/settings');
  const panel = page.getByRole('region', { name: 'Échange' });
  await panel.getByLabel('Fichier du patient', { exact: true }).setInputFiles({ name: 'visite.json', mimeType: 'application/json', buffer: Buffer.from(content) });
  await panel.getByRole('button', { name: 'Importer', exact: true }).click();
  const alert = panel.getByRole('alert');
  await expect(alert).toHaveText(`Ce fichier ne peut pas être importé : Entrée ${n} (Encounter) : la visite n’a pas de date (period.start, AAAA-MM-JJ).`);
  expect(await alert.textContent()).not.toMatch(ENGLISH_WORDS);
  await alert.scrollIntoViewIfNeeded();
  await keepView(page, testInfo, 'import-refused-fr-1366');
  await page.setViewportSize({ width: 1024, height: 640 });
  await alert.scrollIntoViewIfNeeded();
  await keepView(page, testInfo, 'import-refused-fr-1024');
});

test('a sync the district server answers with HTTP 500 says why in French in Settings', async ({ page, app }, testInfo) => {
  test.setTimeout(120_000);
  // A district server that fails every request, in its own words (an OperationOutcome).
  const server: Server = createServer((_req, res) => {
    res.writeHead(500, { 'content-type': 'application/fhir+json' });
    res.end(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', diagnostics: 'database offline' }] }));
  });
  await new Promise<void>((resolve) => server.listen(PORT, '127.0.0.1', resolve));
  try {
    await inFrench(app.backend);
    await makePatient(app.backend);
    await app.backend.ok('exchange.configureSync', { baseUrl: `http://127.0.0.1:${PORT}/fhir`, bearerToken: 'district-token' });
    await app.backend.ok('exchange.syncNow', {});
    // The push retries a 5xx with back-off (about 7 s) before it gives up.
    await expect.poll(async () => (await app.backend.ok('exchange.syncStatus', {})).lastError, { timeout: 60_000 }).not.toBeNull();
    const status = await app.backend.ok('exchange.syncStatus', {});
    expect(status.lastError?.message).toBe('The server answered HTTP 500. It said: “database offline”.');
    expect(status.lastError?.messageRef?.id).toBe('exchange.sync.error.said');

    await page.setViewportSize({ width: 1366, height: 768 });
    await app.open(page, '#/settings');
    const alert = page.getByRole('alert').filter({ hasText: 'Le dernier essai' });
    await expect(alert).toContainText('Le serveur a répondu HTTP 500. Réponse reçue : « database offline ».');
    // The server's own words stay as it wrote them; nothing else is English.
    expect((await alert.textContent())!.replace('database offline', '')).not.toMatch(ENGLISH_WORDS);
    await alert.scrollIntoViewIfNeeded();
    await keepView(page, testInfo, 'sync-failed-fr-1366');
    await page.setViewportSize({ width: 1024, height: 640 });
    await alert.scrollIntoViewIfNeeded();
    await keepView(page, testInfo, 'sync-failed-fr-1024');
  } finally {
    await app.backend.ok('exchange.configureSync', { baseUrl: null });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
