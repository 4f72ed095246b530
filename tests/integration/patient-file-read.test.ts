import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../support/backend';
import { makePatient, twelveMeasurements } from '../support/clinical-fixtures';

// The patient file reads current readings through its own lean path (visitsOf: ids as hex, lineage and
// superseded ids as stored, therapists by key). Every reading it shows must be the very reading the whole-row
// read gives (measurements.history, a correction's answer), ids and version links included.

let api: TestBackend;
beforeEach(() => {
  api = openTestBackend();
});
afterEach(() => api.dispose());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("the patient file's readings", () => {
  it('are the whole-row reads of the same readings, a twice-corrected one with its lineage and the version it replaced', async () => {
    const p = await makePatient(api);
    const visit = await api.ok('visits.record', { patientId: p.id, date: '2026-10-01', measurements: twelveMeasurements() });
    const original = visit.measurements.find((m) => m.motion === 'elbow.flexion' && m.mode === 'active')!;
    const fix = { instrument: 'goniometer', endFeel: null, pain: null, note: null } as const;
    const first = await api.ok('measurements.correct', { ...fix, id: original.id, degrees: 121, reason: 'Transposed digits (112 for 121)' });
    const second = await api.ok('measurements.correct', { ...fix, id: first.id, degrees: 120, reason: 'Re-read the goniometer' });

    const file = await api.ok('patients.file', { patientId: p.id });
    const shown = file.visits.flatMap((v) => v.measurements);
    expect(shown).toHaveLength(12);
    const corrected = shown.find((m) => m.lineageId === original.id)!;
    expect(corrected).toEqual(second);
    expect(corrected).toMatchObject({ id: second.id, lineageId: original.id, supersedesId: first.id, degrees: 120, correctionReason: 'Re-read the goniometer' });
    for (const m of shown) {
      expect(m.id).toMatch(UUID);
      expect(m).toEqual(api.context.repos.visits.measurement(m.id));
    }
  });

  it('shows a reading whose id is not a UUID (kept as text since 0018) under that id, as its own lineage', async () => {
    const p = await makePatient(api);
    const visit = await api.ok('visits.record', { patientId: p.id, date: '2026-10-01', measurements: twelveMeasurements().slice(0, 1) });
    const me = api.actorId();
    api.context.repos.visits.writeMeasurement(
      { id: 'other-clinic-obs-7', lineageId: 'other-clinic-obs-7', supersedesId: null, recordedAt: '2026-10-02T09:00:00.000Z', recordedBy: me, correctionReason: null },
      { visitId: visit.id, patientId: p.id, motion: 'knee.flexion', side: 'right', mode: 'passive', degrees: 95, raterId: me, instrument: 'goniometer', endFeel: null, pain: null, note: null },
    );
    const file = await api.ok('patients.file', { patientId: p.id });
    const [shownVisit] = file.visits;
    expect(shownVisit!.measurements.map((m) => m.id)).toEqual([visit.measurements[0]!.id, 'other-clinic-obs-7']);
    const added = shownVisit!.measurements[1]!;
    expect(added).toEqual(api.context.repos.visits.measurement('other-clinic-obs-7'));
    expect(added).toMatchObject({ lineageId: 'other-clinic-obs-7', supersedesId: null, recordedBy: me, raterId: me });
    // Written a day after the visit: the file says it was added later.
    expect(shownVisit!.extensions).toEqual([{ at: '2026-10-02T09:00:00.000Z', by: me, measurements: 1 }]);
  });
});
