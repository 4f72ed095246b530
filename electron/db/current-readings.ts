import type Database from 'better-sqlite3';
import type { Measurement } from '../../shared/domain/visit';
import { idColumnSql, idFromColumn, idOfKeySql, idOfStored, idTextSql, therapistIdsByKey, therapistOf } from './measurement-keys';
import { prepared } from './statement-cache';
import { currentOnly } from './versioned-records';

// A patient's current readings as visitsOf gives them: the hot path of every patient page (patients.file).
//
// SQLite hands each row over as an object with a Measurement's properties, in its order (better-sqlite3 builds
// every row of a statement with one function, so they share one shape); the few properties still in their stored
// form are put right in place. Building the row as arrays and then each reading as an object of its own, as
// before, made twice the objects for the collector: with a server's heap behind it, that read took 1.6-1.9x the
// plain indexed read of the same rows instead of 1.3x.

/** Who wrote when: a reading's first version, which tells a reading added to a visit later (an extension). */
export interface FirstRecorded {
  at: string;
  by: string | null;
}

/** A visit as its readings are gathered: its key (the one measurements carry), id, date and time recorded. */
export interface VisitOfReadings {
  key: number;
  id: string;
  visit_date: string;
  recorded_at: string;
}

/** One visit's current readings, in the order recorded, and the first versions of those added after it was recorded. */
export interface ReadingsOfVisit {
  measurements: Measurement[];
  added: FirstRecorded[];
}

/**
 * A row as SQLite hands it over: a Measurement's properties, some still as stored. `id` is the marked column of
 * measurement-keys; the lineage and superseded ids are the stored bytes or text (NULL on almost every row: a
 * first version is its own lineage); the therapists and the visit are keys; `voided` carries the row's rowid
 * (the void columns of a current reading are NULL by definition); `patientId` and `date` are NULL, the visit's.
 */
type ReadingAsStored = { -readonly [K in keyof Measurement]: Measurement[K] | number | Buffer | null };

/**
 * Through measurements_series alone and in its order: no sort (each visit's few readings are put back in the
 * order recorded by rowid), no join (a reading's date is its visit's, in hand), no first-version lookup per row
 * (FIRST_OF_CORRECTED finds the corrected readings' first versions in one read).
 */
const CURRENT_OF_PATIENT = `SELECT ${idColumnSql('id')} AS id, lineage_id AS lineageId, supersedes_id AS supersedesId,
  recorded_at AS recordedAt, recorded_by AS recordedBy, correction_reason AS correctionReason, key AS voided,
  visit AS visitId, NULL AS patientId, NULL AS date, motion, side, mode, degrees, rater AS raterId, instrument,
  end_feel AS endFeel, pain, note
  FROM measurements WHERE patient = (SELECT key FROM patients WHERE id = ?) AND ${currentOnly()}`;

/** The first version of each of the patient's corrected current readings: lineage id, when, by whom. */
const FIRST_OF_CORRECTED = `SELECT ${idTextSql('f.id')}, f.recorded_at, ${idOfKeySql('therapists', 'f.recorded_by')} FROM measurements f WHERE f.id IN (
  SELECT lineage_id FROM measurements WHERE patient = (SELECT key FROM patients WHERE id = ?) AND ${currentOnly()} AND supersedes_id IS NOT NULL)`;

interface Gathering extends ReadingsOfVisit {
  id: string;
  date: string;
  recordedAt: string;
  rowids: number[];
  addedAt: number[];
}

/** Inserts in rowid order: a visit holds a dozen readings or so, so a step back from the end is enough. */
function placeByRowid(visit: Gathering, rowid: number, m: Measurement): void {
  const { measurements, rowids } = visit;
  let at = rowids.length;
  measurements.push(m);
  rowids.push(rowid);
  while (at > 0 && rowids[at - 1]! > rowid) {
    measurements[at] = measurements[at - 1]!;
    rowids[at] = rowids[at - 1]!;
    at--;
  }
  measurements[at] = m;
  rowids[at] = rowid;
}

/** Each visit's current readings, by the visit's key; a reading of a visit not given (a voided one) is left out. */
export function currentReadingsOf(db: Database.Database, patientId: string, visits: readonly VisitOfReadings[]): Map<number, ReadingsOfVisit> {
  const byVisit = new Map<number, Gathering>();
  for (const v of visits) byVisit.set(v.key, { id: v.id, date: v.visit_date, recordedAt: v.recorded_at, measurements: [], rowids: [], added: [], addedAt: [] });
  const rows = prepared<[string], ReadingAsStored>(db, CURRENT_OF_PATIENT).all(patientId);
  const therapists = rows.length > 0 ? therapistIdsByKey(db) : [];
  let corrected: Map<string, FirstRecorded> | null = null;
  for (const r of rows) {
    // A current reading of a voided visit: voiding a visit voids its readings, so only a stale row comes here.
    const visit = byVisit.get(r.visitId as number);
    if (!visit) continue;
    const rowid = r.voided as number;
    const id = idFromColumn(r.id as string);
    const lineageId = r.lineageId === null ? id : idOfStored(r.lineageId as Buffer | string);
    r.id = id;
    r.lineageId = lineageId;
    if (r.supersedesId !== null) r.supersedesId = idOfStored(r.supersedesId as Buffer | string);
    r.recordedBy = therapistOf(therapists, r.recordedBy as number | null);
    r.voided = null;
    r.visitId = visit.id;
    r.patientId = patientId;
    r.date = visit.date;
    if (r.raterId !== null) r.raterId = therapistOf(therapists, r.raterId as number);
    // Every stored form is put right above: the row is the Measurement the contract describes.
    const m = r as Measurement;
    let firstAt = m.recordedAt;
    let firstBy = m.recordedBy;
    if (m.supersedesId !== null) {
      corrected ??= firstsOfCorrected(db, patientId);
      const first = corrected.get(lineageId);
      if (first) [firstAt, firstBy] = [first.at, first.by];
    }
    placeByRowid(visit, rowid, m);
    // Only a reading added after the visit was recorded makes an extension; most readings are not kept here.
    if (firstAt !== visit.recordedAt) {
      visit.added.push({ at: firstAt, by: firstBy });
      visit.addedAt.push(rowid);
    }
  }
  for (const visit of byVisit.values()) {
    if (visit.added.length > 1) {
      const order = visit.added.map((first, k) => ({ first, rowid: visit.addedAt[k]! })).sort((a, b) => a.rowid - b.rowid);
      visit.added = order.map((x) => x.first);
    }
  }
  return byVisit;
}

function firstsOfCorrected(db: Database.Database, patientId: string): Map<string, FirstRecorded> {
  const rows = prepared<[string], [id: string, at: string, by: string | null]>(db, FIRST_OF_CORRECTED).raw(true).all(patientId);
  return new Map(rows.map((r) => [r[0], { at: r[1], by: r[2] }]));
}
