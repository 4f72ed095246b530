// The browser half of the benchmark: server mode as a separate process (so its memory is its own),
// Debian's Chromium driven by Playwright, timings from navigation to what the therapist sees.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type CDPSession, type Page, type Response } from '@playwright/test';
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

/** Server mode listens at once and opens its database behind its start gate: the bench begins once it is open. */
async function untilOpen(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const answer = (await (await fetch(`${url}/api/app.startup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as {
      ok: boolean;
      value?: { phase: string; failure: unknown };
    };
    if (answer.value?.phase === 'ready') return;
    if (answer.value?.phase === 'failed') throw new Error(`the benchmark server could not open its database: ${JSON.stringify(answer.value.failure)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the benchmark server did not open its database within 2 minutes');
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

/** What the page's own clock and frames need here: this file is compiled without the DOM library. */
type InPage = typeof globalThis & {
  document: { querySelectorAll(selector: string): Iterable<{ querySelector(selector: string): unknown; getBoundingClientRect(): { top: number; bottom: number } }> };
  innerHeight: number;
  location: { hash: string };
  requestAnimationFrame(run: () => void): number;
};

/**
 * A link followed inside the app (the hash set, as a click on it does), timed by the page itself until every chart
 * in view is drawn: checked at each frame, so the figure carries neither Playwright's round trips nor a polling
 * interval. Which cards are in view is read from their boxes once the cards are laid out.
 */
async function linkFollowedUntilDrawn(page: Page, hash: string): Promise<{ ms: number; inView: number }> {
  return page.evaluate(
    ({ hash, drawn }) =>
      new Promise<{ ms: number; inView: number }>((resolve, reject) => {
        const w = globalThis as InPage;
        const start = performance.now();
        const check = () => {
          const inView = [...w.document.querySelectorAll('.series-card-chart')].filter((c) => {
            const box = c.getBoundingClientRect();
            return box.top < w.innerHeight && box.bottom > 0;
          });
          if (inView.length > 0 && inView.every((c) => c.querySelector(drawn) !== null)) resolve({ ms: performance.now() - start, inView: inView.length });
          else if (performance.now() - start > 30_000) reject(new Error('the dashboard charts in view were not drawn within 30 s'));
          else w.requestAnimationFrame(check);
        };
        w.location.hash = hash;
        w.requestAnimationFrame(check);
      }),
    { hash, drawn: DRAWN },
  );
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

/** The dashboard's read: the analysis with a sparkline's worth of readings per series (the full one read ahead for its cards is not the dashboard's wait). */
const DASHBOARD_READ = 'analysis.sparklines';

/** The CPU time of the page's main thread so far (Chromium's ThreadTime): a loaded machine moves it far less than the wall clock. */
async function mainThreadCpuMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0) * 1000;
}

/** Until the page has had an idle moment: the screen's reads and their drawing done, as when a person clicks. */
async function settled(page: Page): Promise<void> {
  type Idle = typeof globalThis & { requestIdleCallback(run: () => void, options: { timeout: number }): void };
  await page.evaluate(() => new Promise<void>((resolve) => (globalThis as Idle).requestIdleCallback(() => resolve(), { timeout: 2000 })));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/**
 * Each answer of one operation while `run` runs, for inputs containing `marker`: its size and the server's time
 * to its first byte.
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

/**
 * The progress report as a person gets it: in the app, on the patient's page, "Progress report" (File → Print
 * report does the same), then Print or Save as PDF. Both print the window on screen (report/print-actions.ts:
 * window.print in a browser, the desktop shell's printToPDF of the sending window), so no window starts cold
 * for it and the app's own start is not the report's wait. page.pdf is that print, tagged as the desktop's
 * printToPDF makes it (shell/print-to-pdf.ts), and it fires beforeprint as a browser's print does (the report
 * notes itself). Each run opens the patient's page afresh, untimed, so the report's script, reads and drawing
 * are a first opening's, not a repeat's.
 */
async function reportToPdf(page: Page, patientPage: string): Promise<BenchRow> {
  const open: number[] = [];
  const print: number[] = [];
  const both: number[] = [];
  let pages = 0;
  for (let i = 0; i < 3; i++) {
    await page.goto('about:blank');
    await page.goto(patientPage);
    await page.waitForSelector('#patient-heading');
    await page.waitForLoadState('networkidle');
    const t = performance.now();
    await page.click('.toolbar a[href$="/report"]');
    await page.waitForSelector('.report-document', { timeout: 60_000 });
    const drawn = performance.now();
    const pdf = await page.pdf({ preferCSSPageSize: true, tagged: true });
    const done = performance.now();
    pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    open.push(drawn - t);
    print.push(done - drawn);
    both.push(done - t);
  }
  return {
    name: 'progress report of the largest patient to PDF, from its patient page',
    medianMs: median(both),
    targetMs: 2000,
    runs: 3,
    note: `report drawn ${median(open).toFixed(0)} ms, then printed ${median(print).toFixed(0)} ms (${pages} pages); in the app, as both modes print the window on screen`,
  };
}

export async function browserBench(opts: { dbPath: string; therapistId: string; largestPatientId: string; longSeriesPatientId: string; longSeriesKey: string }): Promise<{ rows: BenchRow[]; serverRssMb: number }> {
  const server = await startServer(opts.dbPath);
  await untilOpen(server.url);
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

    // The target figure: the dashboard as a therapist reaches it, a link followed inside the app already open,
    // cold for that patient (the app reloaded at the patient list before each run, so none of the patient's
    // reads is cached; the reload is not counted). Then, scrolling on, the rest of the cards.
    const dashboard = `${base}#/patients/${opts.largestPatientId}/mobility`;
    const inAppMs: number[] = [];
    const cpuMs: number[] = [];
    const scrolled: number[] = [];
    let inView = 0;
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const answers = await answersOf(page, DASHBOARD_READ, '', async () => {
      for (let i = 0; i < 5; i++) {
        await page.goto('about:blank');
        // As a person reads the list before choosing: the app idle, the later screens' code fetched ahead.
        await page.goto(`${base}#/patients`, { waitUntil: 'networkidle' });
        await page.waitForSelector('.patient-link');
        await settled(page);
        const cpuBefore = await mainThreadCpuMs(cdp);
        const followed = await linkFollowedUntilDrawn(page, `#/patients/${opts.largestPatientId}/mobility`);
        inView = followed.inView;
        inAppMs.push(followed.ms);
        cpuMs.push((await mainThreadCpuMs(cdp)) - cpuBefore);
        scrolled.push(await scrolledUntilAllDrawn(page));
      }
    });
    const cards = await page.locator('.series-card-chart').count();
    rows.push({
      name: 'dashboard of the largest patient, a link followed in the app to every chart in view drawn',
      medianMs: median(inAppMs),
      targetMs: 700,
      runs: 5,
      // The breakdown: what the server took to answer, and how much it sent; the page's own CPU; the rest is waiting.
      note:
        `cold for the patient (app reloaded at the patient list before each run, not counted); ${inView} of ${cards} charts in view; ` +
        `${DASHBOARD_READ}: ${Math.round(median(answers.bytes) / 1024)} KB, server ${median(answers.serverMs).toFixed(0)} ms to first byte; ` +
        `the page's main thread CPU ${median(cpuMs).toFixed(0)} ms`,
    });
    rows.push({ name: 'dashboard of the largest patient, then scrolling until every chart is drawn', medianMs: median(scrolled), targetMs: null, runs: 5, note: 'after the row above; includes the scrolling' });

    // Apart, with no target of its own: the app opened straight at the dashboard (a bookmark, a reload), so the
    // app's whole start (its script, the session, the language) comes before the dashboard's own reads.
    const coldMs = await timed(page, 3, async () => {
      await page.goto('about:blank');
      await page.goto(dashboard);
      await chartsInViewDrawn(page);
    });
    rows.push({ name: "dashboard of the largest patient, the app opened straight at it (the app's start included)", medianMs: coldMs, targetMs: null, runs: 3, note: 'from a blank page to every chart in view drawn' });

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

    rows.push(await reportToPdf(page, `${base}#/patients/${opts.largestPatientId}`));
    return { rows, serverRssMb: residentMb(server.child.pid!) };
  } finally {
    await browser.close();
    server.child.kill('SIGKILL');
  }
}
