import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { SESSION_COOKIE, startServer, type RunningServer } from '../../electron/server/http-server';
import { openTestBackend, startSessionFor, type TestBackend } from '../support/backend';

const rendererDir = join(__dirname, '..', '..', 'build', 'renderer');

interface AppOptions {
  /** false: start from an empty database, as on first run. */
  setupDone: boolean;
  /** A database key for the test's database (encrypted at rest, with a recovery key); none by default. */
  databaseKey: Buffer | null;
}

interface AppFixture {
  /** The back end in server mode on a fresh SQLite file in a temp folder, with the built renderer. */
  app: {
    backend: TestBackend;
    server: RunningServer;
    /**
     * Opens the app in the page. With the clinic set up, the page's browser context is first signed in (a session
     * started in-process, its cookie added) as `as`, by default the first therapist, the administrator who is
     * signed in on `backend`'s own client.
     */
    open(page: Page, hash?: string, as?: string): Promise<void>;
    /** Signs the page's browser context in as this therapist (as after their right credential), without a reload. */
    signIn(page: Page, therapistId: string): Promise<void>;
  };
}

export const test = base.extend<AppFixture & AppOptions>({
  setupDone: [true, { option: true }],
  databaseKey: [null, { option: true }],
  app: async ({ setupDone, databaseKey }, use) => {
    if (!existsSync(join(rendererDir, 'index.html'))) {
      throw new Error('The renderer is not built: run "npm run build" first (npm test does it).');
    }
    const backend = openTestBackend({ setup: setupDone, ...(databaseKey ? { key: databaseKey } : {}) });
    const server = await startServer({ dispatch: backend.dispatch, staticDir: rendererDir });
    const signIn = async (page: Page, therapistId: string) => {
      const token = startSessionFor(backend, therapistId);
      await page.context().addCookies([{ name: SESSION_COOKIE, value: token, url: server.url, httpOnly: true, sameSite: 'Strict' }]);
    };
    await use({
      backend,
      server,
      signIn,
      open: async (page, hash = '', as) => {
        const first = backend.sessions.peek(backend.scope.token ?? undefined)?.session.therapistId;
        const who = as ?? first;
        if (who) await signIn(page, who);
        await page.goto(`${server.url}/${hash}`);
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

/** The two screen sizes a clinic's workstations have (the guide's 1366x768 and 1024x640). */
export const SCREEN_SIZES = [
  [1366, 768],
  [1024, 640],
] as const;

/**
 * The screen as it stands, at each of the clinic's sizes: no sideways scrolling, and a screenshot kept as
 * `<name>-<width>x<height>`. `arrange` runs after each resize, before the check (to scroll a part into view).
 */
export async function atBothSizes(page: Page, testInfo: TestInfo, name: string, arrange?: () => Promise<void>): Promise<void> {
  for (const [width, height] of SCREEN_SIZES) {
    await page.setViewportSize({ width, height });
    await arrange?.();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, `the page scrolls sideways at ${width}x${height}`).toBeLessThanOrEqual(width);
    await keepScreenshot(page, testInfo, `${name}-${width}x${height}`);
  }
}
