import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditFor } from '../../electron/db/audit-repository';
import { openTestBackend, type TestBackend } from '../support/backend';
import { makePatient, twelveMeasurements } from '../support/clinical-fixtures';

let api: TestBackend;
beforeEach(() => {
  api = openTestBackend();
});
afterEach(() => api.dispose());

const count = (table: string) => (api.context.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

async function recordVisit(patientId: string, date = '2026-10-01') {
  return api.ok('visits.record', { patientId, date, symptoms: { decreasedRange: true, pain: 3 }, measurements: twelveMeasurements() });
}

describe('recording a visit', () => {
  it('saves a 12-measurement visit whole, with the visit defaults carried into each measurement', async () => {
    const p = await makePatient(api);
    const visit = await recordVisit(p.id);
    expect(visit.measurements).toHaveLength(12);
    expect(visit.symptoms).toMatchObject({ decreasedRange: true, swelling: false, pain: 3 });
    const me = api.actorId();
    expect(visit.therapistId).toBe(me);
    for (const m of visit.measurements) {
      expect(m).toMatchObject({ raterId: me, instrument: 'goniometer', date: '2026-10-01', voided: null, supersedesId: null });
    }
    const supination = visit.measurements.find((m) => m.motion === 'forearm.supination')!;
    expect(supination).toMatchObject({ endFeel: 'hard', pain: 4, note: 'Bony block' });
    expect(auditFor(api.context.db, 'visit', visit.id)).toHaveLength(1);
  });

  it('saves nothing when one of the twelve values is out of range, and names the range on that cell', async () => {
    const p = await makePatient(api);
    const measurements = twelveMeasurements();
    measurements[7] = { ...measurements[7]!, degrees: 190 };
    const r = await api.call('visits.record', { patientId: p.id, date: '2026-10-01', measurements });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_input');
    expect(r.error.fields?.['measurements.7.degrees']).toMatch(/Hip flexion must be a whole number of degrees from -30 to 150; 190 is outside it/);
    expect(count('visits')).toBe(0);
    expect(count('measurements')).toBe(0);
  });

  it('rolls back the whole visit when the database fails part-way through', async () => {
    const p = await makePatient(api);
    const auditRows = count('audit_log');
    // A failure on the 7th insert, after six measurements were written inside the transaction.
    api.context.db.exec(`CREATE TEMP TRIGGER fail_on_hip BEFORE INSERT ON main.measurements WHEN NEW.motion = 'hip.flexion'
      BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END;`);
    const r = await api.call('visits.record', { patientId: p.id, date: '2026-10-01', measurements: twelveMeasurements() });
    expect(r).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/nothing was saved/) } });
    expect(count('visits')).toBe(0);
    expect(count('measurements')).toBe(0);
    expect(count('audit_log')).toBe(auditRows);
  });

  it.each([
    ['a motion that does not belong to its joint', { motion: 'knee.pronation', side: 'right', mode: 'active', degrees: 10 }, 'measurements.0.motion', /does not belong to its joint/],
    ['non-numeric degrees', { motion: 'knee.flexion', side: 'right', mode: 'active', degrees: 'ninety' }, 'measurements.0.degrees', /enter it as a number/],
    ['fractional degrees', { motion: 'knee.flexion', side: 'right', mode: 'active', degrees: 90.5 }, 'measurements.0.degrees', /not a whole number/],
    ['a missing side', { motion: 'knee.flexion', mode: 'active', degrees: 90 }, 'measurements.0.side', /Choose the side/],
    ['pain above 10', { motion: 'knee.flexion', side: 'right', mode: 'active', degrees: 90, pain: 11 }, 'measurements.0.pain', /0 to 10/],
    ['an unknown field', { motion: 'knee.flexion', side: 'right', mode: 'active', degrees: 90, colour: 'red' }, 'measurements.0.colour', /not a field/],
  ])('refuses %s, saving nothing', async (_what, measurement, field, message) => {
    const p = await makePatient(api);
    const r = await api.call('visits.record', { patientId: p.id, date: '2026-10-01', measurements: [measurement as never] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fields?.[field]).toMatch(message);
    expect(count('visits')).toBe(0);
  });

  it('refuses a visit date in the future or before birth', async () => {
    const p = await makePatient(api, { dateOfBirth: '1990-05-01' });
    const future = await api.call('visits.record', { patientId: p.id, date: '2999-01-01', measurements: [] });
    expect(future.ok || future.error.fields?.date).toMatch(/cannot be in the future/);
    const beforeBirth = await api.call('visits.record', { patientId: p.id, date: '1989-05-01', measurements: [] });
    expect(beforeBirth.ok || beforeBirth.error.fields?.date).toMatch(/before the patient's date of birth \(1 May 1990\)/);
    expect(count('visits')).toBe(0);
  });

  it('refuses the same motion, side and mode twice in one visit', async () => {
    const p = await makePatient(api);
    const m = { motion: 'knee.flexion', side: 'left', mode: 'active', degrees: 90 } as const;
    const r = await api.call('visits.record', { patientId: p.id, date: '2026-10-01', measurements: [m, { ...m, degrees: 95 }] });
    expect(r.ok || r.error.fields?.['measurements.1.degrees']).toMatch(/entered twice/);
  });
});

describe('corrections and voiding, never silent edits', () => {
  it('a correction writes a new version with its reason; history shows the chain; the visit shows only the newest', async () => {
    const p = await makePatient(api);
    const visit = await recordVisit(p.id);
    const original = visit.measurements.find((m) => m.motion === 'elbow.flexion' && m.mode === 'active')!;
    const fix = { instrument: 'goniometer', endFeel: null, pain: null, note: null } as const;
    const first = await api.ok('measurements.correct', { ...fix, id: original.id, degrees: 121, reason: 'Transposed digits (112 for 121)' });
    const second = await api.ok('measurements.correct', { ...fix, id: first.id, degrees: 120, reason: 'Re-read the goniometer' });
    expect(second).toMatchObject({ lineageId: original.id, supersedesId: first.id, degrees: 120, raterId: original.raterId });

    const history = await api.ok('measurements.history', { id: second.id });
    expect(history.map((h) => [h.degrees, h.correctionReason])).toEqual([
      [112, null],
      [121, 'Transposed digits (112 for 121)'],
      [120, 'Re-read the goniometer'],
    ]);
    const [current] = await api.ok('visits.list', { patientId: p.id });
    expect(current!.measurements).toHaveLength(12);
    expect(current!.measurements.find((m) => m.motion === 'elbow.flexion' && m.mode === 'active')!.degrees).toBe(120);
    expect(auditFor(api.context.db, 'measurement', original.id).map((a) => a.operation)).toEqual(['measurements.correct', 'measurements.correct']);
  });

  it('refuses a correction without a reason, of an old version, or out of the motion’s range', async () => {
    const p = await makePatient(api);
    const visit = await recordVisit(p.id);
    const m = visit.measurements[0]!;
    const base = { id: m.id, instrument: 'goniometer', endFeel: null, pain: null, note: null } as const;
    const noReason = await api.call('measurements.correct', { ...base, degrees: 100, reason: '' });
    expect(noReason.ok || noReason.error.fields?.reason).toMatch(/reason for the correction is required/);
    const outOfRange = await api.call('measurements.correct', { ...base, degrees: 400, reason: 'typo' });
    expect(outOfRange.ok || outOfRange.error.fields?.degrees).toMatch(/from -10 to 170/);
    await api.ok('measurements.correct', { ...base, degrees: 100, reason: 'typo' });
    const stale = await api.call('measurements.correct', { ...base, degrees: 101, reason: 'typo again' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/already been corrected/) } });
  });

  it('voiding keeps the row with its reason and takes it out of the visit', async () => {
    const p = await makePatient(api);
    const visit = await recordVisit(p.id);
    const m = visit.measurements[2]!;
    const voided = await api.ok('measurements.void', { id: m.id, reason: 'Measured the wrong side' });
    expect(voided.voided).toMatchObject({ reason: 'Measured the wrong side', by: api.actorId() });
    const [current] = await api.ok('visits.list', { patientId: p.id });
    expect(current!.measurements.map((x) => x.id)).not.toContain(m.id);
    expect(count('measurements')).toBe(12);
    const again = await api.call('measurements.void', { id: m.id, reason: 'twice' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('the database itself refuses to delete or edit a clinical record, even with raw SQL', async () => {
    const p = await makePatient(api);
    const visit = await recordVisit(p.id);
    api.close();
    const raw = new Database(api.dbPath);
    expect(() => raw.prepare('DELETE FROM measurements').run()).toThrow(/never deleted/);
    expect(() => raw.prepare('UPDATE measurements SET degrees = 1').run()).toThrow(/never edited in place/);
    expect(() => raw.prepare('DELETE FROM visits').run()).toThrow(/never deleted/);
    expect(raw.prepare('SELECT count(*) AS n FROM measurements WHERE visit = (SELECT key FROM visits WHERE id = ?)').get(visit.id)).toEqual({ n: 12 });
    raw.close();
  });
});
