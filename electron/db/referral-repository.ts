import type Database from 'better-sqlite3';
import type { ReferralRecord } from '../../shared/api/operations/referrals';
import { prepared } from './statement-cache';

interface Row {
  id: string;
  patient_id: string;
  joint: ReferralRecord['joint'];
  side: ReferralRecord['side'];
  series_key: ReferralRecord['seriesKey'];
  paper: ReferralRecord['paper'];
  addressee: string;
  body: string;
  recorded_at: string;
  recorded_by: string | null;
  recorded_by_name: string | null;
}

export type NewReferral = Omit<ReferralRecord, 'recordedByName' | 'recordedBy'> & { recordedBy: string };

function toRecord(r: Row): ReferralRecord {
  return {
    id: r.id,
    patientId: r.patient_id,
    joint: r.joint,
    side: r.side,
    seriesKey: r.series_key,
    paper: r.paper,
    addressee: r.addressee,
    text: r.body,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
    recordedByName: r.recorded_by_name,
  };
}

// The signer's name comes with the row: a therapist since made inactive still sent that letter.
const SELECT = 'SELECT r.*, t.name AS recorded_by_name FROM referral_letters r LEFT JOIN therapists t ON t.id = r.recorded_by';

/** Referral letters as sent: append and read, nothing else (the table's triggers agree). */
export class ReferralRepository {
  constructor(private readonly db: Database.Database) {}

  insert(r: NewReferral): ReferralRecord {
    const info = prepared(
      this.db,
      `INSERT INTO referral_letters (id, patient_id, joint, side, series_key, paper, addressee, body, recorded_at, recorded_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(r.id, r.patientId, r.joint, r.side, r.seriesKey, r.paper, r.addressee, r.text, r.recordedAt, r.recordedBy);
    if (info.changes !== 1) throw new Error('the referral letter was not written to the log');
    return this.get(r.id)!;
  }

  get(id: string): ReferralRecord | null {
    const row = prepared<[string], Row>(this.db, `${SELECT} WHERE r.id = ?`).get(id);
    return row ? toRecord(row) : null;
  }

  /** Newest first; rowid breaks ties between letters recorded in the same millisecond. */
  listFor(patientId: string): ReferralRecord[] {
    return prepared<[string], Row>(this.db, `${SELECT} WHERE r.patient_id = ? ORDER BY r.recorded_at DESC, r.rowid DESC`).all(patientId).map(toRecord);
  }
}
