import type Database from 'better-sqlite3';
import type { SeriesPoint } from '../../shared/analysis/series-points';
import { isMotionKey, type JointId, type Mode, type Side } from '../../shared/domain/catalogue';
import type { SiteStatus } from '../../shared/domain/ho';
import { seriesKeyOf, type SeriesKey } from '../../shared/domain/series';
import type { MeasurementLike, VisitLike } from '../../shared/worklist/signs';
import { prepared } from './statement-cache';
import { currentOnly } from './versioned-records';
import { idColumnSql, idFromColumn, therapistIdsByKey, therapistOf, type TherapistIds } from './measurement-keys';

// The lean reads of the analysis (analysis.patient) and of the worklist refresh after every write: a patient's
// current readings straight into the points of their series, with only the columns the analysis uses, instead
// of the whole patient file (visits with every column, each measurement's version columns, therapists, risk
// factors) that would be built and then regrouped. On the bench's five-year patient this halves the read.
//
// The points must be exactly what seriesPointsOf (shared/analysis/series-points.ts) makes from visitsOf's
// visits: the same readings, oldest visit first, readings of one visit in the order recorded.
// tests/integration/analysis-lean-read.test.ts holds the two to the same analysis.

/** Current visits, newest first: visitsOf's condition and order, so visits of one day and instant tie alike. */
const VISITS = `FROM visits WHERE patient_id = ? AND id NOT IN (SELECT visit_id FROM visit_voids) ORDER BY visit_date DESC, recorded_at DESC`;

/**
 * Current measurements in the order of the index measurements_series (patient, motion, side, mode, then rowid),
 * so each series comes as one run already in the order recorded, and no sort is needed.
 */
const MEASUREMENTS = `SELECT motion, side, mode, visit, ${idColumnSql('id')}, degrees, rater, instrument, end_feel, pain, note, key
  FROM measurements WHERE patient = (SELECT key FROM patients WHERE id = ?) AND ${currentOnly()} ORDER BY motion, side, mode, key`;

/** A row of MEASUREMENTS read raw: its columns in SELECT order. */
type MeasurementRow = [
  motion: string,
  side: Side,
  mode: Mode,
  /** The visit's key (migration 0018). */
  visit: number,
  /** measurement-keys' marked column. */
  id: string,
  degrees: number,
  /** The rater's therapist key. */
  rater: number | null,
  instrument: string,
  end_feel: SeriesPoint['endFeel'],
  pain: number | null,
  note: string | null,
  rowid: number,
];

export interface LeanSite {
  joint: JointId;
  side: Side;
  status: SiteStatus;
  since: string;
  voided: null;
}

/** Current watched sites without their imaging, in sitesOf's order. */
export function readLeanSites(db: Database.Database, patientId: string): LeanSite[] {
  const rows = prepared<[string], Omit<LeanSite, 'voided'>>(db, `SELECT joint, side, status, since FROM watched_sites WHERE patient_id = ? AND ${currentOnly()} ORDER BY joint, side`).all(patientId);
  return rows.map((r) => ({ joint: r.joint, side: r.side, status: r.status, since: r.since, voided: null }));
}

/** Every series' points, by key (what analysePatientPoints needs besides sites and events). */
export function readSeriesPoints(db: Database.Database, patientId: string): Map<SeriesKey, SeriesPoint[]> {
  const visits = prepared<[string], [key: number, id: string, visit_date: string]>(db, `SELECT key, id, visit_date ${VISITS}`).raw(true).all(patientId);
  return pointsOf(db, patientId, visits, null);
}

/**
 * The points, and the visits as the worklist's warning signs and schedule read them: newest first, each with
 * its current readings (unknown motions included, as in the file) in the order recorded.
 */
export function readWorklistReadings(db: Database.Database, patientId: string): { points: Map<SeriesKey, SeriesPoint[]>; visits: VisitLike[] } {
  const rows = prepared<
    [string],
    [key: number, id: string, visit_date: string, therapist_id: string | null, swelling: number, redness: number, warmth: number, fever: number]
  >(
    db,
    `SELECT key, id, visit_date, therapist_id, swelling, redness, warmth, fever ${VISITS}`,
  )
    .raw(true)
    .all(patientId);
  const recorded: { rowid: number; m: MeasurementLike }[][] = rows.map(() => []);
  const points = pointsOf(db, patientId, rows, (at, rowid, m) => recorded[at]!.push({ rowid, m }));
  const visits = rows.map((r, i): VisitLike => ({
    date: r[2],
    therapistId: r[3],
    symptoms: { swelling: r[4] === 1, redness: r[5] === 1, warmth: r[6] === 1, fever: r[7] === 1 },
    // Rows came series by series: each visit's readings back in the order they were recorded.
    measurements: recorded[i]!.sort((a, b) => a.rowid - b.rowid).map((x) => x.m),
  }));
  return { points, visits };
}

/**
 * Groups the current measurements into series points. `visits` is newest first ([key, id, date, ...]); a reading of a
 * voided visit is left out, as visitsOf leaves the visit out. `each` also receives every reading with its visit's
 * position, unknown motions included.
 */
function pointsOf(
  db: Database.Database,
  patientId: string,
  visits: readonly (readonly [number, string, string, ...unknown[]])[],
  each: ((visitAt: number, rowid: number, m: MeasurementLike) => void) | null,
): Map<SeriesKey, SeriesPoint[]> {
  const at = new Map<number, number>();
  visits.forEach((v, i) => at.set(v[0], i));
  const out = new Map<SeriesKey, SeriesPoint[]>();
  let motion = '';
  let side = '';
  let mode = '';
  let list: SeriesPoint[] | null = null;
  // Positions of the list's points, newest visit first; only kept to see whether the run needs reordering.
  let positions: number[] = [];
  let ordered = true;
  let therapists: TherapistIds | null = null;
  const finish = () => {
    if (list && !ordered) reorder(list, positions);
  };
  for (const r of prepared<[string], MeasurementRow>(db, MEASUREMENTS).raw(true).all(patientId)) {
    const i = at.get(r[3]);
    if (i === undefined) continue;
    if (each) each(i, r[11], { motion: r[0], side: r[1], mode: r[2], endFeel: r[8], pain: r[9] });
    if (r[0] !== motion || r[1] !== side || r[2] !== mode) {
      finish();
      [motion, side, mode] = [r[0], r[1], r[2]];
      // Stale rows of a motion the catalogue does not know are left out of the series, as groupBySeries does.
      if (isMotionKey(r[0])) out.set(seriesKeyOf(r[1], r[0], r[2]), (list = []));
      else list = null;
      positions = [];
      ordered = true;
    }
    if (!list) continue;
    const visit = visits[i]!;
    // A reading added to an older visit later (or a correction) has a higher rowid than readings of newer visits.
    if (positions.length > 0 && i > positions[positions.length - 1]!) ordered = false;
    positions.push(i);
    therapists ??= therapistIdsByKey(db);
    list.push({ id: idFromColumn(r[4]), visitId: visit[1], date: visit[2], value: r[5], raterId: therapistOf(therapists, r[6]), instrument: r[7], endFeel: r[8], pain: r[9], note: r[10] });
  }
  finish();
  return out;
}

/** Oldest visit first (the highest position in the newest-first list), keeping the recorded order within a visit. */
function reorder(list: SeriesPoint[], positions: readonly number[]): void {
  const order = list.map((p, k) => ({ p, at: positions[k]! }));
  order.sort((a, b) => b.at - a.at);
  order.forEach((o, k) => (list[k] = o.p));
}
