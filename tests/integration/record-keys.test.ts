import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../support/backend';
import { makePatient, twelveMeasurements } from '../support/clinical-fixtures';

// A new therapist, patient or visit gets its integer key (migration 0018) in its own INSERT. Were it left to the
// table's `_keyed` trigger, the trigger's UPDATE of a key that measurements refer to makes SQLite read every
// measurement of the clinic for each new row (no full index on measurements' visit, patient or therapist
// columns): 10-50 ms per save at the bench's 112,000 measurements, ten times that at a large clinic's 2 million.
// A temporary trigger records any such UPDATE, so the test fails the day a write path leaves the key to 0018's.

let api: TestBackend;
beforeEach(() => {
  api = openTestBackend();
  api.context.db.exec(`
    CREATE TEMP TABLE key_updates (tbl TEXT NOT NULL);
    CREATE TEMP TRIGGER visits_key_update AFTER UPDATE OF key ON main.visits BEGIN INSERT INTO key_updates VALUES ('visits'); END;
    CREATE TEMP TRIGGER patients_key_update AFTER UPDATE OF key ON main.patients BEGIN INSERT INTO key_updates VALUES ('patients'); END;
    CREATE TEMP TRIGGER therapists_key_update AFTER UPDATE OF key ON main.therapists BEGIN INSERT INTO key_updates VALUES ('therapists'); END;
  `);
});
afterEach(() => api.dispose());

const keyUpdates = () => api.context.db.prepare('SELECT tbl FROM key_updates').pluck().all();
const keyOf = (table: 'visits' | 'patients' | 'therapists', id: string) => api.context.db.prepare(`SELECT key FROM ${table} WHERE id = ?`).pluck().get(id);
const maxKey = (table: 'visits' | 'patients' | 'therapists') => api.context.db.prepare(`SELECT max(key) FROM ${table}`).pluck().get();

describe('keys of new rows', () => {
  it('a visit, its patient and a therapist get the next key in their insert, not from the trigger after it', async () => {
    const patientsBefore = maxKey('patients');
    const p = await makePatient(api);
    expect(keyOf('patients', p.id)).toBe(Number(patientsBefore) + 1);

    const first = await api.ok('visits.record', { patientId: p.id, date: '2026-10-01', measurements: twelveMeasurements() });
    const second = await api.ok('visits.record', { patientId: p.id, date: '2026-10-08', measurements: twelveMeasurements() });
    expect(keyOf('visits', second.id)).toBe(Number(keyOf('visits', first.id)) + 1);
    // Each reading points at its own visit's key: the file reads them back under the right visit.
    const file = await api.ok('patients.file', { patientId: p.id });
    expect(file.visits.map((v) => [v.id, v.measurements.length])).toEqual([
      [second.id, 12],
      [first.id, 12],
    ]);

    const maria = await api.ok('therapists.create', { name: 'Maria Santos', credential: '735194' });
    expect(keyOf('therapists', maria.id)).toBe(maxKey('therapists'));
    expect(keyUpdates()).toEqual([]);
  });

  it('so do a patient and a therapist brought in from another workstation', () => {
    const { repos } = api.context;
    const at = api.context.now();
    const patient = api.context.transaction(() =>
      repos.patients.insertImported({ id: randomUUID(), familyName: 'Mensah', givenNames: 'Kofi', clinicId: null, dateOfBirth: '1990-04-02', sex: 'male' }, at),
    );
    const therapist = api.context.transaction(() =>
      repos.therapists.insertImported(randomUUID(), { name: 'Ama Boateng', title: null, registrationNumber: null, initials: 'AB', active: true }, at),
    );
    expect(keyOf('patients', patient.id)).toBe(maxKey('patients'));
    expect(keyOf('therapists', therapist.id)).toBe(maxKey('therapists'));
    expect(keyUpdates()).toEqual([]);
  });

  it('a row written outside the app still gets its key, from the trigger (what the temporary trigger catches)', () => {
    const id = randomUUID();
    api.context.db
      .prepare("INSERT INTO patients (id, family_name, given_names, date_of_birth, sex, version, created_at, updated_at) VALUES (?, 'Osei', 'Efua', '1985-01-01', 'female', 1, 'x', 'x')")
      .run(id);
    expect(keyOf('patients', id)).toBe(maxKey('patients'));
    expect(keyUpdates()).toEqual(['patients']);
  });
});
