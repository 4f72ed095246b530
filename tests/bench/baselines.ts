// The fair baselines of the back end's reads: for each read the bench measures, the fastest plain SQL that returns
// the same rows (the right index, no join the rows do not need, raw arrays, no mapping, no checking). The app's
// figure divided by its baseline is what the app adds over SQLite itself; the target is at most 1.5x.
import type Database from 'better-sqlite3';

const CURRENT = 'superseded_by IS NULL AND voided_at IS NULL';
const PATIENT_KEY = '(SELECT key FROM patients WHERE id = ?)';

/** Statements prepared once per connection, as the app's statement cache does: preparing is not reading. */
const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();
function raw(db: Database.Database, sql: string): Database.Statement {
  let forDb = cache.get(db);
  if (!forDb) cache.set(db, (forDb = new Map()));
  let s = forDb.get(sql);
  if (!s) forDb.set(sql, (s = db.prepare(sql).raw(true)));
  return s;
}

/**
 * The rows 'patients.file' returns: the patient, their current risk factors, sites and events, the visits not
 * voided, every current measurement, and the clinic's therapists. A measurement's date is its visit's, which the
 * visits' rows already carry: no join. Returns the number of measurements, to hold against the app's answer.
 */
export function rawPatientFile(db: Database.Database, patientId: string): number {
  raw(db, 'SELECT * FROM patients WHERE id = ?').all(patientId);
  raw(db, `SELECT * FROM risk_factors WHERE patient_id = ? AND ${CURRENT}`).all(patientId);
  raw(db, `SELECT * FROM watched_sites WHERE patient_id = ? AND ${CURRENT}`).all(patientId);
  raw(db, 'SELECT * FROM visits WHERE patient_id = ? AND id NOT IN (SELECT visit_id FROM visit_voids)').all(patientId);
  // Measurements as stored (migration 0018): visit and therapists as integer keys, which the visits' and
  // therapists' rows read here resolve; the id as the hex of its 16 bytes, which SQLite hands over faster than
  // the bytes themselves as a Buffer (and a first version's lineage, NULL, is its id).
  const measurements = raw(
    db,
    `SELECT lower(hex(id)), lineage_id, supersedes_id, recorded_at, recorded_by, correction_reason, visit, motion, side, mode, degrees,
            rater, instrument, end_feel, pain, note FROM measurements WHERE patient = ${PATIENT_KEY} AND ${CURRENT}`,
  ).all(patientId);
  raw(db, `SELECT * FROM clinical_events WHERE patient_id = ? AND ${CURRENT}`).all(patientId);
  raw(db, 'SELECT * FROM therapists').all();
  return measurements.length;
}

/**
 * The rows 'analysis.patient' reads before it analyses: the current sites' joint, side, status and date, the
 * current events, the visits' ids and dates, and the columns of a current measurement a series point carries.
 */
export function rawAnalysisReads(db: Database.Database, patientId: string): number {
  raw(db, `SELECT joint, side, status, since FROM watched_sites WHERE patient_id = ? AND ${CURRENT}`).all(patientId);
  raw(db, `SELECT * FROM clinical_events WHERE patient_id = ? AND ${CURRENT}`).all(patientId);
  raw(db, 'SELECT key, id, visit_date FROM visits WHERE patient_id = ? AND id NOT IN (SELECT visit_id FROM visit_voids)').all(patientId);
  return raw(
    db,
    `SELECT motion, side, mode, visit, lower(hex(id)), degrees, rater, instrument, end_feel, pain, note FROM measurements
     WHERE patient = ${PATIENT_KEY} AND ${CURRENT}`,
  ).all(patientId).length;
}

/**
 * The patients whose name or clinic number contains the text (the search matches inside words), sorted as the
 * list shows them, every one (the app counts them all for its total). SQLite can use no index for a match inside a word, so it scans.
 */
export function rawSearch(db: Database.Database, text: string): number {
  return raw(
    db,
    `SELECT * FROM patients WHERE family_name LIKE '%' || @t || '%' OR given_names LIKE '%' || @t || '%' OR clinic_id LIKE '%' || @t || '%'
     ORDER BY family_name, given_names, id`,
  ).all({ t: text }).length;
}

/** What SQLite's dbstat says the file's bytes are: the largest tables and indexes, with their share of the file. */
export function largestObjects(db: Database.Database, top = 8): { name: string; bytes: number }[] {
  try {
    return db.prepare<[number], { name: string; bytes: number }>('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC LIMIT ?').all(top);
  } catch {
    return []; // an SQLite built without dbstat
  }
}
