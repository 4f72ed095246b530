import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditFor } from '../../electron/db/audit-repository';
import { createBackend } from '../../electron/api/backend';
import { freshSummary } from '../../electron/api/worklist-refresh';
import type { OperationInput } from '../../shared/api/contract';
import { openTestBackend, type TestBackend } from '../support/backend';
import { makePatient } from '../support/clinical-fixtures';

// Completing or extending a visit already recorded ('visits.addMeasurements'), through dispatch on a real SQLite
// file: the readings join that visit, each with who added it and when; the audit names the actor; a reading the
// visit already has, a voided visit and a slip in a value are refused with nothing saved; the worklist summary
// is current when the call returns.

type Entry = OperationInput<'visits.record'>['measurements'][number];
const reading = (motion: Entry['motion'], degrees: number, more: Partial<Entry> = {}): Entry => ({ motion, side: 'right', mode: 'active', degrees, ...more });

let api: TestBackend;
beforeEach(() => {
  api = openTestBackend();
});
afterEach(() => api.dispose());

const count = (table: string) => (api.context.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** A patient with a watched right elbow and a morning visit that measured only flexion, with an inclinometer. */
async function morningVisit() {
  const p = await makePatient(api);
  await api.ok('sites.add', { patientId: p.id, joint: 'elbow', side: 'right', status: 'at_risk', since: '2026-01-05' });
  const visit = await api.ok('visits.record', {
    patientId: p.id,
    date: '2026-03-04',
    defaults: { instrument: 'inclinometer', endFeel: 'firm' },
    measurements: [reading('elbow.flexion', 118)],
  });
  return { patient: p, visit };
}

describe('adding measurements to a recorded visit', () => {
  it('puts them into that visit, with the visit defaults, the rater and an audit row naming who added them', async () => {
    const { patient, visit } = await morningVisit();
    const recorder = api.actorId();
    const colleague = await api.ok('therapists.create', { credential: '735194', name: 'Jonas Meier', title: 'Physiotherapist', registrationNumber: 'PT-2002', initials: 'JM' });
    api.signInAs(colleague.id);

    const extended = await api.ok('visits.addMeasurements', {
      visitId: visit.id,
      measurements: [reading('elbow.extension', -20), reading('forearm.pronation', 70, { instrument: 'goniometer', pain: 2 })],
    });

    expect(extended.id).toBe(visit.id);
    expect(extended.measurements.map((m) => [m.motion, m.degrees])).toEqual([
      ['elbow.flexion', 118],
      ['elbow.extension', -20],
      ['forearm.pronation', 70],
    ]);
    const [, extension, pronation] = extended.measurements;
    // Omitted details are the visit's own defaults; a given one is kept. The rater is who added them.
    expect(extension).toMatchObject({ date: '2026-03-04', instrument: 'inclinometer', endFeel: 'firm', raterId: colleague.id, recordedBy: colleague.id });
    expect(pronation).toMatchObject({ instrument: 'goniometer', pain: 2, raterId: colleague.id });
    // The visit itself is unchanged: same date, therapist and header; it says it was extended, by whom.
    expect(extended).toMatchObject({ date: visit.date, therapistId: visit.therapistId, recordedAt: visit.recordedAt, recordedBy: visit.recordedBy });
    expect(visit.extensions).toEqual([]);
    expect(extended.extensions).toEqual([{ at: extension!.recordedAt, by: colleague.id, measurements: 2 }]);

    // Still one visit on the patient's file, now with three readings.
    const file = await api.ok('patients.file', { patientId: patient.id });
    expect(file.visits).toHaveLength(1);
    expect(file.visits[0]!.measurements).toHaveLength(3);
    expect(file.visits[0]!.extensions).toHaveLength(1);

    const audit = auditFor(api.context.db, 'visit', visit.id);
    expect(audit.map((a) => [a.operation, a.actorId])).toEqual([
      ['visits.record', recorder],
      ['visits.addMeasurements', colleague.id],
    ]);
    expect((audit[1]!.before as { measurements: unknown[] }).measurements).toHaveLength(1);
    expect((audit[1]!.after as { measurements: unknown[] }).measurements).toHaveLength(3);
  });

  it('refuses a reading the visit already has, pointing to a correction, and saves none of the others', async () => {
    const { visit } = await morningVisit();
    const before = { measurements: count('measurements'), audit: count('audit_log') };
    const r = await api.call('visits.addMeasurements', { visitId: visit.id, measurements: [reading('elbow.extension', -20), reading('elbow.flexion', 95)] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_input');
    expect(r.error.fields?.['measurements.1.degrees']).toBe(
      'Elbow flexion (right, active) is already measured in this visit: 118°. To change it, correct that reading (with a reason) instead.',
    );
    expect(r.error.fields?.['measurements.0.degrees']).toBeUndefined();
    expect({ measurements: count('measurements'), audit: count('audit_log') }).toEqual(before);
  });

  it('counts a corrected reading as measured, and lets a voided one be measured again', async () => {
    const { visit } = await morningVisit();
    const flexion = visit.measurements[0]!;
    const corrected = await api.ok('measurements.correct', { id: flexion.id, reason: 'Misread the scale', degrees: 116, instrument: 'inclinometer', endFeel: 'firm', pain: null, note: null });
    const again = await api.call('visits.addMeasurements', { visitId: visit.id, measurements: [reading('elbow.flexion', 120)] });
    expect(again.ok || again.error.fields?.['measurements.0.degrees']).toMatch(/already measured in this visit: 116°/);

    await api.ok('measurements.void', { id: corrected.id, reason: 'Measured the wrong arm' });
    const remeasured = await api.ok('visits.addMeasurements', { visitId: visit.id, measurements: [reading('elbow.flexion', 121)] });
    expect(remeasured.measurements.map((m) => m.degrees)).toEqual([121]);
  });

  it('refuses a voided visit, an unknown one, and the same slips a visit refuses', async () => {
    const { patient, visit } = await morningVisit();
    await api.ok('visits.void', { id: visit.id, reason: 'Recorded on the wrong patient' });
    const voided = await api.call('visits.addMeasurements', { visitId: visit.id, measurements: [reading('elbow.extension', -20)] });
    expect(voided).toMatchObject({ ok: false, error: { code: 'conflict', message: 'This visit was voided: record a new visit instead.' } });

    const unknown = await api.call('visits.addMeasurements', { visitId: '6f1d3c1e-2b7a-4c1e-9a51-0c2f7e9d8b11', measurements: [reading('elbow.extension', -20)] });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const open = await api.ok('visits.record', { patientId: patient.id, date: '2026-03-05', measurements: [reading('elbow.flexion', 118)] });
    const cases: [OperationInput<'visits.addMeasurements'>['measurements'], string, RegExp][] = [
      [[], 'measurements', /at least one value/],
      [[reading('elbow.extension', -20), reading('elbow.extension', -18)], 'measurements.1.degrees', /entered twice in this visit/],
      [[reading('elbow.extension', 200)], 'measurements.0.degrees', /Elbow extension must be a whole number of degrees/],
    ];
    for (const [measurements, field, message] of cases) {
      const r = await api.call('visits.addMeasurements', { visitId: open.id, measurements });
      expect(r.ok || r.error.fields?.[field]).toMatch(message);
    }
    const stranger = await api.call('visits.addMeasurements', { visitId: open.id, raterId: '6f1d3c1e-2b7a-4c1e-9a51-0c2f7e9d8b11', measurements: [reading('elbow.extension', -20)] });
    expect(stranger.ok || stranger.error.fields?.raterId).toMatch(/not on the list/);
    expect((await api.ok('visits.list', { patientId: patient.id }))[0]!.measurements).toHaveLength(1);
  });

  it('may extend a visit days later: the addition keeps its own time, also after a correction', async () => {
    const { visit } = await morningVisit();
    api.context.now = () => '2026-03-09T08:15:00.000Z';
    const extended = await api.ok('visits.addMeasurements', { visitId: visit.id, measurements: [reading('elbow.extension', -20)] });
    const added = extended.measurements.find((m) => m.motion === 'elbow.extension')!;
    api.context.now = () => '2026-03-10T09:00:00.000Z';
    await api.ok('measurements.correct', { id: added.id, reason: 'Wrong sign', degrees: -25, instrument: 'inclinometer', endFeel: 'firm', pain: null, note: null });
    const [read] = await api.ok('visits.list', { patientId: visit.patientId });
    expect(read!.measurements.find((m) => m.motion === 'elbow.extension')!.degrees).toBe(-25);
    expect(read!.extensions).toEqual([{ at: '2026-03-09T08:15:00.000Z', by: api.actorId(), measurements: 1 }]);
  });

  it('keeps the worklist summary current in the same transaction, and the readings are on the file after reopening', async () => {
    const { patient, visit } = await morningVisit();
    await api.ok('visits.addMeasurements', { visitId: visit.id, measurements: [reading('elbow.extension', -30)] });
    expect(api.context.repos.worklist.summaries.dirtyCount()).toBe(0);
    const summary = api.context.repos.worklist.summaries.read(patient.id);
    expect(summary).toEqual(freshSummary(api.context, patient.id));
    expect(summary.series.find((s) => s.motion === 'elbow.extension')).toMatchObject({ latestValue: -30, latestDate: '2026-03-04' });

    // The file itself, opened afresh: what was acknowledged is there.
    const reopened = createBackend({ databasePath: api.dbPath, mode: 'server' });
    try {
      const visits = reopened.context.repos.visits.visitsOf(patient.id);
      expect(visits).toHaveLength(1);
      expect(visits[0]!.measurements.map((m) => m.motion)).toEqual(['elbow.flexion', 'elbow.extension']);
    } finally {
      reopened.close();
    }
  });
});
