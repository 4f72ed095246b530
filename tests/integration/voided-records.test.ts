import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../support/backend';
import { makePatient, twelveMeasurements } from '../support/clinical-fixtures';

let api: TestBackend;
beforeEach(() => {
  api = openTestBackend();
});
afterEach(() => api.dispose());

describe('voided records stay readable', () => {
  it('lists what was voided for a patient, with who and why, newest first, and nothing of other patients', async () => {
    const p = await makePatient(api);
    const other = await makePatient(api, { familyName: 'Other' });
    const visit = await api.ok('visits.record', { patientId: p.id, date: '2026-10-01', measurements: twelveMeasurements() });
    const otherVisit = await api.ok('visits.record', { patientId: other.id, date: '2026-10-01', measurements: twelveMeasurements() });
    const event = await api.ok('events.record', { patientId: p.id, kind: 'injury', date: '2026-08-01', title: 'Fall' });
    const site = await api.ok('sites.add', { patientId: p.id, joint: 'knee', side: 'left', status: 'at_risk', since: '2026-08-01' });
    await api.ok('measurements.void', { id: visit.measurements[0]!.id, reason: 'Wrong patient' });
    await api.ok('measurements.void', { id: otherVisit.measurements[0]!.id, reason: 'Not this one' });
    await api.ok('events.void', { id: event.id, reason: 'Duplicate entry' });
    await api.ok('sites.void', { id: site.id, reason: 'Entered on the wrong side' });

    const voided = await api.ok('patients.voided', { patientId: p.id });
    expect(voided.measurements.map((m) => [m.id, m.voided?.reason])).toEqual([[visit.measurements[0]!.id, 'Wrong patient']]);
    expect(voided.events.map((e) => e.voided?.reason)).toEqual(['Duplicate entry']);
    expect(voided.sites.map((s) => s.voided?.reason)).toEqual(['Entered on the wrong side']);
    expect(voided.riskFactors).toEqual([]);
    expect(voided.measurements[0]!.voided?.by).toBe(api.actorId());
  });
});

describe('voiding a whole visit', () => {
  it('takes the visit, its notes and every measurement out of the record, with one reason, and keeps them readable', async () => {
    const p = await makePatient(api);
    const kept = await api.ok('visits.record', { patientId: p.id, date: '2026-09-01', measurements: twelveMeasurements() });
    const wrong = await api.ok('visits.record', { patientId: p.id, date: '2026-10-01', notes: 'Belongs to another patient', measurements: twelveMeasurements() });
    expect(await api.call('visits.void', { id: wrong.id, reason: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    expect(await api.ok('visits.void', { id: wrong.id, reason: 'Recorded on the wrong patient' })).toEqual({ visitId: wrong.id, measurementsVoided: 12 });
    expect((await api.ok('visits.list', { patientId: p.id })).map((v) => v.id)).toEqual([kept.id]);
    const voided = await api.ok('patients.voided', { patientId: p.id });
    expect(voided.visits).toMatchObject([{ visit: { id: wrong.id, notes: 'Belongs to another patient' }, voided: { reason: 'Recorded on the wrong patient' } }]);
    expect(voided.measurements).toHaveLength(12);
    expect(await api.call('visits.void', { id: wrong.id, reason: 'again' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(() => api.context.db.prepare('DELETE FROM visit_voids').run()).toThrow(/never deleted/);
  });
});
