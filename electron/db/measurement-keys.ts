import type Database from 'better-sqlite3';
import { prepared } from './statement-cache';

// Measurements are stored on integer keys (migration 0018): the row's UUID once as 16 bytes, its lineage NULL
// when it is its own, its visit, patient and therapists as their rows' `key`. Everything outside the repositories
// still sees UUID strings; this is the one place that converts, in SQL where it can (cheaper than a Buffer per
// value in JavaScript), so the repositories' queries still return the rows they did.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX = '[0-9a-f]';
const UUID_GLOB = `${HEX.repeat(8)}-${HEX.repeat(4)}-${HEX.repeat(4)}-${HEX.repeat(4)}-${HEX.repeat(12)}`;

/** An id as measurements stores it: a canonical UUID as its 16 bytes, any other id as its text (as 0018 did). */
export function storedId(id: string): Buffer | string {
  return UUID.test(id) ? Buffer.from(id.replace(/-/g, ''), 'hex') : id;
}

export function storedIdOrNull(id: string | null): Buffer | string | null {
  return id === null ? null : storedId(id);
}

/** SQL: the stored form of a text id (for ids that come from other tables, such as the audit log's). */
export const storedIdSql = (x: string) => `CASE WHEN ${x} GLOB '${UUID_GLOB}' THEN unhex(replace(${x}, '-', '')) ELSE ${x} END`;

/** SQL: the text of a stored id, as the app wrote it. */
export const idTextSql = (x: string) =>
  `CASE WHEN typeof(${x}) = 'blob' THEN lower(format('%s-%s-%s-%s-%s', hex(substr(${x}, 1, 4)), hex(substr(${x}, 5, 2)), ` +
  `hex(substr(${x}, 7, 2)), hex(substr(${x}, 9, 2)), hex(substr(${x}, 11, 6)))) ELSE ${x} END`;

/**
 * SQL: the key of the row of `table` whose id is the parameter `param`, NULL for NULL; an id the table does not
 * hold gives -1, which no row has, so the foreign key refuses it as it refused the unknown id before.
 */
export const keyOfSql = (table: 'therapists' | 'patients' | 'visits', param: string) =>
  `CASE WHEN ${param} IS NULL THEN NULL ELSE coalesce((SELECT key FROM ${table} WHERE id = ${param}), -1) END`;

/**
 * SQL: the key a new therapist, patient or visit gets, written by its INSERT. The table's `_keyed` trigger (0018)
 * would set it just after, but that UPDATE changes a key measurements refer to, and SQLite then looks for the
 * measurements of the old key (NULL, so none) by reading every measurement: no full index serves it. That was
 * 10-18 ms per visit or patient and 50 ms per therapist at 112,000 measurements, growing with the clinic. The
 * trigger stays for rows written outside the app.
 */
export const nextKeySql = (table: 'therapists' | 'patients' | 'visits') => `(SELECT coalesce(max(key), 0) + 1 FROM ${table})`;

/** SQL: the UUID of the therapist, visit or patient whose key is `x`. */
export const idOfKeySql = (table: 'therapists' | 'patients' | 'visits', x: string) => `(SELECT id FROM ${table} WHERE key = ${x})`;

/** SQL: the rows of the lineage `param` (a stored id): its first version, if held here, and every later one. */
export const lineageSql = (alias: string, param: string) => `(${alias}.lineage_id = ${param} OR (${alias}.id = ${param} AND ${alias}.lineage_id IS NULL))`;

/**
 * SQL: a measurement row of `alias` in the columns it had before 0018 (id, lineage_id, visit_id, patient_id,
 * rater_id ... as UUID strings), for the repositories' whole-row reads.
 */
export function measurementColumns(m: string): string {
  return [
    `${idTextSql(`${m}.id`)} AS id`,
    `${idTextSql(`coalesce(${m}.lineage_id, ${m}.id)`)} AS lineage_id`,
    `${idTextSql(`${m}.supersedes_id`)} AS supersedes_id`,
    `${idTextSql(`${m}.superseded_by`)} AS superseded_by`,
    `${m}.recorded_at`,
    `${idOfKeySql('therapists', `${m}.recorded_by`)} AS recorded_by`,
    `${m}.correction_reason`,
    `${m}.voided_at`,
    `${idOfKeySql('therapists', `${m}.voided_by`)} AS voided_by`,
    `${m}.void_reason`,
    `${idOfKeySql('visits', `${m}.visit`)} AS visit_id`,
    `${idOfKeySql('patients', `${m}.patient`)} AS patient_id`,
    `${m}.motion`,
    `${m}.side`,
    `${m}.mode`,
    `${m}.degrees`,
    `${idOfKeySql('therapists', `${m}.rater`)} AS rater_id`,
    `${m}.instrument`,
    `${m}.end_feel`,
    `${m}.pain`,
    `${m}.note`,
  ].join(', ');
}

/**
 * SQL: a stored id as one column for the hot reads: the hex of its 16 bytes (in capitals, as hex() writes them),
 * or its text after a '~', which no hex digit is. Dashing the hex in JavaScript (idFromColumn) costs less than
 * formatting in SQL, and far less than reading a Buffer; one column lets a row be read as an object.
 */
export const idColumnSql = (x: string) => `CASE WHEN typeof(${x}) = 'blob' THEN hex(${x}) ELSE '~' || ${x} END`;

export function idFromColumn(column: string): string {
  return column.charCodeAt(0) === 126 ? column.slice(1) : dashed(column);
}

/**
 * The canonical text of 32 hex digits, in small letters whichever they came in (setting bit 32 turns A-F into
 * a-f and leaves 0-9 as they are). One string built in one step: slicing and joining made five pieces and four
 * joins per id (2,600 ids on the largest patient's page), garbage that a collection in the middle of the read
 * then had to copy along with the read's live rows. 45 is "-".
 */
function dashed(h: string): string {
  return String.fromCharCode(
    h.charCodeAt(0) | 32, h.charCodeAt(1) | 32, h.charCodeAt(2) | 32, h.charCodeAt(3) | 32, h.charCodeAt(4) | 32, h.charCodeAt(5) | 32, h.charCodeAt(6) | 32, h.charCodeAt(7) | 32,
    45, h.charCodeAt(8) | 32, h.charCodeAt(9) | 32, h.charCodeAt(10) | 32, h.charCodeAt(11) | 32,
    45, h.charCodeAt(12) | 32, h.charCodeAt(13) | 32, h.charCodeAt(14) | 32, h.charCodeAt(15) | 32,
    45, h.charCodeAt(16) | 32, h.charCodeAt(17) | 32, h.charCodeAt(18) | 32, h.charCodeAt(19) | 32,
    45, h.charCodeAt(20) | 32, h.charCodeAt(21) | 32, h.charCodeAt(22) | 32, h.charCodeAt(23) | 32, h.charCodeAt(24) | 32, h.charCodeAt(25) | 32, h.charCodeAt(26) | 32, h.charCodeAt(27) | 32, h.charCodeAt(28) | 32, h.charCodeAt(29) | 32, h.charCodeAt(30) | 32, h.charCodeAt(31) | 32,
  );
}

/**
 * A stored id read as SQLite hands it over (16 bytes, or text), as its text. For the columns that are NULL on
 * almost every row (lineage_id, supersedes_id): reading them as they are and converting the rare value here costs
 * less than a CASE on every row in SQL.
 */
export function idOfStored(stored: Uint8Array | string): string {
  return typeof stored === 'string' ? stored : dashed(Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength).toString('hex'));
}

/** Therapists' ids by key: an array, since keys are small whole numbers given in turn (0018). */
export type TherapistIds = readonly (string | undefined)[];

/** Every therapist's id by key: a clinic has a few dozen, so one read beats a lookup per reading. */
export function therapistIdsByKey(db: Database.Database): TherapistIds {
  const ids: (string | undefined)[] = [];
  for (const [key, id] of prepared<[], [number, string]>(db, 'SELECT key, id FROM therapists WHERE key IS NOT NULL').raw(true).all()) ids[key] = id;
  return ids;
}

/** A therapist key of a row, as the therapist's id. */
export function therapistOf(byKey: TherapistIds, key: number | null): string | null {
  return key === null ? null : (byKey[key] ?? null);
}
