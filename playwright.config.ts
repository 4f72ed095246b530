import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser; PLAYWRIGHT_CHROMIUM overrides it on machines with Playwright's own.
const executablePath = process.env.PLAYWRIGHT_CHROMIUM ?? '/usr/bin/chromium';

// The daily path (issue 17) must work on the clinic's 1366×768 screens and on old 1024×640 laptops: those specs
// run once at each size; every other spec runs once at the default size.
const DAILY_PATH = [
  'e2e/visit-entry.spec.ts',
  'e2e/visit-extend.spec.ts',
  'e2e/date-input.spec.ts',
  'e2e/events.spec.ts',
  'e2e/patients.spec.ts',
  'e2e/report-reprint.spec.ts',
];

export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  outputDir: 'test-results',
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    headless: true,
    viewport: { width: 1200, height: 800 },
    launchOptions: {
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'default', testIgnore: DAILY_PATH },
    { name: '1366x768', testMatch: DAILY_PATH, use: { viewport: { width: 1366, height: 768 } } },
    { name: '1024x640', testMatch: DAILY_PATH, use: { viewport: { width: 1024, height: 640 } } },
  ],
});
