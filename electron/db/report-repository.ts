import type Database from 'better-sqlite3';
import type { ReportRecord } from '../../shared/api/operations/reports';
import { parseJsonColumn, type JsonText } from './json-column';
import { prepared } from './statement-cache';

interface ReportRow {
  id: string;
  patient_id: string;
  period_from: string;
  period_to: string;
  paper: ReportRecord['paper'];
  motions_json: JsonText<NonNullable<ReportRecord['motions']>> | null;
  sites: 'watched' | 'all' | null;
  assessment: string | null;
  recommendations: string | null;
  analysis_date: string | null;
  reprint_of: string | null;
  recorded_at: string;
  recorded_by: string | null;
  recorded_by_name: string | null;
}

export interface NewReport {
  id: string;
  patientId: string;
  from: string;
  to: string;
  paper: ReportRecord['paper'];
  motions: Readonly<NonNullable<ReportRecord['motions']>> | null;
  kept: NonNullable<ReportRecord['kept']>;
  reprintOf: string | null;
  recordedAt: string;
  recordedBy: string;
}

function toReport(r: ReportRow): ReportRecord {
  // The table's CHECK keeps the four columns together: all set (since version 11) or all NULL (before it).
  const kept =
    r.analysis_date === null || r.sites === null || r.assessment === null || r.recommendations === null
      ? null
      : { sites: r.sites, assessment: r.assessment, recommendations: r.recommendations, analysisDate: r.analysis_date };
  return {
    id: r.id,
    patientId: r.patient_id,
    from: r.period_from,
    to: r.period_to,
    paper: r.paper,
    motions: r.motions_json === null ? null : parseJsonColumn(r.motions_json),
    kept,
    reprintOf: r.reprint_of,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
    recordedByName: r.recorded_by_name,
  };
}

// The recorder's name comes with the row: a therapist since made inactive still signed that report.
const SELECT = `SELECT r.*, t.name AS recorded_by_name FROM report_log r LEFT JOIN therapists t ON t.id = r.recorded_by`;

/** The log of printed and saved progress reports: append and read, nothing else (the table's triggers agree). */
export class ReportRepository {
  constructor(private readonly db: Database.Database) {}

  insert(report: NewReport): ReportRecord {
    const info = prepared(
      this.db,
      `INSERT INTO report_log (id, patient_id, period_from, period_to, paper, motions_json, sites, assessment, recommendations, analysis_date, reprint_of, recorded_at, recorded_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      report.id,
      report.patientId,
      report.from,
      report.to,
      report.paper,
      report.motions === null ? null : JSON.stringify(report.motions),
      report.kept.sites,
      report.kept.assessment,
      report.kept.recommendations,
      report.kept.analysisDate,
      report.reprintOf,
      report.recordedAt,
      report.recordedBy,
    );
    if (info.changes !== 1) throw new Error('the report log row was not written');
    return this.get(report.id)!;
  }

  get(id: string): ReportRecord | null {
    const row = prepared<[string], ReportRow>(this.db, `${SELECT} WHERE r.id = ?`).get(id);
    return row ? toReport(row) : null;
  }

  /** Newest first; rowid breaks ties between reports recorded in the same millisecond. */
  listFor(patientId: string): ReportRecord[] {
    const rows = prepared<[string], ReportRow>(this.db, `${SELECT} WHERE r.patient_id = ? ORDER BY r.recorded_at DESC, r.rowid DESC`).all(patientId);
    return rows.map(toReport);
  }
}
