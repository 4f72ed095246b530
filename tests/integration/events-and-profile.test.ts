import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditFor } from '../../electron/db/audit-repository';
import { openTestBackend, type TestBackend } from '../support/backend';
import { makePatient } from '../support/clinical-fixtures';

let api: TestBackend;
beforeEach(() => {
  api = openTestBackend();
});
afterEach(() => api.dispose());

const count = (table: string) => (api.context.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('clinical events', () => {
  it('records treatments and results on the timeline, newest first', async () => {
    const p = await makePatient(api);
    await api.ok('events.record', { patientId: p.id, kind: 'injury', date: '2026-08-03', title: 'Spinal cord injury, T4 complete' });
    await api.ok('events.record', { patientId: p.id, kind: 'nsaid_course', date: '2026-08-20', endDate: '2026-09-17', title: 'Indomethacin 25 mg three times a day' });
    await api.ok('events.record', { patientId: p.id, kind: 'radiation', date: '2026-09-01', joint: 'hip', side: 'left', value: 7, unit: 'Gy' });
    await api.ok('events.record', { patientId: p.id, kind: 'lab_result', date: '2026-09-05', title: 'Serum alkaline phosphatase', value: 212, unit: 'U/L' });
    const events = await api.ok('events.list', { patientId: p.id });
    expect(events.map((e) => e.kind)).toEqual(['lab_result', 'radiation', 'nsaid_course', 'injury']);
    expect(events[0]).toMatchObject({ value: 212, unit: 'U/L' });
  });

  it.each([
    ['a negative ALP', { kind: 'lab_result', title: 'Serum alkaline phosphatase', value: -5, unit: 'U/L' }, 'value', /more than 0 and at most 5000 U\/L/],
    ['an absurd ALP', { kind: 'lab_result', title: 'Serum alkaline phosphatase', value: 90000, unit: 'U/L' }, 'value', /cannot be right/],
    ['a course that ends before it starts', { kind: 'bisphosphonate_course', title: 'Etidronate 20 mg/kg', endDate: '2026-08-01' }, 'endDate', /cannot end before it starts/],
    ['radiation without a dose', { kind: 'radiation', joint: 'hip', side: 'right' }, 'value', /dose in Gy/],
    ['a Brooker grade on an elbow X-ray', { kind: 'xray', joint: 'elbow', side: 'right', classification: 'brooker:III' }, 'classification', /does not fit the joint/],
    ['a joint without a side', { kind: 'surgery', title: 'ORIF', joint: 'knee' }, 'side', /both the joint and the side/],
    ['an unknown field', { kind: 'injury', title: 'Fall', severity: 'bad' }, 'severity', /not a field/],
  ])('refuses %s with a message on the field, saving nothing', async (_what, fields, field, message) => {
    const p = await makePatient(api);
    const r = await api.call('events.record', { patientId: p.id, date: '2026-09-01', ...(fields as object) } as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fields?.[field]).toMatch(message);
    expect(count('clinical_events')).toBe(0);
  });

  it('corrects an event as a new version with a reason, and voids with a reason', async () => {
    const p = await makePatient(api);
    const alp = await api.ok('events.record', { patientId: p.id, kind: 'lab_result', date: '2026-09-05', title: 'Serum alkaline phosphatase', value: 21, unit: 'U/L' });
    const fixed = await api.ok('events.correct', {
      id: alp.id, reason: 'Missed a digit: 212', kind: 'lab_result', date: '2026-09-05', title: 'Serum alkaline phosphatase', value: 212, unit: 'U/L',
    });
    expect((await api.ok('events.history', { id: fixed.id })).map((e) => e.value)).toEqual([21, 212]);
    expect((await api.ok('events.list', { patientId: p.id })).map((e) => e.value)).toEqual([212]);
    const noReason = await api.call('events.void', { id: fixed.id, reason: '' });
    expect(noReason.ok).toBe(false);
    await api.ok('events.void', { id: fixed.id, reason: 'Result belonged to another patient' });
    expect(await api.ok('events.list', { patientId: p.id })).toEqual([]);
    expect(count('clinical_events')).toBe(2);
    expect(auditFor(api.context.db, 'event', alp.id).map((a) => a.operation)).toEqual(['events.record', 'events.correct', 'events.void']);
  });
});

describe('HO profile', () => {
  it('keeps risk factors with dates, and watched sites with status history and the latest classification', async () => {
    const p = await makePatient(api);
    await api.ok('riskFactors.add', { patientId: p.id, kind: 'spinal_cord_injury', onsetDate: '2026-08-03', note: 'T4 complete' });
    const hip = await api.ok('sites.add', { patientId: p.id, joint: 'hip', side: 'right', status: 'at_risk', since: '2026-08-03' });
    const suspected = await api.ok('sites.changeStatus', { id: hip.id, status: 'suspected', since: '2026-09-10' });
    await api.ok('events.record', { patientId: p.id, kind: 'xray', date: '2026-10-01', joint: 'hip', side: 'right', classification: 'brooker:II', note: 'Spurs' });
    await api.ok('events.record', { patientId: p.id, kind: 'xray', date: '2026-11-01', joint: 'hip', side: 'right', classification: 'brooker:III', note: 'Bridging' });
    await api.ok('sites.changeStatus', { id: suspected.id, status: 'confirmed', since: '2026-11-01' });
    const profile = await api.ok('profile.get', { patientId: p.id });
    expect(profile.riskFactors).toMatchObject([{ kind: 'spinal_cord_injury', onsetDate: '2026-08-03' }]);
    expect(profile.sites).toHaveLength(1);
    expect(profile.sites[0]).toMatchObject({ status: 'confirmed', since: '2026-11-01', lineageId: hip.id, classification: { code: 'brooker:III', date: '2026-11-01' } });
  });

  it('refuses a second record for a site already watched, and a status dated before the current one', async () => {
    const p = await makePatient(api);
    const hip = await api.ok('sites.add', { patientId: p.id, joint: 'hip', side: 'left', status: 'at_risk', since: '2026-08-03' });
    const dup = await api.call('sites.add', { patientId: p.id, joint: 'hip', side: 'left', status: 'suspected', since: '2026-09-03' });
    expect(dup.ok || dup.error.fields?.joint).toMatch(/already watched/);
    const early = await api.call('sites.changeStatus', { id: hip.id, status: 'suspected', since: '2026-07-01' });
    expect(early.ok || early.error.fields?.since).toMatch(/on or after that date/);
    expect(count('watched_sites')).toBe(1);
  });

  it('refuses an unknown risk factor and a date before birth', async () => {
    const p = await makePatient(api, { dateOfBirth: '1990-01-01' });
    const unknown = await api.call('riskFactors.add', { patientId: p.id, kind: 'bad_luck' as never });
    expect(unknown.ok || unknown.error.fields?.kind).toMatch(/listed risk factors/);
    const early = await api.call('riskFactors.add', { patientId: p.id, kind: 'burns', onsetDate: '1980-01-01' });
    expect(early.ok || early.error.fields?.onsetDate).toMatch(/before the patient's date of birth/);
    expect(count('risk_factors')).toBe(0);
  });

  it('the patient file names every therapist involved, deactivated ones included', async () => {
    const p = await makePatient(api);
    const jonas = await api.ok('therapists.create', { credential: '735194', name: 'Jonas Meier' });
    const me = api.actorId()!;
    await api.ok('sites.add', { patientId: p.id, joint: 'knee', side: 'left', status: 'at_risk', since: '2026-08-03' });
    await api.ok('visits.record', { patientId: p.id, date: '2026-10-01', therapistId: jonas.id, measurements: [{ motion: 'knee.flexion', side: 'left', mode: 'active', degrees: 100 }] });
    await api.ok('therapists.setActive', { id: jonas.id, active: false });
    const file = await api.ok('patients.file', { patientId: p.id });
    expect(file.visits[0]!.measurements[0]!.raterId).toBe(jonas.id);
    expect(file.therapists.map((t) => [t.id, t.active]).sort()).toEqual([[jonas.id, false], [me, true]].sort());
  });
});
