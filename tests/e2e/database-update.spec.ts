// Server mode started on a clinic's file from version 17 (the built electron/cli/serve.js, as `npm run serve`
// runs it): the server listens at once, the page shows the update screen with its step and progress bar (in
// the browser's language), the console prints the progress too, and when the update is done the page moves on to
// the first screen by itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { clinicAt17 } from '../support/measurements-at-17';
import type { DatabaseAtVersion } from '../support/migrate-to';
import { makeTempDir } from '../support/temp-dir';

const serve = join(__dirname, '..', '..', 'build', 'node', 'electron', 'cli', 'serve.js');
// Helper U's port range for this session's specs (4800-4809): one port per test, so a server still closing from
// the test before never holds the next one's.
const PORTS = { english: 4801, french: 4802 };

interface Started {
  child: ChildProcess;
  output: () => string;
  release: () => void;
}

/**
 * Starts server mode on the file with ROMTRACK_TEST_UPDATE_HOLD (read only by the update worker, see
 * electron/backup/update-worker.ts): the update stops after its first rows until `release` is called. Without it,
 * the few thousand readings here are updated in well under a second and the screen could not be seen reliably.
 */
function startServe(dbPath: string, folder: string, port: number): Started {
  const hold = join(folder, 'release-the-update');
  const child = spawn(process.execPath, [serve, '--port', String(port), '--db', dbPath, '--key-file', join(folder, 'romtrack.key')], {
    env: { ...process.env, ROMTRACK_TEST_UPDATE_HOLD: hold },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out, release: () => writeFileSync(hold, '') };
}

async function shoot(page: Page, name: string, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.screenshot({ path: test.info().outputPath(`${name}-${width}x${height}.png`), fullPage: true });
}

test.describe('the database update at start, in server mode', () => {
  const cleanups: (() => unknown)[] = [];
  // Awaited one by one: a context still closing when the worker's next test starts closes that test's page too.
  test.afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  test('shows the update screen with its progress, then the first screen', async ({ page }) => {
    test.setTimeout(120_000);
    const open: DatabaseAtVersion[] = [];
    const { d } = clinicAt17(open);
    d.db.close();
    const folder = makeTempDir('romtrack-update-e2e-');
    cleanups.push(() => open.forEach((x) => x.dispose()), folder.cleanup);
    const PORT = PORTS.english;
    const started = startServe(d.path, folder.dir, PORT);
    cleanups.push(() => started.child.kill('SIGKILL'));
    await expect.poll(started.output, { timeout: 60_000 }).toContain(`http://127.0.0.1:${PORT}`);

    await page.goto(`http://127.0.0.1:${PORT}/`);
    await expect(page.getByRole('heading', { name: 'Updating the database' })).toBeVisible({ timeout: 60_000 });
    const bar = page.getByRole('progressbar', { name: 'Progress of the database update' });
    // Held inside the migration after its first whole percent: step 2 of 3, part of the way. The step's start (0%)
    // is shown first, so the bar is read once it has moved, not as soon as the step's name appears.
    await expect(page.getByText('Step 2 of 3: carrying the records over to the new layout')).toBeVisible({ timeout: 30_000 });
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(0);
    const now = Number(await bar.getAttribute('aria-valuenow'));
    expect(now).toBeLessThan(100);
    await expect(bar).toHaveAttribute('aria-valuetext', new RegExp(`^Step 2 of 3: .*: ${now}% done$`));
    await expect(page.getByText(`${now}% done`)).toBeVisible();
    await expect(page.getByText(/Do not switch off the computer/)).toBeVisible();
    // Every other operation is refused meanwhile, with its message id.
    const refused = await page.evaluate(async () => (await fetch('/api/session.get', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json());
    expect(refused).toMatchObject({ ok: false, error: { messageRef: { id: 'update.refused.busy' } } });
    expect(started.output()).toMatch(/Updating the database from version 17 to 18\. Step 2 of 3: carrying the records over to the new layout: \d+%/);
    await shoot(page, 'update-screen', 1366, 768);
    await shoot(page, 'update-screen', 1024, 640);

    started.release();
    // Done: the first screen of a clinic from before this version (someone signs in), with no reload.
    await expect(page.locator('#sign-in-heading, #accounts-heading')).toBeVisible({ timeout: 60_000 });
    await expect(bar).toHaveCount(0);
    await expect.poll(started.output, { timeout: 30_000 }).toMatch(/updated from version 17 to 18 \(a backup was taken first: .*\); (compacted from|not compacted .*only \d+ MB of the file is empty pages)/);
  });

  test('in French for a browser set to French', async ({ browser }) => {
    test.setTimeout(120_000);
    const open: DatabaseAtVersion[] = [];
    const { d } = clinicAt17(open);
    d.db.close();
    const folder = makeTempDir('romtrack-update-e2e-');
    cleanups.push(() => open.forEach((x) => x.dispose()), folder.cleanup);
    const PORT = PORTS.french;
    const started = startServe(d.path, folder.dir, PORT);
    cleanups.push(() => started.child.kill('SIGKILL'));
    await expect.poll(started.output, { timeout: 60_000 }).toContain(`http://127.0.0.1:${PORT}`);
    const context = await browser.newContext({ locale: 'fr-FR' });
    cleanups.push(() => context.close());
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await expect(page.getByRole('heading', { name: 'Mise à jour de la base de données' })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText('Étape 2 sur 3 : reprise des dossiers dans la nouvelle organisation')).toBeVisible({ timeout: 30_000 });
    await shoot(page, 'update-screen-fr', 1024, 640);
    started.release();
    await expect(page.locator('#sign-in-heading, #accounts-heading')).toBeVisible({ timeout: 60_000 });
  });
});
