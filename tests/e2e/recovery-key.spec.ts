// The recovery key sheet in Settings: shown only when asked for, readable, printed on a page of its own.
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { formatRecoveryKey, newDatabaseKey } from '../../electron/db/database-key';
import { SESSION_COOKIE, startServer, type RunningServer } from '../../electron/server/http-server';
import { openTestBackend, startSessionFor, type TestBackend } from '../support/backend';
import { printPdf } from './print-pdf';

const rendererDir = join(__dirname, '..', '..', 'build', 'renderer');

/** Like fixtures.ts's app, on an encrypted database (the fixture's is plain), signed in as its administrator. */
const test = base.extend<{ encrypted: { backend: TestBackend; server: RunningServer; key: Buffer; open(page: Page): Promise<void> } }>({
  encrypted: async ({}, use) => {
    const key = newDatabaseKey();
    const backend = openTestBackend({ key });
    const server = await startServer({ dispatch: backend.dispatch, staticDir: rendererDir });
    await use({
      backend,
      server,
      key,
      open: async (page) => {
        const admin = backend.actorId()!;
        await page.context().addCookies([{ name: SESSION_COOKIE, value: startSessionFor(backend, admin), url: server.url, httpOnly: true, sameSite: 'Strict' }]);
        await page.goto(`${server.url}/#/settings`);
      },
    });
    await server.close();
    backend.dispose();
  },
});

for (const [width, height] of [
  [1366, 768],
  [1024, 640],
] as const) {
  test(`shows the recovery key only when asked, by keyboard, and prints the sheet alone (${width}x${height})`, async ({ page, encrypted }, testInfo) => {
    await page.setViewportSize({ width, height });
    await encrypted.open(page);
    const panel = page.getByRole('region', { name: 'Recovery key' });
    await expect(panel.getByText('only way to open a backup on another computer')).toBeVisible();
    const printed = formatRecoveryKey(encrypted.key);
    // Not on screen until asked for.
    await expect(page.getByText(printed.slice(0, 5), { exact: true })).toHaveCount(0);

    const show = panel.getByRole('button', { name: 'Show the recovery key' });
    await show.focus();
    await page.keyboard.press('Enter');
    const sheet = panel.getByLabel('Recovery key, in groups of five');
    await expect(sheet).toHaveText(printed.replace(/-/g, ''));
    await expect(panel.getByRole('heading', { name: /ROMtrack recovery key for Riverside Rehabilitation Clinic/ })).toBeVisible();
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`recovery-key-${width}x${height}.png`) });

    // The print button marks the page so that only the sheet prints (the browser's own dialog is not opened here).
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await panel.getByRole('button', { name: 'Print the recovery key sheet' }).click();
    const pdf = await printPdf(page, testInfo, `recovery-key-sheet-${width}`);
    for (const group of printed.split('-')) expect(pdf.text).toContain(group);
    expect(pdf.text).toContain('Printed on');
    expect(pdf.text).not.toContain('Back up now');
    expect(pdf.text).not.toContain('Settings');
    expect(pdf.pages).toBe(1);

    await panel.getByRole('button', { name: 'Hide the key' }).click();
    await expect(sheet).toHaveCount(0);
  });
}
