import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditFor } from '../../electron/db/audit-repository';
import { todayLocal } from '../../shared/domain/dates';
import { openTestBackend, type TestBackend } from '../support/backend';
import { makePatient } from '../support/clinical-fixtures';

// Issue 17: each printed report keeps what it said (the typed assessment and recommendations, exactly as typed)
// and everything needed to draw it again (period, paper, charts, sites, the day of its verdicts), so a report
// chosen under "Printed before" prints again identically. On a real SQLite file, through the dispatcher.

let api: TestBackend;
beforeEach(() => {
  api = openTestBackend();
});
afterEach(() => api.dispose());

const daysAgo = (n: number) => todayLocal(new Date(Date.now() - n * 86_400_000));
const count = () => api.context.db.prepare('SELECT count(*) FROM report_log').pluck().get();

// Typed as a therapist types: two paragraphs, a degree sign, accents, a trailing newline. Kept byte for byte.
const ASSESSMENT = 'Right elbow flexion has fallen 22° since its best (Hastings-Graham IIA).\n\nEnd-feel hard; Zoë’s family reports pain at night.\n';
const RECOMMENDATIONS = 'CT of the right elbow.\nReview by Dr Nʼguessan in 4 weeks.';

async function printed(patientId: string, over: Record<string, unknown> = {}) {
  return api.ok('reports.record', {
    patientId,
    from: daysAgo(100),
    to: daysAgo(10),
    paper: 'Letter',
    motions: ['elbow.flexion', 'forearm.pronation'],
    sites: 'all',
    assessment: ASSESSMENT,
    recommendations: RECOMMENDATIONS,
    analysisDate: daysAgo(10),
    ...over,
  });
}

describe('the print log keeps what each report said', () => {
  it('lists each entry with its texts exactly as typed, its sites and the day of its verdicts', async () => {
    const p = await makePatient(api);
    const r = await printed(p.id);
    const [listed] = await api.ok('reports.list', { patientId: p.id });
    expect(listed).toEqual(r);
    expect(listed).toMatchObject({
      from: daysAgo(100),
      to: daysAgo(10),
      paper: 'Letter',
      motions: ['elbow.flexion', 'forearm.pronation'],
      kept: { sites: 'all', assessment: ASSESSMENT, recommendations: RECOMMENDATIONS, analysisDate: daysAgo(10) },
      reprintOf: null,
      recordedByName: 'Abena Owusu',
    });
    // The audit row carries the texts too: what left the clinic is in the audited record.
    const [row] = auditFor(api.context.db, 'report', r.id);
    expect(row!.operation).toBe('reports.record');
    expect(JSON.stringify(row)).toContain('Review by Dr Nʼguessan');
  });

  it('prints an entry again as a new entry copying it, signed by whoever is working, naming the first printing', async () => {
    const p = await makePatient(api);
    const first = await printed(p.id);
    const kofi = await api.ok('therapists.create', { credential: '735194', name: 'Kofi Boateng', title: 'PT', registrationNumber: 'PT-2002' });
    api.signInAs(kofi.id);

    const again = await api.ok('reports.recordReprint', { reportId: first.id });
    expect(again.id).not.toBe(first.id);
    expect(again).toMatchObject({ from: first.from, to: first.to, paper: first.paper, motions: first.motions, kept: first.kept, reprintOf: first.id, recordedBy: kofi.id });
    expect(auditFor(api.context.db, 'report', again.id).map((a) => a.operation)).toEqual(['reports.recordReprint']);

    // A reprint of the reprint still names the first printing, and the list has all three, newest first.
    const third = await api.ok('reports.recordReprint', { reportId: again.id });
    expect(third.reprintOf).toBe(first.id);
    expect((await api.ok('reports.list', { patientId: p.id })).map((r) => r.id)).toEqual([third.id, again.id, first.id]);
  });

  it('keeps the verdicts of the day it kept: a later visit does not change the reprint’s analysis', async () => {
    const p = await makePatient(api);
    await api.ok('sites.add', { patientId: p.id, joint: 'elbow', side: 'right', status: 'suspected', since: daysAgo(120) });
    for (const [ago, degrees] of [[100, 120], [80, 121], [60, 120], [40, 121], [20, 120]] as const) {
      await api.ok('visits.record', { patientId: p.id, date: daysAgo(ago), measurements: [{ motion: 'elbow.flexion', side: 'right', mode: 'active', degrees }] });
    }
    const r = await printed(p.id);
    const verdicts = async (today: string) => (await api.ok('analysis.patient', { patientId: p.id, today })).series.map((s) => `${s.key} ${s.verdict.kind}`);
    const then = await verdicts(r.kept!.analysisDate);
    expect(then).toEqual(['right.elbow.flexion.active holding']);
    // Measured since: 30° lost twice. Today's verdict changes; the kept day's does not.
    for (const ago of [5, 1]) await api.ok('visits.record', { patientId: p.id, date: daysAgo(ago), measurements: [{ motion: 'elbow.flexion', side: 'right', mode: 'active', degrees: 90 }] });
    expect(await verdicts(todayLocal())).toEqual(['right.elbow.flexion.active losing']);
    const [latest] = await api.ok('reports.list', { patientId: p.id });
    expect(await verdicts(latest!.kept!.analysisDate)).toEqual(then);
  });

  it.each([
    ['verdicts for a day before the period ends', { analysisDate: 'FROM' }, 'analysisDate', /cannot be for a day before the period ends/],
    ['verdicts for a day in the future', { analysisDate: 'TOMORROW' }, 'analysisDate', /cannot be in the future/],
    ['an assessment over 4000 characters', { assessment: 'x'.repeat(4001) }, 'assessment', /too long: keep it to 4000 characters/],
    ['a bidirectional override pasted into the recommendations', { recommendations: 'Review in \u202E4 weeks' }, 'recommendations', /invisible text-direction mark after "Review in"/],
    ['no sites choice', { sites: undefined }, 'sites', /watched sites only, or all joints/],
    ['assessment left out', { assessment: undefined }, 'assessment', /must be text/],
  ])('refuses %s with a message on the field, logging nothing', async (_what, fields, field, message) => {
    const p = await makePatient(api);
    const input: Record<string, unknown> = { ...fields };
    if (input.analysisDate === 'FROM') input.analysisDate = daysAgo(50);
    if (input.analysisDate === 'TOMORROW') input.analysisDate = todayLocal(new Date(Date.now() + 86_400_000));
    const r = await api.call('reports.record', {
      patientId: p.id, from: daysAgo(100), to: daysAgo(10), paper: 'A4', sites: 'watched', assessment: '', recommendations: '', analysisDate: daysAgo(10), ...input,
    } as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fields?.[field]).toMatch(message);
    expect(count()).toBe(0);
  });

  it('refuses to reprint an entry from before version 11 (its text was never kept) or one that does not exist', async () => {
    const p = await makePatient(api);
    // An entry as version 10 wrote it: no texts, no sites, no day of verdicts.
    api.context.db
      .prepare("INSERT INTO report_log (id, patient_id, period_from, period_to, paper, motions_json, recorded_at, recorded_by) VALUES (?, ?, '2025-01-01', '2025-06-30', 'A4', NULL, '2025-07-01T08:00:00.000Z', NULL)")
      .run('6f1c2a9e-0000-4000-8000-000000000001', p.id);
    const [old] = await api.ok('reports.list', { patientId: p.id });
    expect(old).toMatchObject({ kept: null, reprintOf: null, recordedByName: null });

    const refused = await api.call('reports.recordReprint', { reportId: old!.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/printed before ROMtrack kept the text/) } });
    const missing = await api.call('reports.recordReprint', { reportId: '6f1c2a9e-0000-4000-8000-000000000099' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    api.scope.token = null;
    const r = await printed(p.id).catch((e: Error) => e.message);
    expect(r).toMatch(/unauthorized/);
    expect(count()).toBe(1);
  });

  it('holds the rules in the database itself: all four kept or none, verdicts not before the period’s end, append-only', async () => {
    const p = await makePatient(api);
    const r = await printed(p.id);
    const insert = (cols: Record<string, unknown>) => {
      const row = { id: crypto.randomUUID(), patient_id: p.id, period_from: '2025-01-01', period_to: '2025-06-30', paper: 'A4', recorded_at: '2025-07-01T08:00:00.000Z', ...cols };
      const keys = Object.keys(row);
      api.context.db.prepare(`INSERT INTO report_log (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`).run(...Object.values(row));
    };
    const kept = { sites: 'watched', assessment: '', recommendations: '', analysis_date: '2025-06-30' };
    expect(() => insert({ ...kept, analysis_date: null })).toThrow(/CHECK/);
    expect(() => insert({ ...kept, recommendations: null })).toThrow(/CHECK/);
    expect(() => insert({ ...kept, analysis_date: '2025-06-29' })).toThrow(/CHECK/);
    expect(() => insert({ ...kept, sites: 'some' })).toThrow(/CHECK/);
    expect(() => insert({ ...kept, assessment: 'x'.repeat(4001) })).toThrow(/CHECK/);
    expect(() => insert({ reprint_of: r.id })).toThrow(/CHECK/);
    expect(() => insert({ ...kept, reprint_of: '6f1c2a9e-0000-4000-8000-000000000099' })).toThrow(/FOREIGN KEY/);
    expect(() => api.context.db.prepare('UPDATE report_log SET assessment = ? WHERE id = ?').run('Changed afterwards', r.id)).toThrow(/never changed/);
    expect(count()).toBe(1);
    insert({ ...kept, reprint_of: r.id });
    expect(count()).toBe(2);
  });
});
