import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { todayLocal } from '../../shared/domain/dates';
import { expect, test } from './fixtures';

// Issue 17: every main screen, with the sample patients' realistic records, passes axe with no serious or
// critical violation, and names itself in a window title of its own (the task bar, the window switcher and a
// screen reader say where the person is). Axe's check that a control's accessible name contains its visible
// label (WCAG 2.5.3, "Void visit…" and the like) is experimental, so it is switched on here by name.

type App = Parameters<Parameters<typeof test>[2]>[0]['app'];

interface Screen {
  name: string;
  hash: string;
  /** The screen's heading, once its data is in. */
  heading: RegExp;
}

async function screensOf(app: App): Promise<Screen[]> {
  await app.backend.ok('sampleData.create', {});
  const { items } = await app.backend.ok('patients.list', { limit: 50 });
  // A sample patient with a watched site and a measured series; a plan is added for the plan screens.
  let chosen = null as null | { id: string; name: string; seriesKey: string; site: { joint: 'elbow' | 'hip' | 'knee' | 'shoulder'; side: 'left' | 'right' } };
  for (const p of items) {
    const file = await app.backend.ok('patients.file', { patientId: p.id });
    const analysis = await app.backend.ok('analysis.patient', { patientId: p.id });
    const site = file.sites.find((s) => s.voided === null && ['elbow', 'hip', 'knee', 'shoulder'].includes(s.joint));
    const series = analysis.series.find((s) => s.watched && s.points.length > 2);
    if (site && series) {
      chosen = { id: p.id, name: `${p.familyName.toUpperCase()}, ${p.givenNames}`, seriesKey: series.key, site: { joint: site.joint as 'elbow', side: site.side } };
      break;
    }
  }
  if (!chosen) throw new Error('No sample patient has a watched site and a measured series.');
  const motion = `${chosen.site.joint}.flexion` as const;
  const plan = await app.backend.ok('plans.create', {
    patientId: chosen.id,
    title: 'Keep the joint moving',
    startDate: todayLocal(new Date(Date.now() - 30 * 86_400_000)),
    sites: [chosen.site],
    passiveRomAllowed: false,
    precautions: 'No forced end-range movement.',
    items: [{ intervention: 'active_rom', motions: [motion], doseKind: 'sets_reps', sets: 3, repetitions: 10, frequencyCount: 2, frequencyPer: 'day' }],
    goals: [{ motion, side: chosen.site.side, mode: 'active', target: 120, targetDate: todayLocal(new Date(Date.now() + 60 * 86_400_000)) }],
  });
  const planId = plan.id;
  const base = `#/patients/${chosen.id}`;
  const named = new RegExp(chosen.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return [
    { name: 'worklist', hash: '#/worklist', heading: /Worklist/ },
    { name: 'patients', hash: '#/patients', heading: /Patients/ },
    { name: 'patient page', hash: base, heading: named },
    { name: 'new patient', hash: '#/patients/new', heading: /New patient/ },
    { name: 'edit patient', hash: `${base}/edit`, heading: /./ },
    { name: 'mobility', hash: `${base}/mobility`, heading: /./ },
    { name: 'series detail', hash: `${base}/mobility/${encodeURIComponent(chosen.seriesKey)}`, heading: /./ },
    { name: 'new visit', hash: `${base}/visits/new`, heading: /./ },
    { name: 'new event', hash: `${base}/events/new`, heading: /./ },
    { name: 'report', hash: `${base}/report`, heading: /^Progress report/ },
    { name: 'plans', hash: `${base}/plans`, heading: /./ },
    { name: 'plan', hash: `${base}/plans/${planId}`, heading: /./ },
    { name: 'plan editor', hash: `${base}/plans/new`, heading: /./ },
    { name: 'plan revision', hash: `${base}/plans/${planId}/revise`, heading: /./ },
    { name: 'referral letter', hash: `${base}/referral?joint=${chosen.site.joint}&side=${chosen.site.side}`, heading: /./ },
    { name: 'settings', hash: '#/settings', heading: /Settings/ },
  ];
}

/** Opens the screen and waits until its heading is drawn and nothing is still loading. */
async function openScreen(page: Page, app: App, screen: Screen): Promise<void> {
  await app.open(page, screen.hash);
  await expect(page.locator('main h1').first()).toHaveText(screen.heading);
  await expect(page.getByText(/^Loading\b/)).toHaveCount(0);
}

test('every main screen: no serious or critical axe violation, and a window title of its own', async ({ page, app }) => {
  test.setTimeout(600_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const screens = await screensOf(app);
  const titles: Record<string, string> = {};
  const problems: string[] = [];
  for (const screen of screens) {
    const started = Date.now();
    await openScreen(page, app, screen);
    // The title is refined once the screen's data is in (a patient's name): wait for it to settle.
    await expect.poll(async () => page.title()).not.toBe('ROMtrack');
    titles[screen.name] = await page.title();
    const opened = Date.now();
    const results = await new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).analyze();
    for (const v of results.violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical' && v.id !== 'label-content-name-mismatch') continue;
      problems.push(`${screen.name}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`.replace(/\s+/g, ' ')).join(' | ')}`);
    }
    console.log(`[screens] ${screen.name}: open ${opened - started} ms, axe ${Date.now() - opened} ms`);
  }
  console.log(`[screens] titles:\n${Object.entries(titles).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
  expect(problems).toEqual([]);
  const byTitle = new Map<string, string[]>();
  for (const [screen, title] of Object.entries(titles)) byTitle.set(title, [...(byTitle.get(title) ?? []), screen]);
  expect([...byTitle.entries()].filter(([, s]) => s.length > 1), 'screens sharing a window title').toEqual([]);
});
