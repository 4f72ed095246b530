import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditFor } from '../../electron/db/audit-repository';
import { todayLocal } from '../../shared/domain/dates';
import { openTestBackend, type TestBackend } from '../support/backend';
import { makePatient } from '../support/clinical-fixtures';

let api: TestBackend;
beforeEach(() => {
  api = openTestBackend();
});
afterEach(() => api.dispose());

const count = () => (api.context.db.prepare('SELECT count(*) AS n FROM report_log').get() as { n: number }).n;
const tomorrow = () => todayLocal(new Date(Date.now() + 86_400_000));
/** What every entry keeps since version 11: nothing typed, the watched sites, the verdicts of the period's end. */
const printed = (to: string) => ({ sites: 'watched' as const, assessment: '', recommendations: '', analysisDate: to });

describe('report log', () => {
  it('records who printed which period on which paper, newest first, and audits it', async () => {
    const p = await makePatient(api);
    const first = await api.ok('reports.record', { patientId: p.id, from: '2025-01-01', to: '2025-12-31', paper: 'A4', ...printed('2025-12-31') });
    const second = await api.ok('reports.record', { patientId: p.id, from: '2025-06-01', to: '2026-01-15', paper: 'Letter', motions: ['elbow.flexion', 'knee.flexion'], ...printed('2026-01-15') });
    expect(first).toMatchObject({ patientId: p.id, from: '2025-01-01', to: '2025-12-31', paper: 'A4', motions: null, recordedByName: 'Abena Owusu' });
    expect(second.motions).toEqual(['elbow.flexion', 'knee.flexion']);
    expect(second.recordedBy).toBe(api.actorId());

    const list = await api.ok('reports.list', { patientId: p.id });
    expect(list.map((r) => r.id)).toEqual([second.id, first.id]);
    expect(auditFor(api.context.db, 'report', first.id).map((a) => a.operation)).toEqual(['reports.record']);

    // Another patient's list stays empty.
    const other = await makePatient(api, { familyName: 'Boateng', givenNames: 'Ama' });
    expect(await api.ok('reports.list', { patientId: other.id })).toEqual([]);
  });

  it('accepts a one-day period ending today, and a summary printed without any chart', async () => {
    const p = await makePatient(api);
    const today = todayLocal();
    const r = await api.ok('reports.record', { patientId: p.id, from: today, to: today, paper: 'Letter', motions: [], ...printed(today) });
    expect(r).toMatchObject({ from: today, to: today, motions: [] });
  });

  it.each([
    ['a period that ends before it starts', { from: '2026-03-01', to: '2026-02-01' }, 'to', /cannot end \(2026-02-01\) before it starts \(2026-03-01\)/],
    ['an end date in the future', { from: '2026-01-01', to: 'TOMORROW' }, 'to', /cannot be in the future/],
    ['a start date in the future', { from: 'TOMORROW', to: 'TOMORROW' }, 'from', /cannot be in the future/],
    ['a date that does not exist', { from: '2026-02-30' }, 'from', /real date/],
    ['a start before the patient was born', { from: '1950-01-01' }, 'from', /before the patient's date of birth/],
    ['an unknown paper size', { paper: 'A3' }, 'paper', /A4 or Letter/],
    ['an unknown motion', { motions: ['knee.pronation'] }, 'motions.0', /unknown/],
    ['a motion listed twice', { motions: ['knee.flexion', 'knee.flexion'] }, 'motions', /twice/],
    ['an unknown field', { printer: 'Ward 3' }, 'printer', /not a field/],
  ])('refuses %s with a message on the field, logging nothing', async (_what, fields, field, message) => {
    const p = await makePatient(api);
    const input = { patientId: p.id, from: '2026-01-01', to: '2026-01-31', paper: 'A4', ...printed('2026-01-31'), ...fields } as Record<string, unknown>;
    for (const k of ['from', 'to'] as const) if (input[k] === 'TOMORROW') input[k] = tomorrow();
    const r = await api.call('reports.record', input as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fields?.[field]).toMatch(message);
    expect(count()).toBe(0);
  });

  it('refuses an unknown patient, and a change when nobody is working', async () => {
    const missing = await api.call('reports.record', { patientId: '00000000-0000-4000-8000-000000000000', from: '2026-01-01', to: '2026-01-02', paper: 'A4', ...printed('2026-01-02') });
    expect(missing.ok || missing.error.code).toBe('not_found');
    expect((await api.call('reports.list', { patientId: '00000000-0000-4000-8000-000000000000' })).ok).toBe(false);

    const p = await makePatient(api);
    api.scope.token = null;
    const nobody = await api.call('reports.record', { patientId: p.id, from: '2026-01-01', to: '2026-01-02', paper: 'A4', ...printed('2026-01-02') });
    expect(nobody.ok || nobody.error.code).toBe('unauthorized');
    expect(count()).toBe(0);
  });

  it('keeps the log append-only in the database itself', async () => {
    const p = await makePatient(api);
    const r = await api.ok('reports.record', { patientId: p.id, from: '2026-01-01', to: '2026-01-31', paper: 'A4', ...printed('2026-01-31') });
    expect(() => api.context.db.prepare('UPDATE report_log SET paper = ? WHERE id = ?').run('Letter', r.id)).toThrow(/never changed/);
    expect(() => api.context.db.prepare('DELETE FROM report_log WHERE id = ?').run(r.id)).toThrow(/never changed/);
    expect(count()).toBe(1);
  });
});
