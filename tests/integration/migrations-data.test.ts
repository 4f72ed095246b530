import { afterEach, describe, expect, it } from 'vitest';
import { auditRowHash, checkAuditChain } from '../../electron/db/audit-chain';
import { auditIsPacked, auditRowsWhere } from '../../electron/db/audit-rows';
import { measurementColumns } from '../../electron/db/measurement-keys';
import { databaseIdentity } from '../../electron/db/identity';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import { databaseAt, sameShapeAs, type DatabaseAtVersion, type Row, type TableContents } from '../support/migrate-to';
import { IDS, putRowsAddedAt, putRowsUpTo, ROWS_KNOWN_UP_TO } from '../support/rows-by-version';

// A clinic updates ROMtrack with years of records in its file: each migration must carry every row over
// exactly as it was (values and their SQLite types), and its new constraints and triggers must then act.
// tests/integration/database.test.ts checks that each migration applies; this checks what it does to data.

const open: DatabaseAtVersion[] = [];

/** Migration 9 adds one row, the database's identity in app_meta; every other row must be as it was. */
const withoutIdentity = (c: TableContents): TableContents =>
  c.app_meta ? { ...c, app_meta: c.app_meta.filter((r) => r.key !== "'database_id'") } : c;
afterEach(() => open.splice(0).forEach((d) => d.dispose()));

/** A value as SQLite's quote() spells it, as TableContents holds it. */
const quoted = (v: string | number | null): string => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);

/**
 * The tables' contents, with the audit log as its hashes define it (JSON texts, hex hashes): from version 17 the
 * file packs them (electron/db/audit-rows.ts), and what must survive is what the chain proves.
 */
function contentsOf(d: DatabaseAtVersion): TableContents {
  const c = measurementsAsTheyRead(d, d.contents());
  if (!auditIsPacked(d.db)) return c;
  const rows = auditRowsWhere(d.db, '1').map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, quoted(v)])));
  return { ...c, audit_log: rows };
}

const MEASUREMENT_COLUMNS = ['id', 'lineage_id', 'supersedes_id', 'superseded_by', 'recorded_at', 'recorded_by', 'correction_reason', 'voided_at', 'voided_by',
  'void_reason', 'visit_id', 'patient_id', 'motion', 'side', 'mode', 'degrees', 'rater_id', 'instrument', 'end_feel', 'pain', 'note'];

/**
 * From version 18 measurements are stored on integer keys (electron/db/measurement-keys.ts): what must survive
 * is each row as the repositories read it, in the columns and values it had, in the order recorded.
 */
function measurementsAsTheyRead(d: DatabaseAtVersion, c: TableContents): TableContents {
  if (!(d.db.pragma('table_info(measurements)') as { name: string }[]).some((col) => col.name === 'key')) return c;
  const rows = d.db
    .prepare(`SELECT ${MEASUREMENT_COLUMNS.map((col) => `quote(${col}) AS ${col}`).join(', ')} FROM (SELECT ${measurementColumns('m')}, m.key AS k FROM measurements m) ORDER BY k`)
    .all() as Record<string, string>[];
  return { ...c, measurements: rows };
}

/** Rows in at version − 1, migrate to `version`: every row is still there, unchanged, and no foreign key dangles. */
function migratedWithRows(version: number): DatabaseAtVersion {
  const d = databaseAt(version - 1);
  open.push(d);
  putRowsUpTo(d, version - 1);
  const before = contentsOf(d);
  d.migrateTo(version);
  expect(d.version()).toBe(version);
  expect(withoutIdentity(sameShapeAs(before, contentsOf(d)))).toEqual(withoutIdentity(before));
  expect(d.db.pragma('foreign_key_check')).toEqual([]);
  return d;
}

const refuses = (d: DatabaseAtVersion, sql: string, message: RegExp) => expect(() => d.db.prepare(sql).run()).toThrow(message);
const refusesRow = (d: DatabaseAtVersion, table: string, row: Row, message: RegExp) => expect(() => d.insert(table, row)).toThrow(message);
const tablesOf = (d: DatabaseAtVersion) => Object.keys(d.contents());

describe('each migration carries the rows before it over intact, then enforces its rules', () => {
  it('0001 patients and audit log: an empty file gets the tables, and they check what they hold', () => {
    const d = migratedWithRows(1);
    expect(tablesOf(d)).toEqual(['app_meta', 'audit_log', 'patients']);
    putRowsAddedAt(d, 1);
    const patient = { family_name: 'Doe', given_names: 'Jan', date_of_birth: '2000-01-01', version: 1, created_at: 'x', updated_at: 'x' };
    refusesRow(d, 'patients', { ...patient, id: 'p3', sex: 'robot', clinic_id: null }, /CHECK constraint failed/);
    // Clinic numbers are unique whatever their case, and any number of patients may have none.
    refusesRow(d, 'patients', { ...patient, id: 'p3', sex: 'other', clinic_id: 'rrc-0001' }, /UNIQUE constraint failed/);
    d.insert('patients', { ...patient, id: 'p3', sex: 'other', clinic_id: null });
    // STRICT tables refuse a value of the wrong type instead of storing it.
    refusesRow(d, 'patients', { ...patient, id: 'p4', sex: 'other', clinic_id: null, version: 'two' }, /cannot store TEXT value in INTEGER column/);
  });

  it('0002 clinic and therapists: patients and audit rows stay; one clinic row, a logo only with its type', () => {
    const d = migratedWithRows(2);
    putRowsAddedAt(d, 2);
    const clinic = { name: 'Second', paper_size: 'A4', date_format: 'D MMM YYYY', updated_at: 'x' };
    refusesRow(d, 'clinic', { ...clinic, id: 2 }, /CHECK constraint failed/);
    refuses(d, "UPDATE clinic SET logo_mime = NULL WHERE id = 1", /CHECK constraint failed/);
    refusesRow(d, 'therapists', { id: 't3', name: 'Efua', registration_number: 'pt-1001', initials: 'E', created_at: 'x', updated_at: 'x' }, /UNIQUE constraint failed/);
  }, 10_000);

  it('0003 clinical records: earlier rows stay; records are never deleted or edited, only superseded or voided once', () => {
    const d = migratedWithRows(3);
    putRowsAddedAt(d, 3);
    expect(d.db.prepare('SELECT quote(logo) AS logo FROM clinic').get()).toEqual({ logo: "X'89504E470D0A1A0A0000000D4948445200000040'" });
    refuses(d, `DELETE FROM measurements WHERE id = '${IDS.measurementLater}'`, /never deleted/);
    refuses(d, `UPDATE measurements SET degrees = 100 WHERE id = '${IDS.measurementLater}'`, /never edited in place/);
    refuses(d, `UPDATE measurements SET superseded_by = '${IDS.measurementFirst}' WHERE id = '${IDS.measurementFirst}'`, /never edited in place/);
    refuses(d, `UPDATE measurements SET void_reason = 'Changed my mind' WHERE id = '${IDS.measurementVoided}'`, /never edited in place/);
    d.db.prepare(`UPDATE measurements SET voided_at = 'x', voided_by = '${IDS.abena}', void_reason = 'Duplicate' WHERE id = '${IDS.measurementLater}'`).run();
    refuses(d, `UPDATE visits SET notes = 'edited' WHERE id = '${IDS.visit1}'`, /never edited in place/);
    refuses(d, `DELETE FROM visits WHERE id = '${IDS.visit2}'`, /never deleted/);
    // One current watched site per joint and side; the corrected one is it.
    const site = { lineage_id: 's3', recorded_at: 'x', patient_id: IDS.kwame, joint: 'elbow', side: 'left', status: 'confirmed', since: '2024-05-01' };
    refusesRow(d, 'watched_sites', { ...site, id: 's3' }, /UNIQUE constraint failed/);
    refusesRow(d, 'measurements', { id: 'm9', lineage_id: 'm9', recorded_at: 'x', visit_id: 'no-such-visit', patient_id: IDS.kwame, motion: 'knee.flexion', side: 'left', mode: 'active', degrees: 90, instrument: 'x' }, /FOREIGN KEY constraint failed/);
  }, 10_000);

  it('0004 therapy plans: clinical records and their corrections stay; plan versions never overlap, items never change', () => {
    const d = migratedWithRows(4);
    putRowsAddedAt(d, 4);
    const current = d.db.prepare('SELECT id FROM measurements WHERE superseded_by IS NULL AND voided_at IS NULL ORDER BY id').pluck().all();
    expect(current).toEqual([IDS.measurementCorrected, IDS.measurementLater]);
    refusesRow(d, 'plan_versions', {
      id: 'pv3', lineage_id: IDS.planFirst, supersedes_id: IDS.planRevised, correction_reason: 'Backdated', recorded_at: 'x', patient_id: IDS.kwame,
      title: 'x', effective_from: '2024-03-01', sites_json: '[]', passive_rom_allowed: 0,
    }, /must start after the version it replaces/);
    refuses(d, `UPDATE plan_items SET sets = 4 WHERE id = '${IDS.itemFirst}'`, /never edited in place/);
    refuses(d, `UPDATE plan_versions SET end_reason = 'Other' WHERE id = '${IDS.planRevised}'`, /never edited in place/);
    refusesRow(d, 'plan_items', { id: 'i9', plan_version_id: IDS.planRevised, position: 3, intervention: 'dancing', motions_json: '[]', dose_kind: 'minutes', minutes: 5, frequency_count: 1, frequency_per: 'day' }, /CHECK constraint failed/);
    refusesRow(d, 'plan_adherence', {
      id: 'a9', lineage_id: 'a9', recorded_at: 'x', item_id: IDS.itemRevised, plan_id: IDS.planFirst, patient_id: IDS.kwame, week_start: '2024-03-04', sessions_done: 3,
    }, /UNIQUE constraint failed/);
  }, 10_000);

  it('0005 report log: plans and goals stay; the log of printed reports is append-only and checks its period', () => {
    const d = migratedWithRows(5);
    putRowsAddedAt(d, 5);
    refuses(d, 'DELETE FROM report_log', /a printed report stays printed/);
    refuses(d, "UPDATE report_log SET paper = 'Letter'", /a printed report stays printed/);
    const report = { patient_id: IDS.kwame, paper: 'A4', recorded_at: 'x' };
    refusesRow(d, 'report_log', { ...report, id: 'r8', period_from: '2024-07-01', period_to: '2024-06-30' }, /CHECK constraint failed/);
    refusesRow(d, 'report_log', { ...report, id: 'r9', period_from: '1/7/2024', period_to: '2024-06-30' }, /CHECK constraint failed/);
  }, 10_000);

  it('0006 indexes for voided records: every row stays, and reading a patient’s voided entries uses them', () => {
    const d = migratedWithRows(6);
    const plan = d.db.prepare('EXPLAIN QUERY PLAN SELECT id FROM measurements WHERE patient_id = ? AND voided_at IS NOT NULL').all(IDS.kwame) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX measurements_voided/);
    expect(d.db.prepare('SELECT id FROM measurements WHERE patient_id = ? AND voided_at IS NOT NULL').pluck().all(IDS.kwame)).toEqual([IDS.measurementVoided]);
  }, 10_000);

  it('0007 visit voids: visits stay; a visit is voided once, by an append-only row naming a real visit', () => {
    const d = migratedWithRows(7);
    putRowsAddedAt(d, 7);
    refusesRow(d, 'visit_voids', { visit_id: IDS.visitAma, voided_at: 'y', reason: 'Twice' }, /UNIQUE constraint failed|PRIMARY KEY/);
    refusesRow(d, 'visit_voids', { visit_id: 'no-such-visit', voided_at: 'y', reason: 'x' }, /FOREIGN KEY constraint failed/);
    refuses(d, 'DELETE FROM visit_voids', /never deleted/);
    refuses(d, "UPDATE visit_voids SET reason = 'Other'", /never edited in place/);
  }, 10_000);

  it('0009 audit chain: the log gets its hash chain and the database its identity; the log is append-only and chained', () => {
    const d = migratedWithRows(9);
    // Every row already there is chained, with the same hash the app computes for new rows.
    const rows = d.db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as (Row & { prev_hash: string; hash: string })[];
    expect(rows.map((r) => r.prev_hash)).toEqual(['', rows[0]!.hash]);
    for (const r of rows) expect(r.hash).toBe(auditRowHash(r.prev_hash, r as never));
    expect(checkAuditChain(d.db)).toMatchObject({ ok: true, rows: 2 });
    // The identity is the first audit row's id, which backups made before this version also carry.
    expect(databaseIdentity(d.db)).toBe(IDS.auditFirst);
    putRowsAddedAt(d, 9);
    expect(checkAuditChain(d.db)).toMatchObject({ ok: true, rows: 5 });
    refuses(d, 'DELETE FROM audit_log WHERE seq = 1', /append-only: its rows are never deleted/);
    refuses(d, "UPDATE audit_log SET actor_id = NULL WHERE seq = 2", /append-only: its rows are never edited/);
    const row = { id: 'a9', at: 'x', actor_id: null, operation: 'x', entity: 'x', entity_id: 'x', before_json: null, after_json: null };
    refusesRow(d, 'audit_log', { ...row, prev_hash: '', hash: auditRowHash('', row) }, /continue the chain/);
    refusesRow(d, 'audit_log', row, /continue the chain/);
    refuses(d, "UPDATE app_meta SET value = 'another' WHERE key = 'database_id'", /identity is never changed/);
    refuses(d, "DELETE FROM app_meta WHERE key = 'database_id'", /identity is never removed/);
    d.db.prepare("UPDATE app_meta SET value = 'x' WHERE key = 'installed_at'").run();
  }, 10_000);

  it('0009 on an empty database: a random identity, and an empty chain', () => {
    const d = databaseAt(9);
    open.push(d);
    expect(databaseIdentity(d.db)).toMatch(/^[0-9a-f-]{36}$/);
    expect(checkAuditChain(d.db)).toEqual({ ok: true, rows: 0, head: '' });
  });
});

describe('rows written by any version survive every later migration', () => {
  // Runs through migrations added after this file too: their first check is that nothing already there changes.
  it.each(Array.from({ length: LATEST_SCHEMA_VERSION - 1 }, (_, i) => i + 1))('from version %i to the latest', (version) => {
    const d = databaseAt(version);
    open.push(d);
    putRowsUpTo(d, version);
    const before = contentsOf(d);
    d.migrateTo();
    expect(d.version()).toBe(LATEST_SCHEMA_VERSION);
    expect(withoutIdentity(sameShapeAs(before, contentsOf(d)))).toEqual(withoutIdentity(before));
    expect(d.db.pragma('foreign_key_check')).toEqual([]);
  }, 10_000);

  it.each(Array.from({ length: ROWS_KNOWN_UP_TO }, (_, i) => i + 1))('the rows for version %i fill every table it has', (version) => {
    // Otherwise a table could lose its rows in a migration and no test would see it.
    const d = databaseAt(version);
    open.push(d);
    putRowsUpTo(d, version);
    const empty = Object.entries(d.contents()).filter(([, rows]) => rows.length === 0).map(([table]) => table);
    expect(empty).toEqual([]);
  });
});
