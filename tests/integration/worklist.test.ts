import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationInput } from '../../shared/api/contract';
import { todayLocal } from '../../shared/domain/dates';
import { freshSummary } from '../../electron/api/worklist-refresh';
import { makePatient } from '../support/clinical-fixtures';
import { openTestBackend, type TestBackend } from '../support/backend';

// The caseload worklist through dispatch on a real SQLite file: a clinic of hand-made patients, one for each
// reason and some with none, gives exactly the expected rows in the expected order; a correction or a void that
// removes the cause removes the row; a clinic setting or threshold moves it. (The property test of the stored
// summaries is worklist-summaries.test.ts.)

const daysAgo = (n: number) => todayLocal(new Date(Date.now() - n * 86_400_000));
type Entry = OperationInput<'visits.record'>['measurements'][number];
const flexion = (degrees: number, more: Partial<Entry> = {}): Entry => ({ motion: 'elbow.flexion', side: 'right', mode: 'active', degrees, ...more });

let api: TestBackend;
const ids: Record<string, string> = {};
let colleague: string;

async function patient(key: string, familyName: string) {
  const p = await makePatient(api, { familyName, givenNames: key, dateOfBirth: '1970-01-01' });
  ids[key] = p.id;
  return p.id;
}
const visit = (patientId: string, ago: number, measurements: Entry[], more: Partial<OperationInput<'visits.record'>> = {}) =>
  api.ok('visits.record', { patientId, date: daysAgo(ago), measurements, ...more });
const alp = (patientId: string, ago: number, value: number) =>
  api.ok('events.record', { patientId, kind: 'lab_result', date: daysAgo(ago), title: 'Serum alkaline phosphatase', value, unit: 'U/L' });

async function worklist(input: OperationInput<'worklist.get'> = {}) {
  const page = await api.ok('worklist.get', { limit: 200, ...input });
  const name = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? id;
  return { page, rows: page.rows.map((r) => [name(r.patientId), r.urgency, r.reasons.map((x) => x.code).join(',')]) };
}

beforeAll(async () => {
  api = openTestBackend();
  colleague = (await api.ok('therapists.create', { credential: '735194', name: 'Jonas Meier', title: 'Physiotherapist', registrationNumber: 'PT-2002', initials: 'JM' })).id;

  // Losing: right elbow flexion falls 12-13° below its baseline at the latest two visits, same therapist and goniometer.
  const losing = await patient('losing', 'Lamptey');
  await api.ok('sites.add', { patientId: losing, joint: 'elbow', side: 'right', status: 'confirmed', since: daysAgo(200) });
  for (const [ago, deg] of [[70, 130], [56, 131], [42, 129], [28, 118], [14, 117]] as const) await visit(losing, ago, [flexion(deg)]);

  // New swelling at the latest visit.
  const swelling = await patient('swelling', 'Boakye');
  await api.ok('sites.add', { patientId: swelling, joint: 'knee', side: 'right', status: 'confirmed', since: daysAgo(100) });
  await visit(swelling, 20, [{ motion: 'knee.flexion', side: 'right', mode: 'active', degrees: 120 }]);
  await visit(swelling, 6, [{ motion: 'knee.flexion', side: 'right', mode: 'active', degrees: 121 }], { symptoms: { swelling: true } });

  // A new hard end-feel and pain at end of range up by 3 at the right elbow: two warning signs.
  const hard = await patient('hard', 'Carter');
  await api.ok('sites.add', { patientId: hard, joint: 'elbow', side: 'right', status: 'confirmed', since: daysAgo(100) });
  await visit(hard, 20, [flexion(130, { endFeel: 'firm', pain: 2 })]);
  await visit(hard, 6, [flexion(131, { endFeel: 'hard', pain: 5 })]);

  // Due: hip at risk after an injury 20 days ago, measured on day 12, due again on day 19.
  const due = await patient('due', 'Danso');
  await api.ok('sites.add', { patientId: due, joint: 'hip', side: 'left', status: 'at_risk', since: daysAgo(20) });
  await api.ok('events.record', { patientId: due, kind: 'injury', date: daysAgo(20), title: 'Fall from a ladder' });
  await visit(due, 8, [{ motion: 'hip.flexion', side: 'left', mode: 'active', degrees: 100 }]);

  // Overdue: burns 40 days ago, knee measured on day 15, due on day 22, a whole week missed since day 29.
  const overdue = await patient('overdue', 'Eshun');
  await api.ok('riskFactors.add', { patientId: overdue, kind: 'burns', onsetDate: daysAgo(40), note: 'Burns 30% of the body' });
  await api.ok('sites.add', { patientId: overdue, joint: 'knee', side: 'right', status: 'at_risk', since: daysAgo(38) });
  await visit(overdue, 25, [{ motion: 'knee.flexion', side: 'right', mode: 'active', degrees: 110 }]);

  // Profile out of date: an X-ray graded Hastings-Graham IIA while the elbow still reads at risk (schedule long over).
  const graded = await patient('graded', 'Frimpong');
  await api.ok('events.record', { patientId: graded, kind: 'injury', date: daysAgo(720), title: 'Head injury' });
  await api.ok('sites.add', { patientId: graded, joint: 'elbow', side: 'right', status: 'at_risk', since: daysAgo(700) });
  await api.ok('events.record', { patientId: graded, kind: 'xray', date: daysAgo(30), joint: 'elbow', side: 'right', classification: 'hastings:IIA' });

  // Profile out of date: excised 20 days ago, still marked confirmed.
  const excised = await patient('excised', 'Gyamfi');
  await api.ok('sites.add', { patientId: excised, joint: 'hip', side: 'right', status: 'confirmed', since: daysAgo(300) });
  await api.ok('events.record', { patientId: excised, kind: 'excision', date: daysAgo(20), joint: 'hip', side: 'right', title: 'Excision of HO, right hip' });

  // ALP above the limit (and up by more than half), and ALP within the limit but up by two thirds.
  const alpHigh = await patient('alpHigh', 'Hagan');
  await alp(alpHigh, 60, 90);
  await alp(alpHigh, 10, 140);
  const alpRising = await patient('alpRising', 'Idun');
  await alp(alpRising, 60, 60);
  await alp(alpRising, 10, 100);

  // Nothing: a stable confirmed knee measured by the colleague, a normal ALP; and a site at risk not yet due.
  const none = await patient('none', 'Jones');
  await api.ok('sites.add', { patientId: none, joint: 'knee', side: 'left', status: 'confirmed', since: daysAgo(100) });
  for (const ago of [60, 40, 20]) await visit(none, ago, [{ motion: 'knee.flexion', side: 'left', mode: 'active', degrees: 125 }], { therapistId: colleague });
  await alp(none, 10, 100);
  const notYet = await patient('notYet', 'Kufuor');
  await api.ok('events.record', { patientId: notYet, kind: 'surgery', date: daysAgo(10), joint: 'knee', side: 'left', title: 'Knee replacement' });
  await api.ok('sites.add', { patientId: notYet, joint: 'knee', side: 'left', status: 'at_risk', since: daysAgo(10) });
}, 60_000);
afterAll(() => api.dispose());

describe('worklist.get', () => {
  it('lists exactly the patients with a reason, most urgent first, each with its reasons as codes and sentences', async () => {
    const { page, rows } = await worklist();
    expect(rows).toEqual([
      ['hard', 'high', 'warning_signs,warning_signs'],
      ['losing', 'high', 'losing'],
      ['swelling', 'high', 'warning_signs'],
      ['alpHigh', 'medium', 'alp_high'],
      ['alpRising', 'medium', 'alp_high'],
      ['overdue', 'medium', 'overdue'],
      ['graded', 'low', 'profile_out_of_date'],
      ['excised', 'low', 'profile_out_of_date'],
      ['due', 'low', 'due'],
    ]);
    expect(page.total).toBe(9);
    expect(page.pending).toBe(0);
    expect(page.counts).toEqual({ losing: 1, warning_signs: 2, overdue: 1, alp_high: 2, due: 1, profile_out_of_date: 2 });

    const text = (key: string) => page.rows.find((r) => r.patientId === ids[key])!.reasons.map((r) => r.text).join(' | ');
    expect(text('losing')).toMatch(/^Right elbow losing motion: flexion \(active\) 130° → 117° \(-13°\); from baseline of .*, latest .* \(2 weeks ago\), threshold 8°\.$/);
    expect(text('swelling')).toMatch(/^New swelling at the visit of .*, not noted at the visit before\.$/);
    expect(text('hard')).toContain('Pain at end of range up from 2 to 5 (of 10) in right elbow flexion (active)');
    expect(text('hard')).toContain('New hard (bony) end-feel at the right elbow');
    expect(text('due')).toMatch(/^Left hip \(at risk\): due since .*; last measured .*; measured weekly after the injury \(.*\)\.$/);
    expect(text('overdue')).toMatch(/^Right knee \(at risk\): overdue, due .* \(3 weeks ago\); last measured .*; measured weekly after burns \(.*\)\.$/);
    expect(text('graded')).toContain('is graded Hastings-Graham IIA, but the site still reads at risk');
    expect(text('excised')).toContain('but the site still reads confirmed. Mark it excised');
    expect(text('alpHigh')).toMatch(/140 U\/L .*: above the clinic's upper limit of 130 U\/L, and up 56 % from 90 U\/L/);
    expect(text('alpRising')).toMatch(/100 U\/L .*: up 67 % from 60 U\/L/);
    const losingRow = page.rows.find((r) => r.patientId === ids.losing)!;
    expect(losingRow.reasons[0]).toMatchObject({ joint: 'elbow', side: 'right', seriesKey: 'right.elbow.flexion.active' });
    expect(losingRow.lastMeasured).toBe(daysAgo(14));
    expect(page.rows.find((r) => r.patientId === ids.due)!.nextDue).toBe(daysAgo(1));
  });

  it('the page leaves out the verdict’s own sentence; worklist.patient gives it, the same as the analysis says', async () => {
    const { page } = await worklist();
    const onPage = page.rows.find((r) => r.patientId === ids.losing)!.reasons[0]!;
    expect(onPage.code).toBe('losing');
    expect(Object.keys(onPage)).not.toContain('detail');
    expect(Object.keys(onPage)).not.toContain('detailRef');

    const one = await api.ok('worklist.patient', { patientId: ids.losing! });
    const losing = one.reasons.find((r) => r.code === 'losing')!;
    // The same reason as the page's, with the tooltip's sentence besides.
    expect({ ...losing, detail: undefined, detailRef: undefined }).toEqual({ ...onPage, detail: undefined, detailRef: undefined });
    const analysis = await api.ok('analysis.patient', { patientId: ids.losing! });
    const verdict = analysis.series.find((s) => s.key === 'right.elbow.flexion.active')!.verdict;
    expect(verdict.kind).toBe('losing');
    expect(losing.detail).toBe(verdict.reason);
    expect(losing.detailRef).toEqual(verdict.reasonRef);
  });

  it('leaves out the English text for the screen that asks for none, and nothing else', async () => {
    const { page } = await worklist();
    const screen = await api.ok('worklist.get', { limit: 200, englishText: false });
    const reasons = screen.rows.flatMap((r) => r.reasons);
    expect(reasons.length).toBeGreaterThan(9);
    expect(reasons.filter((r) => 'text' in r)).toEqual([]);
    const withoutText = (p: typeof page) => p.rows.map((r) => ({ ...r, reasons: r.reasons.map(({ text: _text, ...rest }) => rest) }));
    expect(withoutText(screen)).toEqual(withoutText(page));
    expect(page.rows.flatMap((r) => r.reasons).every((r) => typeof r.text === 'string' && r.text.length > 0)).toBe(true);
  });

  it('filters by reason (all of a patient’s reasons still listed) and pages', async () => {
    expect((await worklist({ codes: ['alp_high', 'due'] })).rows.map((r) => r[0])).toEqual(['alpHigh', 'alpRising', 'due']);
    const second = await worklist({ limit: 2, offset: 2 });
    expect(second.rows.map((r) => r[0])).toEqual(['swelling', 'alpHigh']);
    expect(second.page.total).toBe(9);
    expect((await worklist({ offset: 50 })).page).toMatchObject({ rows: [], total: 9 });
  });

  it('filters by therapist: those measured last by them, and those nobody has measured yet', async () => {
    const mine = await worklist({ therapistId: colleague });
    expect(mine.rows.map((r) => r[0]).sort()).toEqual(['alpHigh', 'alpRising', 'excised', 'graded']);
    await visit(ids.losing!, 0, [flexion(116)], { therapistId: colleague });
    expect((await worklist({ therapistId: colleague })).rows.map((r) => r[0])).toContain('losing');
    expect((await worklist({ therapistId: api.actorId()! })).rows.map((r) => r[0])).not.toContain('losing');
  });

  it('judges due dates against the day asked for: a site not yet due appears when its day comes', async () => {
    expect((await worklist()).rows.map((r) => r[0])).not.toContain('notYet');
    const later = await worklist({ today: daysAgo(-4) });
    expect(later.rows.find((r) => r[0] === 'notYet')).toEqual(['notYet', 'low', 'due']);
    expect(later.page.rows.find((r) => r.patientId === ids.notYet)!.reasons[0]!.text).toMatch(/not measured yet; measured weekly after the operation/);
    // Past the end of the schedule (26 weeks after the operation) the site is no longer due.
    expect((await worklist({ today: daysAgo(-200) })).rows.map((r) => r[0])).not.toContain('notYet');
  });

  it('follows the clinic’s settings: the ALP limit at once, a new schedule by moving the stored due dates', async () => {
    const start = await api.ok('worklist.settings', {});
    expect(start).toMatchObject({ version: 0, alpUpperLimit: 130, weeklyFromWeek: 2, weeklyUntilWeek: 12, monthlyUntilWeek: 26 });
    expect(start.sources.alpUpperLimit).toMatch(/40-130 U\/L/);
    const lower = await api.ok('worklist.setSettings', { version: 0, weeklyFromWeek: 2, weeklyUntilWeek: 3, monthlyUntilWeek: 4, alpUpperLimit: 95 });
    expect(lower.version).toBe(1);
    const rows = (await worklist()).rows.map((r) => r[0]);
    expect(rows).toContain('none'); // ALP 100 is now above 95
    expect(rows).not.toContain('overdue'); // the schedule ended at week 4, day 28
    expect(rows).toContain('due');
    const stale = await api.call('worklist.setSettings', { version: 0, weeklyFromWeek: 2, weeklyUntilWeek: 12, monthlyUntilWeek: 26, alpUpperLimit: 130 });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.code).toBe('conflict');
    const bad = await api.call('worklist.setSettings', { version: 1, weeklyFromWeek: 4, weeklyUntilWeek: 2, monthlyUntilWeek: 26, alpUpperLimit: 130 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.fields?.weeklyUntilWeek).toMatch(/cannot end \(week 2\) before it starts \(week 4\)/);
    await api.ok('worklist.setSettings', { version: 1, weeklyFromWeek: 2, weeklyUntilWeek: 12, monthlyUntilWeek: 26, alpUpperLimit: 130 });
    expect((await worklist()).rows.map((r) => r[0])).toContain('overdue');
    for (const id of Object.values(ids)) expect(api.context.repos.worklist.summaries.read(id)).toEqual(freshSummary(api.context, id));
  });

  it('re-judges every patient with a motion when the clinic changes its threshold, in the same transaction', async () => {
    await api.ok('thresholds.set', { motion: 'elbow.flexion', instrument: null, degrees: 30 });
    expect((await worklist()).rows.map((r) => r[0])).not.toContain('losing');
    await api.ok('thresholds.clear', { motion: 'elbow.flexion', instrument: null });
    expect((await worklist()).rows.map((r) => r[0])).toContain('losing');
  });

  it('drops a row when a correction or a void removes its cause', async () => {
    const file = (id: string) => api.ok('patients.file', { patientId: id });
    const gone = async (key: string) => expect((await worklist()).rows.map((r) => r[0])).not.toContain(key);

    const swollen = (await file(ids.swelling!)).visits[0]!;
    await api.ok('visits.void', { id: swollen.id, reason: 'Entered for the wrong patient' });
    await gone('swelling');

    for (const m of (await file(ids.losing!)).visits.slice(0, 3).flatMap((v) => v.measurements)) {
      await api.ok('measurements.correct', { id: m.id, reason: 'Read the wrong scale', degrees: 130, instrument: 'goniometer', endFeel: null, pain: null, note: null });
    }
    await gone('losing');

    const hardOne = (await file(ids.hard!)).visits[0]!.measurements[0]!;
    await api.ok('measurements.correct', { id: hardOne.id, reason: 'End-feel and pain typed in the wrong row', degrees: 131, instrument: 'goniometer', endFeel: 'firm', pain: 2, note: null });
    await gone('hard');

    const [latestAlp] = (await file(ids.alpHigh!)).events;
    await api.ok('events.correct', { id: latestAlp!.id, reason: 'Typing slip: 104 U/L on the report', kind: 'lab_result', date: latestAlp!.date, title: 'Serum alkaline phosphatase', value: 104, unit: 'U/L' });
    await gone('alpHigh');
    await api.ok('events.void', { id: (await file(ids.alpRising!)).events[0]!.id, reason: 'Result belonged to another patient' });
    await gone('alpRising');

    const graded = (await file(ids.graded!)).sites[0]!;
    await api.ok('sites.changeStatus', { id: graded.id, status: 'confirmed', since: daysAgo(30) });
    await gone('graded');
    const excised = (await file(ids.excised!)).sites[0]!;
    await api.ok('sites.changeStatus', { id: excised.id, status: 'excised', since: daysAgo(20) });
    await gone('excised');

    await visit(ids.due!, 0, [{ motion: 'hip.flexion', side: 'left', mode: 'active', degrees: 101 }]);
    await gone('due');
    await api.ok('sites.void', { id: (await file(ids.overdue!)).sites[0]!.id, reason: 'Added to the wrong patient' });
    await gone('overdue');

    expect((await worklist()).page).toMatchObject({ rows: [], total: 0 });
    for (const id of Object.values(ids)) expect(api.context.repos.worklist.summaries.read(id)).toEqual(freshSummary(api.context, id));
  });
});

describe('after an update of ROMtrack (every patient marked)', () => {
  it('a write refreshes only the patients it touched; the others are caught up by the next worklist read', async () => {
    const store = api.context.repos.worklist.summaries;
    api.context.transaction(() => store.markAllDirty());
    const all = store.dirtyCount();
    expect(all).toBeGreaterThan(5);
    await api.ok('events.record', { patientId: ids.none!, kind: 'lab_result', date: daysAgo(1), title: 'Serum alkaline phosphatase', value: 99, unit: 'U/L' });
    expect(store.isDirty(ids.none!)).toBe(false);
    expect(store.dirtyCount()).toBe(all - 1);
    const page = await api.ok('worklist.get', {});
    expect(page.pending).toBe(0);
    expect(store.dirtyCount()).toBe(0);
    for (const id of Object.values(ids)) expect(store.read(id)).toEqual(freshSummary(api.context, id));
  });
});

describe('worklist.patient and worklist.statuses', () => {
  it('give one patient’s reasons with the ALP results, and a status for each patient of a page', async () => {
    const p = await makePatient(api, { familyName: 'Lartey', givenNames: 'Ama', dateOfBirth: '1980-05-05' });
    await alp(p.id, 30, 80);
    await alp(p.id, 3, 260);
    const one = await api.ok('worklist.patient', { patientId: p.id });
    expect(one).toMatchObject({ urgency: 'medium', alp: { latest: { value: 260, date: daysAgo(3) }, previous: { value: 80 }, upperLimit: 130 } });
    expect(one.reasons.map((r) => r.code)).toEqual(['alp_high']);
    const statuses = await api.ok('worklist.statuses', { patientIds: [p.id, ids.none!, ids.notYet!] });
    expect(statuses.map((s) => [s.status, s.label])).toEqual([['attention', 'Attention'], ['ok', 'OK'], ['ok', 'OK']]);
    const missing = await api.call('worklist.patient', { patientId: '00000000-0000-4000-8000-000000000000' });
    expect(missing.ok).toBe(false);
  });
});

describe('referral letters', () => {
  it('keep the full text of each printed letter, newest first, audited; the log refuses edits', async () => {
    const input = { patientId: ids.losing!, joint: 'elbow', side: 'right', seriesKey: 'right.elbow.flexion.active', paper: 'A4', addressee: 'Dr A. Mensah', text: 'Dear Dr Mensah,\n\nPlease consider a triple-phase bone scan and serum ALP.' } as const;
    const first = await api.ok('referrals.record', input);
    const second = await api.ok('referrals.record', { ...input, paper: 'Letter', text: 'Second letter' });
    expect(first).toMatchObject({ ...input, recordedByName: 'Abena Owusu' });
    expect((await api.ok('referrals.list', { patientId: ids.losing! })).map((l) => l.id)).toEqual([second.id, first.id]);
    expect(() => api.context.db.prepare("UPDATE referral_letters SET body = 'changed'").run()).toThrow(/as it was sent/);
    expect(() => api.context.db.prepare('DELETE FROM referral_letters').run()).toThrow(/stays in the log/);
    const empty = await api.call('referrals.record', { ...input, text: '   ' });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.fields?.text).toMatch(/The letter is required/);
  });
});

describe('the sample patients', () => {
  it('are summarised with analysis.patient’s verdicts, and the summaries equal a fresh computation', async () => {
    const sample = openTestBackend();
    try {
      await sample.ok('sampleData.create', {});
      for (const p of (await sample.ok('patients.list', {})).items) {
        const stored = sample.context.repos.worklist.summaries.read(p.id);
        expect(stored).toEqual(freshSummary(sample.context, p.id));
        const { series } = await sample.ok('analysis.patient', { patientId: p.id });
        expect(stored.series.map((s) => [s.seriesKey, s.verdict, s.latestValue])).toEqual(series.map((s) => [s.key, s.verdict.kind, s.analysis.summary.latest?.value ?? null]));
      }
    } finally {
      sample.dispose();
    }
  }, 60_000);
});
