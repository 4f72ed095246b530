import type Database from 'better-sqlite3';
import { ALP_ADULT_AGE, ALP_RISE_FRACTION } from '../../shared/worklist/settings';
import { alpWindowStart } from '../../shared/worklist/signs';
import type { PatientSummaryRow, ReasonCode, SiteScheduleRow, StoredReason } from '../../shared/worklist/types';
import { prepared } from './statement-cache';
import { toPatientSummary, toReason, toSite, type PatientRow, type ReasonRow, type SiteRow } from './worklist-repository';

// The clinic-wide worklist read: which patients have a reason today, most urgent first, from the summary rows
// alone. The rules are those of shared/worklist/today.ts (reasonsOn), written as SQL so one indexed query picks
// the page; tests/integration/worklist.test.ts holds the two to the same answer.
//
// Levels: 1 high (losing, warning signs), 2 medium (overdue, ALP raised), 3 low (due, profile out of date).

const FLAGGED = `
  WITH flagged (patient_id, code, level) AS (
    SELECT patient_id, code, CASE code WHEN 'profile_out_of_date' THEN 3 ELSE 1 END FROM worklist_reasons
    UNION ALL
    SELECT patient_id, CASE WHEN overdue_on <= @today THEN 'overdue' ELSE 'due' END, CASE WHEN overdue_on <= @today THEN 2 ELSE 3 END
      FROM worklist_sites WHERE due_on IS NOT NULL AND due_on <= @today AND ends_on >= @today
    UNION ALL
    -- alpFinding (shared/worklist/signs.ts): the adult limit from the 18th birthday, built as adultFrom does.
    SELECT wp.patient_id, 'alp_high', 2 FROM worklist_patients wp JOIN patients p ON p.id = wp.patient_id
      WHERE wp.alp_latest IS NOT NULL AND wp.alp_latest_date >= @alpSince
        AND ((wp.alp_latest > @alpLimit AND wp.alp_latest_date >= printf('%04d', substr(p.date_of_birth, 1, 4) + @adultAge) || substr(p.date_of_birth, 5))
          OR wp.alp_latest > wp.alp_previous * @alpRise)
  ),
  mine AS (
    SELECT f.* FROM flagged f LEFT JOIN worklist_patients wp ON wp.patient_id = f.patient_id
    WHERE @therapist IS NULL OR wp.last_therapist_id IS NULL OR wp.last_therapist_id = @therapist
  ),
  listed AS (
    SELECT patient_id, min(level) AS level, count(*) AS reasons FROM mine
    GROUP BY patient_id
    HAVING @codes IS NULL OR max(code IN (SELECT value FROM json_each(@codes)))
  )`;

export interface WorklistQuery {
  today: string;
  therapistId: string | null;
  codes: readonly ReasonCode[] | null;
  alpUpperLimit: number;
}

export interface PageEntry {
  patientId: string;
  familyName: string;
  givenNames: string;
  clinicId: string | null;
  dateOfBirth: string;
  patient: PatientSummaryRow;
  sites: SiteScheduleRow[];
  /** As stored, but a losing reason's facts without the verdict's message (reasonRef). */
  reasons: StoredReason[];
}

/** The named parameters of FLAGGED. */
type FlaggedParams = ReturnType<typeof params>;

function params(q: WorklistQuery) {
  return {
    today: q.today,
    therapist: q.therapistId,
    codes: q.codes === null ? null : JSON.stringify(q.codes),
    alpLimit: q.alpUpperLimit,
    alpRise: 1 + ALP_RISE_FRACTION,
    alpSince: alpWindowStart(q.today),
    adultAge: ALP_ADULT_AGE,
  };
}

export class WorklistQueries {
  constructor(private readonly db: Database.Database) {}

  /** The ids of one page, most urgent first; ties: more reasons, then longest unmeasured (never first), then name. */
  pageIds(q: WorklistQuery, limit: number, offset: number): string[] {
    return prepared<[FlaggedParams & { limit: number; offset: number }], string>(
      this.db,
      `${FLAGGED}
       SELECT l.patient_id FROM listed l JOIN patients p ON p.id = l.patient_id LEFT JOIN worklist_patients wp ON wp.patient_id = l.patient_id
       ORDER BY l.level, l.reasons DESC, wp.last_measured IS NOT NULL, wp.last_measured, p.family_name, p.given_names, p.id
       LIMIT @limit OFFSET @offset`,
    )
      .pluck()
      .all({ ...params(q), limit, offset });
  }

  total(q: WorklistQuery): number {
    return prepared<[FlaggedParams], number>(this.db, `${FLAGGED} SELECT count(*) FROM listed`).pluck().get(params(q)) ?? 0;
  }

  /** Patients with each reason, under the therapist filter only. */
  counts(q: WorklistQuery): Map<ReasonCode, number> {
    const rows = prepared<[FlaggedParams], { code: ReasonCode; n: number }>(
      this.db,
      `${FLAGGED} SELECT code, count(DISTINCT patient_id) AS n FROM mine GROUP BY code`,
    ).all({ ...params(q), codes: null });
    return new Map(rows.map((r) => [r.code, r.n]));
  }

  /**
   * The rows behind the page's entries, as SQLite gives them (the bench's floor for the read: no parsing, no
   * objects of our own).
   */
  entryRows(ids: readonly string[]) {
    const json = JSON.stringify(ids);
    const inIds = `patient_id IN (SELECT value FROM json_each(?))`;
    const people = prepared<[string], { id: string; family_name: string; given_names: string; clinic_id: string | null; date_of_birth: string }>(
      this.db,
      `SELECT id, family_name, given_names, clinic_id, date_of_birth FROM patients WHERE id IN (SELECT value FROM json_each(?))`,
    ).all(json);
    const summaries = prepared<[string], PatientRow & { patient_id: string }>(this.db, `SELECT * FROM worklist_patients WHERE ${inIds}`).all(json);
    const sites = prepared<[string], SiteRow>(this.db, `SELECT * FROM worklist_sites WHERE ${inIds} ORDER BY patient_id, position`).all(json);
    // The page says each reason without the verdict's own message (reasonsOn's details: false), the largest part
    // of a losing reason's facts: SQLite drops it before JavaScript parses the rest.
    const reasons = prepared<[string], ReasonRow>(
      this.db,
      `SELECT patient_id, code, joint, side, series_key, json_remove(facts_json, '$.reasonRef') AS facts_json
       FROM worklist_reasons WHERE ${inIds} ORDER BY patient_id, position`,
    ).all(json);
    return { people, summaries, sites, reasons };
  }

  /** What the page shows of each patient, in the order of `ids`. */
  entries(ids: readonly string[]): PageEntry[] {
    if (ids.length === 0) return [];
    const { people, summaries, sites, reasons } = this.entryRows(ids);
    const byId = new Map(people.map((p) => [p.id, p]));
    const summaryOf = new Map(summaries.map((s) => [s.patient_id, s]));
    const sitesOf = groupBy(sites, toSite);
    const reasonsOf = groupBy(reasons, toReason);
    return ids.flatMap((id) => {
      const p = byId.get(id);
      if (!p) return [];
      return [
        {
          patientId: id,
          familyName: p.family_name,
          givenNames: p.given_names,
          clinicId: p.clinic_id,
          dateOfBirth: p.date_of_birth,
          patient: toPatientSummary(summaryOf.get(id)),
          sites: sitesOf.get(id) ?? [],
          reasons: reasonsOf.get(id) ?? [],
        },
      ];
    });
  }
}

/** Rows by their patient, each read into its object, in the order given. */
function groupBy<R extends { patient_id: string }, T>(rows: readonly R[], read: (row: R) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.patient_id);
    if (list) list.push(read(row));
    else out.set(row.patient_id, [read(row)]);
  }
  return out;
}
