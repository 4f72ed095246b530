import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationInput } from '../../shared/api/contract';
import { formatDate, todayLocal } from '../../shared/domain/dates';
import { patientDisplayName } from '../../shared/domain/patient';
import { reasonsOn, urgencyOf } from '../../shared/worklist/today';
import { REASON_CODES, URGENCIES } from '../../shared/worklist/types';
import { freshSummary, worklistSource } from '../../electron/api/worklist-refresh';
import { analysePatient } from '../../shared/analysis/patient-series';
import { measuredSeries } from '../../shared/worklist/series';
import { SUMMARY_AS_OF } from '../../shared/worklist/summary';
import { openTestBackend, type TestBackend } from '../support/backend';

// The stored worklist summaries always equal a fresh computation from the patient's record, whatever sequence of
// writes came before: visits recorded and voided, measurements corrected and voided, events, sites and risk
// factors added, corrected and voided, clinic thresholds and worklist settings changed. And worklist.get, read
// from those rows with SQL, gives what the pure reasonsOn gives for every patient on any day.
//
// One database; each sequence runs inside a savepoint that is rolled back after its checks.

const RUNS = Number(process.env.ROMTRACK_WORKLIST_RUNS ?? 200);
const daysAgo = (n: number) => todayLocal(new Date(Date.now() - n * 86_400_000));

const MOTIONS = [
  { motion: 'elbow.flexion', min: 60, max: 150 },
  { motion: 'elbow.extension', min: -40, max: 5 },
  { motion: 'forearm.supination', min: 30, max: 90 },
  { motion: 'knee.flexion', min: 60, max: 140 },
] as const;

const patientIndex = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 2 }) });
const pick = fc.nat({ max: 1000 });
const ago = fc.integer({ min: 0, max: 150 });
// Mostly the right elbow's active flexion, falling with time half of the time, so series reach three readings
// and losing verdicts; the rest spread over motions, sides and modes.
const entry = fc.record({
  m: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 0, max: MOTIONS.length - 1 }) }),
  side: fc.oneof({ weight: 3, arbitrary: fc.constant('right' as const) }, { weight: 1, arbitrary: fc.constant('left' as const) }),
  mode: fc.oneof({ weight: 3, arbitrary: fc.constant('active' as const) }, { weight: 1, arbitrary: fc.constant('passive' as const) }),
  at: fc.oneof(fc.constant(null), fc.double({ min: 0, max: 1, noNaN: true })),
  endFeel: fc.constantFrom(null, 'firm', 'hard'),
  pain: fc.option(fc.integer({ min: 0, max: 10 })),
});

const command = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('visit'), p: patientIndex, ago, entries: fc.array(entry, { minLength: 1, maxLength: 4 }), signs: fc.array(fc.constantFrom('swelling', 'redness', 'warmth', 'fever'), { maxLength: 2 }), colleague: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('visitVoid'), p: patientIndex, pick }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('measurementCorrect'), p: patientIndex, pick, at: fc.double({ min: 0, max: 1, noNaN: true }), endFeel: fc.constantFrom(null, 'hard'), pain: fc.option(fc.integer({ min: 0, max: 10 })) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('measurementVoid'), p: patientIndex, pick }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('event'), p: patientIndex, ago, kind: fc.constantFrom('injury', 'surgery', 'excision', 'xray', 'alp'), joint: fc.constantFrom('elbow', 'knee'), side: fc.constantFrom('left', 'right'), value: fc.integer({ min: 40, max: 400 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('eventCorrect'), p: patientIndex, pick, value: fc.integer({ min: 40, max: 400 }), ago }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('eventVoid'), p: patientIndex, pick }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('siteAdd'), p: patientIndex, ago, joint: fc.constantFrom('elbow', 'knee'), side: fc.constantFrom('left', 'right'), status: fc.constantFrom('at_risk', 'suspected', 'confirmed', 'excised') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('siteStatus'), p: patientIndex, pick, status: fc.constantFrom('at_risk', 'suspected', 'confirmed', 'excised') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('siteVoid'), p: patientIndex, pick }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('riskAdd'), p: patientIndex, ago }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('riskCorrect'), p: patientIndex, pick, ago }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('riskVoid'), p: patientIndex, pick }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('threshold'), motion: fc.constantFrom('elbow.flexion', 'knee.flexion'), degrees: fc.option(fc.integer({ min: 2, max: 20 })) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('settings'), from: fc.integer({ min: 0, max: 4 }), weekly: fc.integer({ min: 0, max: 12 }), monthly: fc.integer({ min: 0, max: 20 }), alp: fc.integer({ min: 60, max: 200 }) }) },
);
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

let api: TestBackend;
const patients: string[] = [];
let colleague: string;

const degreesAt = (m: number, at: number) => Math.round(MOTIONS[m]!.min + at * (MOTIONS[m]!.max - MOTIONS[m]!.min));
const nth = <T>(list: readonly T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);

/** One write through dispatch; refusals (a duplicate site, a status dated before the current one) are part of the game. */
async function run(c: Command): Promise<void> {
  const pid = 'p' in c ? patients[c.p]! : '';
  const file = pid ? await api.ok('patients.file', { patientId: pid }) : null;
  const measurements = file?.visits.flatMap((v) => v.measurements) ?? [];
  const call = (op: Parameters<TestBackend['call']>[0], input: unknown) => api.call(op, input as never);
  switch (c.op) {
    case 'visit': {
      const seen = new Set<string>();
      const entries = c.entries
        .map((e) => ({ motion: MOTIONS[e.m]!.motion, side: e.side, mode: e.mode, degrees: degreesAt(e.m, e.at ?? c.ago / 150), endFeel: e.endFeel, pain: e.pain }))
        .filter((e) => !seen.has(`${e.motion}${e.side}${e.mode}`) && seen.add(`${e.motion}${e.side}${e.mode}`));
      const symptoms = Object.fromEntries(c.signs.map((s) => [s, true]));
      await call('visits.record', { patientId: pid, date: daysAgo(c.ago), symptoms, measurements: entries, ...(c.colleague ? { therapistId: colleague } : {}) });
      return;
    }
    case 'visitVoid': {
      const v = nth(file!.visits, c.pick);
      if (v) await call('visits.void', { id: v.id, reason: 'Wrong patient' });
      return;
    }
    case 'measurementCorrect': {
      const m = nth(measurements, c.pick);
      const spec = MOTIONS.findIndex((x) => x.motion === m?.motion);
      if (m) await call('measurements.correct', { id: m.id, reason: 'Misread', degrees: degreesAt(spec, c.at), instrument: 'goniometer', endFeel: c.endFeel, pain: c.pain, note: null });
      return;
    }
    case 'measurementVoid': {
      const m = nth(measurements, c.pick);
      if (m) await call('measurements.void', { id: m.id, reason: 'Not measured' });
      return;
    }
    case 'event': {
      const base = { patientId: pid, date: daysAgo(c.ago) };
      if (c.kind === 'alp') await call('events.record', { ...base, kind: 'lab_result', title: 'Serum alkaline phosphatase', value: c.value, unit: 'U/L' });
      else if (c.kind === 'xray') await call('events.record', { ...base, kind: 'xray', joint: c.joint, side: c.side, classification: c.joint === 'elbow' ? 'hastings:IIB' : null });
      else if (c.kind === 'excision') await call('events.record', { ...base, kind: 'excision', joint: c.joint, side: c.side, title: 'Excision' });
      else await call('events.record', { ...base, kind: c.kind, title: 'Operation or injury', ...(c.value % 2 ? { joint: c.joint, side: c.side } : {}) });
      return;
    }
    case 'eventCorrect': {
      const e = nth(file!.events, c.pick);
      if (e) await call('events.correct', { id: e.id, reason: 'Corrected', kind: e.kind, date: daysAgo(c.ago), endDate: e.endDate, joint: e.joint, side: e.side, title: e.title, value: e.kind === 'lab_result' ? c.value : e.value, unit: e.unit, classification: e.classification, note: e.note });
      return;
    }
    case 'eventVoid': {
      const e = nth(file!.events, c.pick);
      if (e) await call('events.void', { id: e.id, reason: 'Wrong patient' });
      return;
    }
    case 'siteAdd':
      await call('sites.add', { patientId: pid, joint: c.joint, side: c.side, status: c.status, since: daysAgo(c.ago) });
      return;
    case 'siteStatus': {
      const s = nth(file!.sites, c.pick);
      if (s) await call('sites.changeStatus', { id: s.id, status: c.status, since: daysAgo(0) });
      return;
    }
    case 'siteVoid': {
      const s = nth(file!.sites, c.pick);
      if (s) await call('sites.void', { id: s.id, reason: 'Wrong site' });
      return;
    }
    case 'riskAdd':
      await call('riskFactors.add', { patientId: pid, kind: 'burns', onsetDate: daysAgo(c.ago) });
      return;
    case 'riskCorrect': {
      const r = nth(file!.riskFactors, c.pick);
      if (r) await call('riskFactors.correct', { id: r.id, reason: 'Date corrected', kind: r.kind, onsetDate: daysAgo(c.ago), note: null });
      return;
    }
    case 'riskVoid': {
      const r = nth(file!.riskFactors, c.pick);
      if (r) await call('riskFactors.void', { id: r.id, reason: 'Wrong patient' });
      return;
    }
    case 'threshold':
      if (c.degrees === null) await call('thresholds.clear', { motion: c.motion, instrument: null });
      else await call('thresholds.set', { motion: c.motion, instrument: null, degrees: c.degrees });
      return;
    case 'settings': {
      const current = await api.ok('worklist.settings', {});
      const weekly = Math.max(c.from, c.weekly);
      await call('worklist.setSettings', { version: current.version, weeklyFromWeek: c.from, weeklyUntilWeek: weekly, monthlyUntilWeek: Math.max(weekly, c.monthly), alpUpperLimit: c.alp });
      return;
    }
  }
}

/** What worklist.get must answer on `today`, from fresh summaries and the pure rules, in its documented order. */
function expectedWorklist(today: string) {
  const ctx = api.context;
  const settings = ctx.repos.worklist.settings.get();
  const fd = (d: string) => formatDate(d);
  const rows = patients.flatMap((id) => {
    const s = freshSummary(ctx, id);
    const p = ctx.repos.patients.get(id)!;
    const reasons = reasonsOn({ ...s, dateOfBirth: p.dateOfBirth }, today, settings, fd, { details: false });
    const urgency = urgencyOf(reasons);
    if (!urgency) return [];
    // The order's second key counts stored reason rows (each losing series) and the day's reasons.
    const count = s.reasons.length + reasons.filter((r) => r.code !== 'losing' && r.code !== 'warning_signs' && r.code !== 'profile_out_of_date').length;
    return [{ id, name: patientDisplayName(p), family: p.familyName, given: p.givenNames, urgency, reasons, count, last: s.patient.lastMeasured }];
  });
  rows.sort(
    (a, b) =>
      URGENCIES.indexOf(a.urgency) - URGENCIES.indexOf(b.urgency) ||
      b.count - a.count ||
      (a.last === null ? 0 : 1) - (b.last === null ? 0 : 1) ||
      (a.last ?? '').localeCompare(b.last ?? '') ||
      (a.family < b.family ? -1 : a.family > b.family ? 1 : 0) ||
      (a.given < b.given ? -1 : a.given > b.given ? 1 : 0) ||
      (a.id < b.id ? -1 : 1),
  );
  return rows.map((r) => ({ patientId: r.id, urgency: r.urgency, reasons: r.reasons }));
}

beforeAll(async () => {
  api = openTestBackend();
  colleague = (await api.ok('therapists.create', { credential: '735194', name: 'Jonas Meier', title: null, registrationNumber: null, initials: 'JM' } as OperationInput<'therapists.create'>)).id;
  // The third turned 18 some 75 days ago, so her ALP results fall on both sides of the adult limit's birthday.
  const eighteen = daysAgo(75).replace('-02-29', '-02-28');
  const teen = `${Number(eighteen.slice(0, 4)) - 18}${eighteen.slice(4)}`;
  for (const [familyName, givenNames, dateOfBirth] of [['Asare', 'Kofi', '1960-01-01'], ['Bello', 'Ada', '1960-01-01'], ['Cole', 'Efua', teen]] as const) {
    patients.push((await api.ok('patients.create', { familyName, givenNames, dateOfBirth, sex: 'female' })).id);
  }
  // Kept by every sequence: a watched right elbow with two early readings near the top of its range (so a
  // falling sequence can read as losing), and a watched left knee; the third patient starts empty.
  await api.ok('sites.add', { patientId: patients[0]!, joint: 'elbow', side: 'right', status: 'at_risk', since: daysAgo(160) });
  for (const [d, deg] of [[160, 148], [152, 147]] as const) await api.ok('visits.record', { patientId: patients[0]!, date: daysAgo(d), measurements: [{ motion: 'elbow.flexion', side: 'right', mode: 'active', degrees: deg }] });
  await api.ok('sites.add', { patientId: patients[1]!, joint: 'knee', side: 'left', status: 'confirmed', since: daysAgo(160) });
});
afterAll(() => api.dispose());

describe('worklist summaries', () => {
  it(`equal a fresh computation after any sequence of writes (${RUNS} sequences), and worklist.get agrees with the pure rules`, async () => {
    const db = api.context.db;
    let listed = 0;
    const seen: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 12 }), fc.integer({ min: -200, max: 150 }), async (commands, todayAgo) => {
        db.exec('SAVEPOINT sequence');
        try {
          for (const c of commands) await run(c);
          expect(api.context.repos.worklist.summaries.dirtyCount()).toBe(0);
          for (const id of patients) {
            expect(api.context.repos.worklist.summaries.read(id)).toEqual(freshSummary(api.context, id));
            // The worklist's series are analysePatient's series, verdict for verdict (series.ts leaves out only the arcs).
            const source = worklistSource(api.context, id);
            const thresholds = api.context.repos.thresholds.overrides();
            const lean = measuredSeries(source, SUMMARY_AS_OF, { thresholds }).map((x) => [x.key, x.watched, x.analysis.verdict]);
            expect(lean).toEqual(analysePatient(source, SUMMARY_AS_OF, { thresholds }).series.map((x) => [x.key, x.watched, x.analysis.verdict]));
          }
          const today = daysAgo(todayAgo);
          const page = await api.ok('worklist.get', { today, limit: 200 });
          expect(page.rows.map(({ patientId, urgency, reasons }) => ({ patientId, urgency, reasons }))).toEqual(expectedWorklist(today));
          listed += page.rows.length;
          for (const [code, n] of Object.entries(page.counts)) seen[code] = (seen[code] ?? 0) + n;
        } finally {
          db.exec('ROLLBACK TO sequence; RELEASE sequence');
        }
      }),
      { numRuns: RUNS },
    );
    // The sequences must reach the interesting states, or the property proves little.
    expect(listed).toBeGreaterThan(RUNS / 2);
    for (const code of REASON_CODES) expect(seen[code] ?? 0, `sequences reaching ${code}`).toBeGreaterThan(0);
    console.log(`[worklist summaries] ${RUNS} sequences; ${listed} rows listed; patients per reason, summed: ${JSON.stringify(seen)}`);
  }, 120_000);
});
