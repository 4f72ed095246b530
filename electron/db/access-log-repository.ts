import type Database from 'better-sqlite3';
import type { AccessEntry, AccessKind } from '../../shared/api/operations/settings';
import { prepared } from './statement-cache';

/** How long one viewing of a patient's file lasts in the access log (see add). */
export const FILE_VIEW_WINDOW_MS = 10 * 60_000;

/** Who opened which patient's record (0012). Append-only: the table's triggers refuse UPDATE and DELETE. */
export class AccessLogRepository {
  constructor(private readonly db: Database.Database) {}

  /**
   * One row per act. A printed report or an export is an act each time; the file on screen is read again after
   * every change and by every refresh, so one person's viewing of one patient's file is one row until they have
   * been away from it for FILE_VIEW_WINDOW_MS: a log of each re-read would bury the openings an auditor looks for.
   */
  add(at: string, therapistId: string, patientId: string, what: AccessKind): void {
    if (what === 'file' && this.viewedSince(new Date(Date.parse(at) - FILE_VIEW_WINDOW_MS).toISOString(), therapistId, patientId)) return;
    prepared(this.db, 'INSERT INTO access_log (at, therapist_id, patient_id, what) VALUES (?, ?, ?, ?)').run(at, therapistId, patientId, what);
  }

  private viewedSince(since: string, therapistId: string, patientId: string): boolean {
    // The patient's newest rows come first through (patient_id, seq), so this stops after a few rows.
    const latest = prepared<[string, string], { at: string }>(
      this.db,
      "SELECT at FROM access_log WHERE patient_id = ? AND therapist_id = ? AND what = 'file' ORDER BY seq DESC LIMIT 1",
    ).get(patientId, therapistId);
    return latest !== undefined && latest.at > since;
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
