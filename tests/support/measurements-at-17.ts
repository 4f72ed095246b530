import { randomUUID } from 'node:crypto';
import type { Measurement } from '../../shared/domain/visit';
import { databaseAt, type DatabaseAtVersion, type Row } from './migrate-to';
import { IDS, putRowsUpTo } from './rows-by-version';

// A clinic's measurements as version 17 wrote them, and how version 17 read them back: what migration 18
// (tests/integration/migration-0018.test.ts) and the database update at start (database-update.test.ts) must keep.

const MOTIONS = ['elbow.flexion', 'elbow.extension', 'knee.flexion', 'knee.extension', 'hip.flexion', 'shoulder.flexion'];

/** A year of visits as version 17 wrote them (text UUIDs everywhere), with corrections, voids and imports among them. */
export function clinicAt17(open: DatabaseAtVersion[]): { d: DatabaseAtVersion; lineages: string[] } {
  const d = databaseAt(17);
  open.push(d);
  putRowsUpTo(d, 17);
  const lineages: string[] = [];
  d.db.transaction(() => {
    for (let n = 0; n < 300; n++) {
      const visitId = randomUUID();
      const patient = n % 3 ? IDS.kwame : IDS.ama;
      const date = `2025-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`;
      const at = `${date}T09:00:00.000Z`;
      d.insert('visits', { id: visitId, patient_id: patient, visit_date: date, therapist_id: n % 4 ? IDS.abena : null, setting: 'outpatient', decreased_range: 0, swelling: n % 2, redness: 0, warmth: 0, fever: 0, pain: null, notes: null, instrument: 'goniometer', end_feel: null, recorded_at: at, recorded_by: IDS.abena });
      MOTIONS.forEach((motion, i) => {
        // Every 7th reading came from another system: its id is not a lowercase canonical UUID, so it keeps its text.
        const id = (n * 6 + i) % 7 === 0 ? randomUUID().toUpperCase() : randomUUID();
        // Every 11th is a later version imported without its lineage's first version.
        const lineage = (n * 6 + i) % 11 === 0 ? randomUUID() : id;
        const base = { visit_id: visitId, patient_id: patient, motion, side: i % 2 ? 'left' : 'right', mode: 'active', degrees: (n * 7 + i * 13) % 140, rater_id: n % 5 ? IDS.kofi : null, instrument: 'goniometer', end_feel: i === 2 ? 'firm' : null, pain: i === 3 ? 4 : null, note: i === 4 ? 'Guarding — “stiff”' : null };
        const first: Row = { ...base, id, lineage_id: lineage, supersedes_id: null, superseded_by: null, recorded_at: at, recorded_by: IDS.abena, correction_reason: null, voided_at: null, voided_by: null, void_reason: null };
        lineages.push(lineage);
        if (i === 0 && n % 4 === 0) {
          const correction = randomUUID();
          d.insert('measurements', { ...first, superseded_by: correction }, { ...first, ...base, id: correction, supersedes_id: id, degrees: 90, recorded_at: `${date}T10:00:00.000Z`, recorded_by: IDS.kofi, correction_reason: 'Read the wrong scale' });
        } else if (i === 1 && n % 5 === 0) {
          d.insert('measurements', { ...first, voided_at: `${date}T11:00:00.000Z`, voided_by: IDS.kofi, void_reason: 'Wrong patient' });
        } else {
          d.insert('measurements', first);
        }
      });
    }
  })();
  return { d, lineages };
}

/** A version 17 row as the repositories gave it: the row with its visit's date. */
type Row17 = { [K in 'id' | 'lineage_id' | 'recorded_at' | 'visit_id' | 'patient_id' | 'visit_date' | 'instrument']: string } & {
  [K in 'supersedes_id' | 'recorded_by' | 'correction_reason' | 'voided_at' | 'voided_by' | 'void_reason' | 'rater_id' | 'end_feel' | 'note']: string | null;
} & { motion: Measurement['motion']; side: Measurement['side']; mode: Measurement['mode']; degrees: number; pain: number | null };

export function asRead(d: DatabaseAtVersion): Map<string, Measurement> {
  const rows = d.db.prepare<[], Row17>('SELECT m.*, v.visit_date FROM measurements m JOIN visits v ON v.id = m.visit_id ORDER BY m.rowid').all();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id, lineageId: r.lineage_id, supersedesId: r.supersedes_id, recordedAt: r.recorded_at, recordedBy: r.recorded_by, correctionReason: r.correction_reason,
        voided: r.voided_at && r.void_reason ? { at: r.voided_at, by: r.voided_by, reason: r.void_reason } : null,
        visitId: r.visit_id, patientId: r.patient_id, date: r.visit_date, motion: r.motion, side: r.side, mode: r.mode, degrees: r.degrees, raterId: r.rater_id,
        instrument: r.instrument as Measurement['instrument'], endFeel: r.end_feel as Measurement['endFeel'], pain: r.pain, note: r.note,
      },
    ]),
  );
}

