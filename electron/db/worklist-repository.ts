import type Database from 'better-sqlite3';
import type { JointId, Mode, MotionKey, Side } from '../../shared/domain/catalogue';
import type { SiteStatus } from '../../shared/domain/ho';
import type { SeriesKey } from '../../shared/domain/series';
import type { VerdictKind } from '../../shared/analysis/verdict';
import { scheduleDates, seriesNextDue } from '../../shared/worklist/summary';
import type { WorklistSettings } from '../../shared/worklist/settings';
import type { PatientSummaryRow, PatientWorklistSummary, ReasonFacts, SiteScheduleRow, StoredReason } from '../../shared/worklist/types';
import { parseJsonColumn, type JsonText } from './json-column';
import { prepared } from './statement-cache';

// The worklist's summary rows (migration 10): replaced whole per patient, read back exactly as written, and the
// marks the database's triggers leave on patients whose record changed. The clinic-wide reads are in
// worklist-query.ts.

export interface PatientRow {
  last_measured: string | null;
  last_therapist_id: string | null;
  alp_latest: number | null;
  alp_latest_date: string | null;
  alp_previous: number | null;
  alp_previous_date: string | null;
}
interface SeriesRow {
  series_key: SeriesKey;
  motion: MotionKey;
  joint: JointId;
  side: Side;
  mode: Mode;
  watched: number;
  readings: number;
  latest_value: number | null;
  latest_date: string | null;
  baseline_value: number | null;
  baseline_date: string | null;
  best_value: number | null;
  best_date: string | null;
  verdict: VerdictKind;
  needs_confirmation: number;
  last_measured: string;
  next_due: string | null;
}
export interface SiteRow {
  patient_id: string;
  joint: JointId;
  side: Side;
  status: SiteStatus;
  anchor_date: string;
  anchor_what: string;
  last_measured: string | null;
  due_on: string | null;
  overdue_on: string | null;
  ends_on: string | null;
  interval_days: number | null;
}
export interface ReasonRow {
  patient_id: string;
  code: StoredReason['code'];
  joint: JointId | null;
  side: Side | null;
  series_key: SeriesKey | null;
  facts_json: JsonText<ReasonFacts>;
}

export const EMPTY_PATIENT_SUMMARY: PatientSummaryRow = { lastMeasured: null, lastTherapistId: null, alpLatest: null, alpPrevious: null };

export function toPatientSummary(r: PatientRow | undefined): PatientSummaryRow {
  if (!r) return EMPTY_PATIENT_SUMMARY;
  return {
    lastMeasured: r.last_measured,
    lastTherapistId: r.last_therapist_id,
    alpLatest: r.alp_latest === null ? null : { value: r.alp_latest, date: r.alp_latest_date! },
    alpPrevious: r.alp_previous === null ? null : { value: r.alp_previous, date: r.alp_previous_date! },
  };
}

export function toSite(r: SiteRow): SiteScheduleRow {
  return {
    joint: r.joint,
    side: r.side,
    status: r.status,
    anchorDate: r.anchor_date,
    anchorWhat: r.anchor_what,
    lastMeasured: r.last_measured,
    dueOn: r.due_on,
    overdueOn: r.overdue_on,
    endsOn: r.ends_on,
    intervalDays: r.interval_days,
  };
}

export function toReason(r: ReasonRow): StoredReason {
  return { code: r.code, joint: r.joint, side: r.side, seriesKey: r.series_key, facts: parseJsonColumn(r.facts_json) };
}

const TABLES = ['worklist_patients', 'worklist_series', 'worklist_sites', 'worklist_reasons'] as const;

export class WorklistRepository {
  constructor(private readonly db: Database.Database) {}

  /** The newest mark so far: the patients a write marks after reading it have a higher seq. */
  lastMark(): number {
    return prepared<[], number>(this.db, 'SELECT coalesce(max(seq), 0) FROM worklist_dirty').pluck().get() ?? 0;
  }

  /** Marked patients, oldest mark first, with a mark above `after` (a cursor that passes over failures). */
  marked(limit: number, after = 0): { seq: number; patientId: string }[] {
    return prepared<[number, number], { seq: number; patientId: string }>(
      this.db,
      'SELECT seq, patient_id AS patientId FROM worklist_dirty WHERE seq > ? ORDER BY seq LIMIT ?',
    ).all(after, limit);
  }

  dirtyCount(): number {
    return prepared<[], number>(this.db, 'SELECT count(*) FROM worklist_dirty').pluck().get() ?? 0;
  }

  isDirty(patientId: string): boolean {
    return prepared(this.db, 'SELECT 1 FROM worklist_dirty WHERE patient_id = ?').pluck().get(patientId) !== undefined;
  }

  /** After an update of the analysis, or for `npm run rebuild-summaries`: every patient's summary is rebuilt. */
  markAllDirty(): number {
    return prepared(this.db, 'INSERT OR REPLACE INTO worklist_dirty (patient_id) SELECT id FROM patients').run().changes;
  }

  /** Writes a patient's summary in place of the old one and clears the patient's mark. */
  replace(patientId: string, s: PatientWorklistSummary): void {
    for (const table of TABLES) prepared(this.db, `DELETE FROM ${table} WHERE patient_id = ?`).run(patientId);
    const p = s.patient;
    prepared(
      this.db,
      `INSERT INTO worklist_patients (patient_id, last_measured, last_therapist_id, alp_latest, alp_latest_date, alp_previous, alp_previous_date)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(patientId, p.lastMeasured, p.lastTherapistId, p.alpLatest?.value ?? null, p.alpLatest?.date ?? null, p.alpPrevious?.value ?? null, p.alpPrevious?.date ?? null);
    const series = prepared(
      this.db,
      `INSERT INTO worklist_series (patient_id, series_key, position, motion, joint, side, mode, watched, readings, latest_value, latest_date,
         baseline_value, baseline_date, best_value, best_date, verdict, needs_confirmation, last_measured, next_due)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    s.series.forEach((r, i) =>
      series.run(patientId, r.seriesKey, i, r.motion, r.joint, r.side, r.mode, r.watched ? 1 : 0, r.readings, r.latestValue, r.latestDate,
        r.baselineValue, r.baselineDate, r.bestValue, r.bestDate, r.verdict, r.needsConfirmation ? 1 : 0, r.lastMeasured, r.nextDue),
    );
    const site = prepared(
      this.db,
      `INSERT INTO worklist_sites (patient_id, joint, side, position, status, anchor_date, anchor_what, last_measured, due_on, overdue_on, ends_on, interval_days)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    s.sites.forEach((r, i) => site.run(patientId, r.joint, r.side, i, r.status, r.anchorDate, r.anchorWhat, r.lastMeasured, r.dueOn, r.overdueOn, r.endsOn, r.intervalDays));
    const reason = prepared(this.db, `INSERT INTO worklist_reasons (patient_id, position, code, joint, side, series_key, facts_json) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    s.reasons.forEach((r, i) => reason.run(patientId, i, r.code, r.joint, r.side, r.seriesKey, JSON.stringify(r.facts)));
    prepared(this.db, 'DELETE FROM worklist_dirty WHERE patient_id = ?').run(patientId);
  }

  /** A patient's summary as stored; a patient never summarised reads as one with no record. */
  read(patientId: string): PatientWorklistSummary {
    const patient = prepared<[string], PatientRow>(this.db, 'SELECT * FROM worklist_patients WHERE patient_id = ?').get(patientId);
    const series = prepared<[string], SeriesRow>(this.db, 'SELECT * FROM worklist_series WHERE patient_id = ? ORDER BY position').all(patientId);
    const sites = prepared<[string], SiteRow>(this.db, 'SELECT * FROM worklist_sites WHERE patient_id = ? ORDER BY position').all(patientId);
    const reasons = prepared<[string], ReasonRow>(this.db, 'SELECT * FROM worklist_reasons WHERE patient_id = ? ORDER BY position').all(patientId);
    return {
      patient: toPatientSummary(patient),
      series: series.map((r) => ({
        seriesKey: r.series_key,
        motion: r.motion,
        joint: r.joint,
        side: r.side,
        mode: r.mode,
        watched: r.watched === 1,
        readings: r.readings,
        latestValue: r.latest_value,
        latestDate: r.latest_date,
        baselineValue: r.baseline_value,
        baselineDate: r.baseline_date,
        bestValue: r.best_value,
        bestDate: r.best_date,
        verdict: r.verdict,
        needsConfirmation: r.needs_confirmation === 1,
        lastMeasured: r.last_measured,
        nextDue: r.next_due,
      })),
      sites: sites.map(toSite),
      reasons: reasons.map(toReason),
    };
  }

  /**
   * A change of the clinic's schedule moves every due date: recomputed from the stored anchors and last
   * measurements, without re-running any analysis. Returns the number of sites whose dates changed.
   */
  applySchedule(settings: WorklistSettings): number {
    const sites = prepared<[], SiteRow>(this.db, 'SELECT * FROM worklist_sites').all();
    const update = prepared(this.db, 'UPDATE worklist_sites SET due_on = ?, overdue_on = ?, ends_on = ?, interval_days = ? WHERE patient_id = ? AND joint = ? AND side = ?');
    let changed = 0;
    for (const s of sites) {
      const d = scheduleDates(s.status, s.anchor_date, s.last_measured, settings);
      if (d.dueOn === s.due_on && d.overdueOn === s.overdue_on && d.endsOn === s.ends_on && d.intervalDays === s.interval_days) continue;
      update.run(d.dueOn, d.overdueOn, d.endsOn, d.intervalDays, s.patient_id, s.joint, s.side);
      changed++;
    }
    if (changed === 0) return 0;
    const bySite = new Map<string, { joint: JointId; side: Side; dueOn: string | null }[]>();
    for (const s of prepared<[], Pick<SiteRow, 'patient_id' | 'joint' | 'side' | 'due_on'>>(this.db, 'SELECT patient_id, joint, side, due_on FROM worklist_sites').all()) {
      const list = bySite.get(s.patient_id) ?? [];
      list.push({ joint: s.joint, side: s.side, dueOn: s.due_on });
      bySite.set(s.patient_id, list);
    }
    const series = prepared<[], Pick<SeriesRow, 'series_key' | 'joint' | 'side' | 'watched' | 'next_due'> & { patient_id: string }>(
      this.db,
      'SELECT patient_id, series_key, joint, side, watched, next_due FROM worklist_series WHERE watched = 1',
    ).all();
    const setDue = prepared(this.db, 'UPDATE worklist_series SET next_due = ? WHERE patient_id = ? AND series_key = ?');
    for (const r of series) {
      const next = seriesNextDue({ joint: r.joint, side: r.side, watched: true }, bySite.get(r.patient_id) ?? []);
      if (next !== r.next_due) setDue.run(next, r.patient_id, r.series_key);
    }
    return changed;
  }
}
