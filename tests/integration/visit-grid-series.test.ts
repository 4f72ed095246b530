import { afterEach, describe, expect, it } from 'vitest';
import { seriesKeyOf } from '../../shared/domain/series';
import { lastComparable, seriesOf } from '../../renderer/src/visits/grid-model';
import { openTestBackend, type TestBackend } from '../support/backend';

// The visit form's "last 85°" hints and its far-off question read the patient's earlier readings by series. They are
// keyed by the one series key (shared/domain/series.ts), the key the charts, goals and links use, never a second
// format: a series recorded in a visit is found under seriesKeyOf(side, motion, mode), newest first.
let backend: TestBackend | null = null;
afterEach(() => {
  backend?.dispose();
  backend = null;
});

describe('the visit grid reads earlier readings by the shared series key', () => {
  it('groups a patient file’s readings under seriesKeyOf, newest first, and picks the same instrument for comparison', async () => {
    const b = (backend = openTestBackend());
    const p = await b.ok('patients.create', { familyName: 'Mensah', givenNames: 'Ama', clinicId: null, dateOfBirth: '1980-04-02', sex: 'female' });
    await b.ok('visits.record', { patientId: p.id, date: '2026-01-05', measurements: [{ motion: 'elbow.flexion', side: 'right', mode: 'active', degrees: 130 }] });
    await b.ok('visits.record', {
      patientId: p.id,
      date: '2026-02-02',
      measurements: [
        { motion: 'elbow.flexion', side: 'right', mode: 'active', degrees: 118, instrument: 'inclinometer' },
        { motion: 'elbow.flexion', side: 'left', mode: 'passive', degrees: 140 },
      ],
    });
    const file = await b.ok('patients.file', { patientId: p.id });

    const series = seriesOf(file.visits);
    expect([...series.keys()].sort()).toEqual(['left.elbow.flexion.passive', 'right.elbow.flexion.active']);
    const right = series.get(seriesKeyOf('right', 'elbow.flexion', 'active'));
    expect(right?.map((r) => [r.date, r.degrees, r.instrument])).toEqual([
      ['2026-02-02', 118, 'inclinometer'],
      ['2026-01-05', 130, 'goniometer'],
    ]);
    // Compared like with like: the newest goniometer reading, not the newer inclinometer one.
    expect(lastComparable(right, 'goniometer')?.degrees).toBe(130);
    expect(lastComparable(right, 'smartphone')?.degrees).toBe(118);
  });
});
