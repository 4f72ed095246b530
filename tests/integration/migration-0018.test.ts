import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { checkAuditChain } from '../../electron/db/audit-chain';
import { VisitRepository } from '../../electron/db/visit-repository';
import { asRead, clinicAt17 } from '../support/measurements-at-17';
import type { DatabaseAtVersion } from '../support/migrate-to';
import { IDS } from '../support/rows-by-version';

// Migration 18 puts measurements on integer keys with their UUIDs as 16 bytes. A clinic's file written by
// version 17 must read back, through the repositories, exactly as it read before: every version of every
// reading with its corrections and voids, lineages imported without their first version, ids that are not
// canonical UUIDs; the audit chain untouched, no foreign key dangling, the file smaller.

const open: DatabaseAtVersion[] = [];
afterEach(() => open.splice(0).forEach((d) => d.dispose()));

const fileBytes = (d: DatabaseAtVersion): number => {
  d.db.exec('VACUUM');
  return (d.db.pragma('page_count', { simple: true }) as number) * (d.db.pragma('page_size', { simple: true }) as number);
};

describe('migration 0018: measurements on integer keys', () => {
  it('reads every version of every reading back as version 17 read it, through the repositories', () => {
    const { d, lineages } = clinicAt17(open);
    const before = asRead(d);
    const histories = new Map([...new Set(lineages)].map((l) => [l, [...before.values()].filter((m) => m.lineageId === l).map((m) => m.id)]));
    const bytesBefore = fileBytes(d);
    d.migrateTo(18);
    expect(d.version()).toBe(18);

    const visits = new VisitRepository(d.db);
    expect(before.size).toBeGreaterThan(1800);
    for (const [id, m] of before) expect(visits.measurement(id), id).toEqual(m);
    // Histories by lineage, the first version held or not; the current version of each.
    for (const [lineage, ids] of histories) {
      expect(visits.measurementHistory(ids[0]!).map((m) => m.id)).toEqual(ids);
      const current = ids.map((id) => before.get(id)!).find((m) => m.voided === null && !ids.some((other) => before.get(other)!.supersedesId === m.id));
      expect(visits.currentOfLineage(lineage)?.id ?? null).toBe(current?.id ?? null);
    }
    // What the patient file shows: every current reading, each visit's in the order recorded.
    for (const patient of [IDS.kwame, IDS.ama]) {
      const shown = visits.visitsOf(patient).flatMap((v) => v.measurements.map((m) => m.id));
      const expected = [...before.values()].filter((m) => m.patientId === patient && m.voided === null && ![...before.values()].some((o) => o.supersedesId === m.id));
      expect(new Set(shown)).toEqual(new Set(expected.map((m) => m.id)));
      expect(visits.voidedMeasurementsOf(patient).map((m) => m.id).sort()).toEqual([...before.values()].filter((m) => m.patientId === patient && m.voided).map((m) => m.id).sort());
    }

    // Canonical UUIDs are stored as 16 bytes, other ids keep their text; a first version's lineage is NULL.
    const kinds = d.db.prepare("SELECT typeof(id) AS t, count(*) AS n FROM measurements GROUP BY 1 ORDER BY 1").all();
    expect(kinds).toEqual([
      { t: 'blob', n: [...before.keys()].filter((id) => /^[0-9a-f-]{36}$/.test(id)).length },
      { t: 'text', n: [...before.keys()].filter((id) => !/^[0-9a-f-]{36}$/.test(id)).length },
    ]);
    expect(d.db.prepare('SELECT count(*) FROM measurements WHERE lineage_id IS NULL').pluck().get()).toBe([...before.values()].filter((m) => m.lineageId === m.id).length);

    expect(d.db.pragma('foreign_key_check')).toEqual([]);
    expect(d.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(checkAuditChain(d.db)).toMatchObject({ ok: true });
    expect(fileBytes(d)).toBeLessThan(bytesBefore * 0.85);
  }, 120_000);

  it('keeps refusing edits, deletes and unknown references, and gives new rows their keys', () => {
    const { d } = clinicAt17(open);
    d.migrateTo(18);
    const visits = new VisitRepository(d.db);
    expect(() => d.db.prepare('DELETE FROM measurements').run()).toThrow(/never deleted/);
    expect(() => d.db.prepare('UPDATE measurements SET degrees = 1').run()).toThrow(/never edited in place/);
    expect(() => d.db.prepare("UPDATE visits SET notes = 'edited'").run()).toThrow(/never edited in place/);
    expect(() => d.db.prepare('UPDATE visits SET key = key + 100000').run()).toThrow(/never edited in place/);

    // A visit and a patient written after the update get keys, and readings on them read back.
    d.insert('patients', { id: randomUUID(), family_name: 'Owusu', given_names: 'Efua', clinic_id: null, date_of_birth: '2001-02-03', sex: 'female', version: 1, created_at: 'x', updated_at: 'x' });
    const patientId = d.db.prepare('SELECT id FROM patients ORDER BY key DESC LIMIT 1').pluck().get() as string;
    const visitId = randomUUID();
    visits.insertVisit({ id: visitId, patientId, date: '2026-01-02', therapistId: IDS.abena, setting: 'outpatient', symptoms: { decreasedRange: false, swelling: false, redness: false, warmth: false, fever: false, pain: null }, notes: null, instrument: 'goniometer', endFeel: null, recordedAt: '2026-01-02T09:00:00.000Z', recordedBy: IDS.abena });
    expect(d.db.prepare('SELECT count(*) FROM visits WHERE key IS NULL').pluck().get()).toBe(0);
    const id = randomUUID();
    const values = { visitId, patientId, motion: 'knee.flexion', side: 'left' as const, mode: 'active' as const, degrees: 100, raterId: IDS.kofi, instrument: 'goniometer' as const, endFeel: null, pain: null, note: null };
    const m = visits.insertMeasurement({ id, lineageId: id, supersedesId: null, recordedAt: '2026-01-02T09:00:00.000Z', recordedBy: IDS.abena, correctionReason: null }, values);
    expect(m).toMatchObject({ id, lineageId: id, visitId, patientId, date: '2026-01-02', raterId: IDS.kofi, recordedBy: IDS.abena });
    expect(d.db.prepare('SELECT count(*) FROM worklist_dirty WHERE patient_id = ?').pluck().get(patientId)).toBe(1);
    // An unknown visit or therapist is refused as the text foreign keys refused it, never stored as nothing.
    const other = randomUUID();
    const version = { id: other, lineageId: other, supersedesId: null, recordedAt: 'x', recordedBy: IDS.abena, correctionReason: null };
    expect(() => visits.writeMeasurement(version, { ...values, visitId: randomUUID() })).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => visits.writeMeasurement(version, { ...values, raterId: randomUUID() })).toThrow(/FOREIGN KEY constraint failed/);
    // Voiding through the versioned records names the therapist by key and reads back by id.
    expect(visits.measurementVersions.void(id, '2026-01-03T09:00:00.000Z', IDS.kofi, 'Duplicate')).toMatchObject({ voided_by: IDS.kofi, void_reason: 'Duplicate' });
  }, 120_000);
});
