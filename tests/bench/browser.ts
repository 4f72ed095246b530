// The browser half of the benchmark: server mode as a separate process (so its memory is its own),
// Debian's Chromium driven by Playwright, timings from navigation to what the therapist sees.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page, type Response } from '@playwright/test';
import { BENCH_PIN } from './generate-clinic';
import type { BenchRow } from './harness';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function startServer(dbPath: string): Promise<{ child: ChildProcess; url: string }> {
  const serve = join(__dirname, '..', '..', 'electron', 'cli', 'serve.js');
  const child = spawn(process.execPath, [serve, '--port', '0', '--db', dbPath], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\s/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.on('exit', (code) => reject(new Error(`server mode exited (${code}): ${out}`)));
  });
}

function residentMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return kb ? Number(kb[1]) / 1024 : NaN;
}

// No string evaluation: the app's CSP forbids eval, and this file is compiled without the DOM library.
async function setHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = h;
  }, hash);
}

const DRAWN = '.sparkline-line[points*=","]';

/**
 * Every small chart in view drawn (with points on its line): the cards below the fold are drawn as they scroll
 * into view (charts/use-in-view.ts), so "the page is drawn" is what the screen shows. Which cards are in view is
 * worked out from their boxes once the cards are laid out (a chart not yet drawn keeps its frame's size, so the
 * layout does not move). Polled every 10 ms, so figures carry that granularity.
 */
async function chartsInViewDrawn(page: Page): Promise<number> {
  const deadline = Date.now() + 30_000;
  const charts = page.locator('.series-card-chart');
  await charts.first().waitFor({ timeout: 30_000 });
  const height = page.viewportSize()?.height ?? 0;
  let inView = 0;
  for (const box of await Promise.all((await charts.all()).map((c) => c.boundingBox()))) if (box && box.y < height && box.y + box.height > 0) inView++;
  while (Date.now() < deadline) {
    if (inView > 0 && (await charts.nth(0).locator(DRAWN).count()) > 0 && (await charts.nth(inView - 1).locator(DRAWN).count()) > 0) return inView;
    await page.waitForTimeout(10);
  }
  throw new Error('the dashboard charts in view were not drawn within 30 s');
}

/** Scrolls down a screen at a time, as someone reading on, until every card's chart is drawn; the time it took. */
async function scrolledUntilAllDrawn(page: Page): Promise<number> {
  const t = performance.now();
  const charts = page.locator('.series-card-chart');
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if ((await page.locator(`.series-card-chart ${DRAWN}`).count()) >= (await charts.count())) return performance.now() - t;
    await page.mouse.wheel(0, (page.viewportSize()?.height ?? 600) * 0.8);
    await page.waitForTimeout(10);
  }
  throw new Error('the dashboard charts were not all drawn within 30 s of scrolling');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/**
 * Each answer of one operation while `run` runs, for inputs containing `marker`: its size and the server's time
 * to its first byte. (The dashboard's analysis asks for sparklines; the full one read ahead for its cards is not
 * the dashboard's wait.)
 */
async function answersOf(page: Page, operation: string, marker: string, run: () => Promise<void>): Promise<{ bytes: number[]; serverMs: number[] }> {
  const bytes: number[] = [];
  const serverMs: number[] = [];
  const pending: Promise<void>[] = [];
  const onResponse = (r: Response) => {
    if (!r.url().endsWith(`/api/${operation}`) || !(r.request().postData() ?? '').includes(marker)) return;
    pending.push(
      r.body().then((b) => {
        bytes.push(b.length);
        const t = r.request().timing();
        serverMs.push(t.responseStart - t.requestStart);
      }),
    );
  };
  page.on('response', onResponse);
  try {
    await run();
    await Promise.all(pending);
  } finally {
    page.off('response', onResponse);
  }
  return { bytes, serverMs };
}

async function timed(page: Page, runs: number, once: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await once();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export async function browserBench(opts: { dbPath: string; therapistId: string; largestPatientId: string; longSeriesPatientId: string; longSeriesKey: string }): Promise<{ rows: BenchRow[]; serverRssMb: number }> {
  const server = await startServer(opts.dbPath);
  const browser = await chromium.launch({ executablePath: process.env.PLAYWRIGHT_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const rows: BenchRow[] = [];
  try {
    // Signed in as the clinic's administrator: the session cookie goes to the page's context.
    const signIn = await fetch(`${server.url}/api/session.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ therapistId: opts.therapistId, credential: BENCH_PIN }),
    });
    const cookie = /romtrack_session=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1];
    if (!cookie) throw new Error(`signing in to the benchmark server failed: ${await signIn.text()}`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: 'romtrack_session', value: cookie, url: server.url }]);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('h1');
    const base = page.url().split('#')[0]!;

    // The first screen (the worklist): its script is what every start of the app loads and parses.
    let scriptBytes = 0;
    const countScript = (r: Response) => {
      if (r.url().endsWith('.js')) void r.body().then((b) => (scriptBytes += b.length));
    };
    const firstMs = await timed(page, 3, async () => {
      scriptBytes = 0;
      await page.goto('about:blank');
      page.on('response', countScript);
      await page.goto(`${base}#/worklist`);
      await page.waitForSelector('h1');
      page.off('response', countScript);
    });
    rows.push({ name: 'first screen (worklist), navigation to its heading', medianMs: firstMs, targetMs: null, runs: 3, note: `${Math.round(scriptBytes / 1024)} KB of script at start (the charts load when first opened)` });

    // Every small chart in view drawn; then, scrolling on, the rest.
    const dashboard = `${base}#/patients/${opts.largestPatientId}/mobility`;
    const inViewMs: number[] = [];
    const scrolled: number[] = [];
    let inView = 0;
    const answers = await answersOf(page, 'analysis.patient', '"points":"sparkline"', async () => {
      for (let i = 0; i < 5; i++) {
        await page.goto('about:blank');
        const t = performance.now();
        await page.goto(dashboard);
        inView = await chartsInViewDrawn(page);
        inViewMs.push(performance.now() - t);
        scrolled.push(await scrolledUntilAllDrawn(page));
      }
    });
    const cards = await page.locator('.series-card-chart').count();
    rows.push({
      name: 'dashboard of the largest patient, navigation to every chart in view drawn',
      medianMs: median(inViewMs),
      targetMs: 700,
      runs: 5,
      // The breakdown: what the server took to answer, and how much it sent; the rest is the page's.
      note: `${inView} of ${cards} charts in view; analysis.patient: ${Math.round(median(answers.bytes) / 1024)} KB, server ${median(answers.serverMs).toFixed(0)} ms to first byte`,
    });
    rows.push({ name: 'dashboard of the largest patient, then scrolling until every chart is drawn', medianMs: median(scrolled), targetMs: null, runs: 5, note: 'after the row above; includes the scrolling' });

    // The 1,000-point series: from the dashboard, open its detail chart and wait for the drawn line.
    const longDashboard = `${base}#/patients/${opts.longSeriesPatientId}/mobility`;
    await page.goto(longDashboard);
    await page.waitForSelector('.series-card-link');
    const detailTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      await setHash(page, `#/patients/${opts.longSeriesPatientId}/mobility`);
      await page.waitForSelector('.series-card-link');
      const t = performance.now();
      await setHash(page, `#/patients/${opts.longSeriesPatientId}/mobility/${opts.longSeriesKey}`);
      // A long series is drawn as paths (mobility/DenseSeries.tsx): its line is the last of the chart to appear.
      await page.waitForSelector('.detail-chart .dense-series-line[d*="L"]', { timeout: 30_000 });
      detailTimes.push(performance.now() - t);
    }
    const detailMs = detailTimes.sort((a, b) => a - b)[2]!;
    rows.push({ name: 'detail chart of a 1,000-point series drawn (from the dashboard)', medianMs: detailMs, targetMs: 150, runs: 5 });

    const reportUrl = `${base}#/patients/${opts.largestPatientId}/report`;
    const reportMs = await timed(page, 3, async () => {
      await page.goto('about:blank');
      await page.goto(reportUrl);
      await page.waitForSelector('.report-document', { timeout: 60_000 });
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ preferCSSPageSize: true });
      await page.emulateMedia({ media: 'screen' });
    });
    rows.push({ name: 'progress report of the largest patient to PDF', medianMs: reportMs, targetMs: 2000, runs: 3 });
    return { rows, serverRssMb: residentMb(server.child.pid!) };
  } finally {
    await browser.close();
    server.child.kill('SIGKILL');
  }
}
