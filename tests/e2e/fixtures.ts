import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { startServer, type RunningServer } from '../../electron/server/http-server';
import { openTestBackend, type TestBackend } from '../support/backend';

const rendererDir = join(__dirname, '..', '..', 'build', 'renderer');

interface AppOptions {
  /** false: start from an empty database, as on first run. */
  setupDone: boolean;
}

interface AppFixture {
  /** The back end in server mode on a fresh SQLite file in a temp folder, with the built renderer. */
  app: { backend: TestBackend; server: RunningServer; open(page: Page, hash?: string): Promise<void> };
}

export const test = base.extend<AppFixture & AppOptions>({
  setupDone: [true, { option: true }],
  app: async ({ setupDone }, use) => {
    if (!existsSync(join(rendererDir, 'index.html'))) {
      throw new Error('The renderer is not built: run "npm run build" first (npm test does it).');
    }
    const backend = openTestBackend({ setup: setupDone });
    const server = await startServer({ dispatch: backend.dispatch, staticDir: rendererDir });
    await use({
      backend,
      server,
      open: async (page, hash = '') => {
        await page.goto(`${server.openUrl}${hash}`);
      },
    });
    await server.close();
    backend.dispose();
  },
  page: async ({ page }, use) => {
    // Nothing in the app may reach the network: any request off this machine fails the test.
    const offsite: string[] = [];
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) offsite.push(req.url());
    });
    const consoleErrors: string[] = [];
    page.on('console', (msg) => {
      // An API answer of 4xx is a result the page shows, not a fault; Chromium logs it anyway.
      const apiAnswer = msg.text().startsWith('Failed to load resource') && new URL(msg.location().url || 'about:blank').pathname.startsWith('/api/');
      if (msg.type() === 'error' && !apiAnswer) consoleErrors.push(msg.text());
    });
    page.on('pageerror', (err) => consoleErrors.push(err.message));
    await use(page);
    expect(offsite, 'requests that left this machine').toEqual([]);
    expect(consoleErrors, 'errors in the browser console (CSP violations show here)').toEqual([]);
  },
});

export { expect };

/** Keeps a screenshot of the screen as a test artifact (test-results/<test>/<name>.png). */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
