import type Database from 'better-sqlite3';
import type { AccessEntry, AccessKind } from '../../shared/api/operations/settings';
import { prepared } from './statement-cache';

/** Who opened which patient's record (0012). Append-only: the table's triggers refuse UPDATE and DELETE. */
export class AccessLogRepository {
  constructor(private readonly db: Database.Database) {}

  add(at: string, therapistId: string, patientId: string, what: AccessKind): void {
    prepared(this.db, 'INSERT INTO access_log (at, therapist_id, patient_id, what) VALUES (?, ?, ?, ?)').run(at, therapistId, patientId, what);
  }

  /** Newest first; seq breaks ties of the same instant in the order written. */
  forPatient(patientId: string): AccessEntry[] {
    return prepared<[string], AccessEntry>(
      this.db,
      `SELECT a.at AS at, a.therapist_id AS therapistId, t.name AS therapistName, a.what AS what
       FROM access_log a JOIN therapists t ON t.id = a.therapist_id
       WHERE a.patient_id = ? ORDER BY a.seq DESC`,
    ).all(patientId);
  }
}
