import { auditRowHash, CHAIN_START, type ChainedContent } from '../../electron/db/audit-chain';
import { auditIsPacked, INSERT_PACKED, lastAuditHash, packedValues } from '../../electron/db/audit-rows';
import { storedIdSql } from '../../electron/db/measurement-keys';
import type { DatabaseAtVersion, Row } from './migrate-to';

// Realistic rows for every table, grouped by the schema version that created the table, as a clinic's
// database would hold them after using that version for a while: corrections, voids, a revised and ended
// plan, a logo BLOB, non-ASCII names, REAL values. tests/integration/migrations-data.test.ts puts them in
// at version N−1 and checks that migration N carries every one over unchanged.
//
// Frozen like the migrations: these are the columns each version had. A new migration that adds a table
// adds its own group here.

// Ids shaped like the app's UUIDs, with the kind of record readable in the last group (the schema checks neither).
const id = (kind: string, n: number) => `7c9e6679-7425-40de-944b-${kind}${String(n).padStart(12 - kind.length, '0')}`;

export const IDS = {
  kwame: id('pat', 1),
  ama: id('pat', 2),
  abena: id('ther', 1),
  kofi: id('ther', 2),
  visit1: id('vis', 1),
  visit2: id('vis', 2),
  visitAma: id('vis', 3),
  siteFirst: id('site', 1),
  siteCorrected: id('site', 2),
  measurementFirst: id('meas', 1),
  measurementCorrected: id('meas', 2),
  measurementVoided: id('meas', 3),
  measurementLater: id('meas', 4),
  planFirst: id('plan', 1),
  planRevised: id('plan', 2),
  itemFirst: id('item', 1),
  itemRevised: id('item', 2),
  itemMinutes: id('item', 3),
  auditFirst: id('aud', 1),
} as const;

// Canonical UUIDs, which measurements store as 16 bytes from version 18 on.
export const UUIDS = {
  visit: '3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c',
  first: '0b8f6e2a-4c3d-4a1b-9e8f-7d6c5b4a3921',
  corrected: '0b8f6e2a-4c3d-4a1b-9e8f-7d6c5b4a3922',
  voided: '0b8f6e2a-4c3d-4a1b-9e8f-7d6c5b4a3923',
  imported: '0b8f6e2a-4c3d-4a1b-9e8f-7d6c5b4a3924',
  importedLineage: 'ffffffff-4c3d-4a1b-9e8f-7d6c5b4a3900',
} as const;

// A PNG signature and the start of its header chunk: enough to tell a BLOB survived byte for byte.
const LOGO = Buffer.from('89504e470d0a1a0a0000000d4948445200000040', 'hex');

/**
 * Audit rows as the app of the database's version writes them: from version 9 on, each carries the hash chain
 * (prev_hash, hash), continuing from the last row already there, which the database itself insists on.
 */
function insertAudit(d: DatabaseAtVersion, ...rows: AuditContent[]): void {
  const chained = (d.db.pragma('table_info(audit_log)') as { name: string }[]).some((c) => c.name === 'hash');
  if (!chained) return d.insert('audit_log', ...rows);
  let prev = lastAuditHash(d.db) || CHAIN_START;
  for (const row of rows) {
    const hash = auditRowHash(prev, row);
    // From version 17 the texts are packed and the hashes bytes, as the app writes them.
    if (auditIsPacked(d.db)) d.db.prepare(INSERT_PACKED).run(...packedValues(row, prev, hash));
    else d.insert('audit_log', { ...row, prev_hash: prev, hash });
    prev = hash;
  }
}

type AuditContent = ChainedContent & Row;

const therapistKey = (param: string) => `(SELECT key FROM therapists WHERE id = ${param})`;
/** A measurement row in the columns 0003 gave it, as the app of version 18 on stores it (integer keys, 16-byte UUIDs). */
const INSERT_KEYED_MEASUREMENT = `INSERT INTO measurements (id, lineage_id, supersedes_id, superseded_by, recorded_at, recorded_by, correction_reason,
    voided_at, voided_by, void_reason, visit, patient, motion, side, mode, degrees, rater, instrument, end_feel, pain, note)
  VALUES (${storedIdSql('@id')}, CASE WHEN @lineage_id = @id THEN NULL ELSE ${storedIdSql('@lineage_id')} END, ${storedIdSql('@supersedes_id')},
    ${storedIdSql('@superseded_by')}, @recorded_at, ${therapistKey('@recorded_by')}, @correction_reason, @voided_at, ${therapistKey('@voided_by')}, @void_reason,
    (SELECT key FROM visits WHERE id = @visit_id), (SELECT key FROM patients WHERE id = @patient_id), @motion, @side, @mode, @degrees,
    ${therapistKey('@rater_id')}, @instrument, @end_feel, @pain, @note)`;

/** Measurements as the database's version stores them: from 18 on, on integer keys. */
function insertMeasurements(d: DatabaseAtVersion, ...rows: Row[]): void {
  const keyed = (d.db.pragma('table_info(measurements)') as { name: string }[]).some((c) => c.name === 'key');
  if (!keyed) return d.insert('measurements', ...rows);
  for (const row of rows) d.db.prepare(INSERT_KEYED_MEASUREMENT).run(row);
}

export const ROWS_BY_VERSION: Readonly<Record<number, (d: DatabaseAtVersion) => void>> = {
  1: (d) => {
    d.insert('app_meta', { key: 'installed_at', value: '2024-01-05T08:00:00.000Z' });
    d.insert(
      'patients',
      { id: IDS.kwame, family_name: 'Mensah', given_names: 'Kwame Kofi', clinic_id: 'RRC-0001', date_of_birth: '1980-03-14', sex: 'male', version: 3, created_at: '2024-01-05T08:10:00.000Z', updated_at: '2024-02-11T09:00:00.000Z' },
      { id: IDS.ama, family_name: 'Nʼguessan-Owusu', given_names: 'Ama Zoë', clinic_id: null, date_of_birth: '1992-11-30', sex: 'female', version: 1, created_at: '2024-01-06T10:00:00.000Z', updated_at: '2024-01-06T10:00:00.000Z' },
    );
    insertAudit(
      d,
      { id: id('aud', 1), at: '2024-01-05T08:10:00.000Z', actor_id: null, operation: 'patients.create', entity: 'patient', entity_id: IDS.kwame, before_json: null, after_json: '{"familyName":"Mensah"}' },
      { id: id('aud', 2), at: '2024-02-11T09:00:00.000Z', actor_id: null, operation: 'patients.update', entity: 'patient', entity_id: IDS.kwame, before_json: '{"version":2}', after_json: '{"version":3}' },
    );
  },
  2: (d) => {
    d.insert('clinic', { id: 1, name: 'Riverside Rehabilitation Clinic', address: '12 River Road\nTamale', phone: '+233 37 000 0000', logo_mime: 'image/png', logo: LOGO, paper_size: 'A4', date_format: 'D MMM YYYY', version: 2, updated_at: '2024-01-05T08:05:00.000Z' });
    d.insert(
      'therapists',
      { id: IDS.abena, name: 'Abena Owusu', title: 'Physiotherapist', registration_number: 'PT-1001', initials: 'AO', active: 1, version: 1, created_at: '2024-01-05T08:05:00.000Z', updated_at: '2024-01-05T08:05:00.000Z' },
      { id: IDS.kofi, name: 'Kofi Boateng', title: null, registration_number: null, initials: 'KB', active: 0, version: 2, created_at: '2024-01-07T08:00:00.000Z', updated_at: '2024-04-01T08:00:00.000Z' },
    );
  },
  3: (d) => {
    const by = { recorded_by: IDS.abena, voided_at: null, voided_by: null, void_reason: null };
    d.insert('risk_factors', { id: id('risk', 1), lineage_id: id('risk', 1), supersedes_id: null, superseded_by: null, recorded_at: '2024-01-05T08:20:00.000Z', correction_reason: null, ...by, patient_id: IDS.kwame, kind: 'traumatic_brain_injury', onset_date: '2023-12-20', note: 'Fall from scaffolding' });
    // A correction: the first version points at the one replacing it (the foreign key is deferred to commit).
    d.insert(
      'watched_sites',
      { id: IDS.siteFirst, lineage_id: IDS.siteFirst, supersedes_id: null, superseded_by: IDS.siteCorrected, recorded_at: '2024-01-05T08:25:00.000Z', correction_reason: null, ...by, patient_id: IDS.kwame, joint: 'elbow', side: 'left', status: 'at_risk', since: '2024-01-05', note: null },
      { id: IDS.siteCorrected, lineage_id: IDS.siteFirst, supersedes_id: IDS.siteFirst, superseded_by: null, recorded_at: '2024-02-01T09:30:00.000Z', correction_reason: 'X-ray shows early ossification', ...by, patient_id: IDS.kwame, joint: 'elbow', side: 'left', status: 'suspected', since: '2024-02-01', note: 'Warm, swollen' },
    );
    const visit = { therapist_id: IDS.abena, recorded_by: IDS.abena, decreased_range: 1, swelling: 0, redness: 0, warmth: 0, fever: 0, instrument: 'universal_goniometer' };
    d.insert(
      'visits',
      { id: IDS.visit1, patient_id: IDS.kwame, visit_date: '2024-02-01', setting: 'inpatient', ...visit, swelling: 1, warmth: 1, pain: 4, notes: 'Guarding at end range', end_feel: 'firm', recorded_at: '2024-02-01T09:30:00.000Z' },
      { id: IDS.visit2, patient_id: IDS.kwame, visit_date: '2024-03-04', setting: 'outpatient', ...visit, pain: null, notes: null, end_feel: null, recorded_at: '2024-03-04T10:00:00.000Z' },
      { id: IDS.visitAma, patient_id: IDS.ama, visit_date: '2024-03-05', setting: 'outpatient', ...visit, therapist_id: null, pain: 0, notes: 'Entered for the wrong patient', end_feel: null, recorded_at: '2024-03-05T11:00:00.000Z' },
    );
    const m = { patient_id: IDS.kwame, motion: 'elbow.flexion', side: 'left', mode: 'active', rater_id: IDS.abena, instrument: 'universal_goniometer', end_feel: null, pain: null, note: null, ...by };
    insertMeasurements(
      d,
      { ...m, id: IDS.measurementFirst, lineage_id: IDS.measurementFirst, supersedes_id: null, superseded_by: IDS.measurementCorrected, correction_reason: null, recorded_at: '2024-02-01T09:30:00.000Z', visit_id: IDS.visit1, degrees: 59 },
      { ...m, id: IDS.measurementCorrected, lineage_id: IDS.measurementFirst, supersedes_id: IDS.measurementFirst, superseded_by: null, correction_reason: 'Read 59 for 95', recorded_at: '2024-02-01T09:40:00.000Z', visit_id: IDS.visit1, degrees: 95, end_feel: 'hard', pain: 6 },
      { ...m, id: IDS.measurementVoided, lineage_id: IDS.measurementVoided, supersedes_id: null, superseded_by: null, correction_reason: null, recorded_at: '2024-02-01T09:31:00.000Z', visit_id: IDS.visit1, motion: 'elbow.extension', degrees: -30, voided_at: '2024-02-01T09:45:00.000Z', voided_by: IDS.abena, void_reason: 'Wrong side' },
      { ...m, id: IDS.measurementLater, lineage_id: IDS.measurementLater, supersedes_id: null, superseded_by: null, correction_reason: null, recorded_at: '2024-03-04T10:00:00.000Z', visit_id: IDS.visit2, degrees: 110, mode: 'passive', rater_id: IDS.kofi, note: 'Measured supine' },
    );
    const e = { lineage_id: null, supersedes_id: null, superseded_by: null, correction_reason: null, ...by, patient_id: IDS.kwame, end_date: null, title: null, note: null };
    d.insert(
      'clinical_events',
      { ...e, id: id('evt', 1), lineage_id: id('evt', 1), recorded_at: '2024-02-01T09:35:00.000Z', kind: 'xray', event_date: '2024-01-31', joint: 'elbow', side: 'left', value: null, unit: null, classification: 'brooker_1' },
      { ...e, id: id('evt', 2), lineage_id: id('evt', 2), recorded_at: '2024-02-01T09:36:00.000Z', kind: 'lab', event_date: '2024-01-30', joint: null, side: null, title: 'Alkaline phosphatase', value: 152.5, unit: 'U/L', classification: null, note: 'Raised' },
    );
  },
  4: (d) => {
    const v = { recorded_by: IDS.abena, voided_at: null, voided_by: null, void_reason: null, patient_id: IDS.kwame };
    const plan = { title: 'Left elbow: keep the range', end_date: null, sites_json: '[{"joint":"elbow","side":"left"}]', precautions: 'No forced passive stretching', ended_on: null, ended_at: null, ended_by: null, end_reason: null };
    d.insert(
      'plan_versions',
      { ...v, ...plan, id: IDS.planFirst, lineage_id: IDS.planFirst, supersedes_id: null, superseded_by: IDS.planRevised, correction_reason: null, recorded_at: '2024-02-01T10:00:00.000Z', effective_from: '2024-02-01', passive_rom_allowed: 0 },
      { ...v, ...plan, id: IDS.planRevised, lineage_id: IDS.planFirst, supersedes_id: IDS.planFirst, superseded_by: null, correction_reason: 'Revised after the March review', recorded_at: '2024-03-04T10:30:00.000Z', effective_from: '2024-03-04', passive_rom_allowed: 1, ended_on: '2024-06-28', ended_at: '2024-06-28T15:00:00.000Z', ended_by: IDS.abena, end_reason: 'Goals met' },
    );
    const item = { frequency_per: 'day', instructions: null, sets: null, repetitions: null, minutes: null };
    d.insert(
      'plan_items',
      { ...item, id: IDS.itemFirst, plan_version_id: IDS.planFirst, position: 1, intervention: 'active_rom', motions_json: '["elbow.flexion","elbow.extension"]', dose_kind: 'sets_reps', sets: 3, repetitions: 10, frequency_count: 2 },
      { ...item, id: IDS.itemRevised, plan_version_id: IDS.planRevised, position: 1, intervention: 'active_assisted_rom', motions_json: '["elbow.flexion"]', dose_kind: 'sets_reps', sets: 2, repetitions: 15, frequency_count: 3, instructions: 'Slowly, within pain' },
      { ...item, id: IDS.itemMinutes, plan_version_id: IDS.planRevised, position: 2, intervention: 'splinting', motions_json: '[]', dose_kind: 'minutes', minutes: 45, frequency_count: 1, frequency_per: 'week' },
    );
    d.insert('plan_goals', { ...v, id: id('goal', 1), lineage_id: id('goal', 1), supersedes_id: null, superseded_by: null, correction_reason: null, recorded_at: '2024-02-01T10:05:00.000Z', plan_id: IDS.planFirst, motion: 'elbow.flexion', side: 'left', mode: 'active', target: 120, target_date: '2024-06-30', set_when_met: 0 });
    d.insert('plan_adherence', { ...v, id: id('adh', 1), lineage_id: id('adh', 1), supersedes_id: null, superseded_by: null, correction_reason: null, recorded_at: '2024-03-11T09:00:00.000Z', item_id: IDS.itemRevised, plan_id: IDS.planFirst, week_start: '2024-03-04', sessions_done: 17, note: 'Missed Sunday' });
  },
  5: (d) => {
    d.insert(
      'report_log',
      { id: id('rep', 1), patient_id: IDS.kwame, period_from: '2024-01-01', period_to: '2024-06-30', paper: 'A4', motions_json: null, recorded_at: '2024-07-01T08:00:00.000Z', recorded_by: IDS.abena },
      { id: id('rep', 2), patient_id: IDS.kwame, period_from: '2024-03-01', period_to: '2024-03-01', paper: 'Letter', motions_json: '["elbow.flexion"]', recorded_at: '2024-07-02T08:00:00.000Z', recorded_by: null },
    );
  },
  // 6 added indexes only.
  7: (d) => {
    d.insert('visit_voids', { visit_id: IDS.visitAma, voided_at: '2024-03-06T08:00:00.000Z', voided_by: IDS.abena, reason: 'Entered for the wrong patient' });
  },
  8: (d) => {
    d.insert(
      'clinic_thresholds',
      { id: id('thr', 1), motion: 'hip.extension', instrument: null, degrees: 10, set_at: '2024-05-01T08:00:00.000Z', set_by: IDS.abena, ended_at: '2024-06-01T08:00:00.000Z', ended_by: IDS.abena },
      { id: id('thr', 2), motion: 'hip.extension', instrument: 'goniometer', degrees: 8.5, set_at: '2024-06-01T08:00:00.000Z', set_by: IDS.abena, ended_at: null, ended_by: null },
    );
  },
  // 9 added columns to audit_log (the hash chain) and the database's identity to app_meta: rows written since
  // carry the chain, including a backup's and a restore's own audit rows.
  9: (d) => {
    insertAudit(
      d,
      { id: id('aud', 3), at: '2024-06-01T08:00:00.000Z', actor_id: IDS.abena, operation: 'thresholds.set', entity: 'clinic_threshold', entity_id: id('thr', 2), before_json: '{"degrees":10}', after_json: '{"degrees":8.5}' },
      { id: id('aud', 4), at: '2024-06-02T17:30:00.000Z', actor_id: IDS.abena, operation: 'backups.create', entity: 'backup', entity_id: 'romtrack-2024-06-02T17-30-00-000Z-manual-1a2b3c4d.sqlite', before_json: null, after_json: '{"folder":"/media/usb","sizeBytes":245760}' },
      { id: id('aud', 5), at: '2024-06-03T08:00:00.000Z', actor_id: null, operation: 'backups.restore', entity: 'database', entity_id: 'database', before_json: '{"safetyBackup":"/home/pt/.config/ROMtrack/backups/romtrack.sqlite/x.sqlite"}', after_json: '{"restoredFrom":"/media/usb/y.sqlite","schemaVersion":8,"otherDatabase":false}' },
    );
  },
  // 10 added the worklist's summary rows (derived, rebuilt from the records), its settings and the referral
  // letters. worklist_dirty needs no rows here: the triggers of 10 mark every patient the groups above touch.
  10: (d) => {
    d.insert('worklist_patients', { patient_id: IDS.kwame, last_measured: '2024-03-04', last_therapist_id: IDS.abena, alp_latest: 152.5, alp_latest_date: '2024-01-30', alp_previous: null, alp_previous_date: null });
    d.insert('worklist_series', {
      patient_id: IDS.kwame, series_key: 'left.elbow.flexion.active', position: 0, motion: 'elbow.flexion', joint: 'elbow', side: 'left', mode: 'active', watched: 1, readings: 1,
      latest_value: 95, latest_date: '2024-02-01', baseline_value: 95, baseline_date: '2024-02-01', best_value: null, best_date: null,
      verdict: 'insufficient', needs_confirmation: 0, last_measured: '2024-02-01', next_due: '2024-02-08',
    });
    d.insert('worklist_sites', {
      patient_id: IDS.kwame, joint: 'elbow', side: 'left', position: 0, status: 'suspected', anchor_date: '2023-12-20', anchor_what: 'traumatic brain injury or stroke',
      last_measured: '2024-03-04', due_on: '2024-03-11', overdue_on: '2024-03-18', ends_on: '2024-06-19', interval_days: 7,
    });
    d.insert('worklist_reasons', {
      patient_id: IDS.kwame, position: 0, code: 'warning_signs', joint: 'elbow', side: 'left', series_key: null,
      facts_json: '{"code":"warning_signs","kind":"hard_end_feel","motions":["Left elbow flexion (active)"],"date":"2024-02-01"}',
    });
    d.insert('worklist_settings', { id: 1, weekly_from_week: 2, weekly_until_week: 10, monthly_until_week: 30, alp_upper_limit: 120.5, version: 2, set_at: '2024-04-01T08:00:00.000Z', set_by: IDS.abena });
    d.insert('referral_letters', {
      id: id('ref', 1), patient_id: IDS.kwame, joint: 'elbow', side: 'left', series_key: 'left.elbow.flexion.active', paper: 'Letter', addressee: 'Dr Ama Owusu, Rehabilitation Medicine',
      body: 'Dear Dr Owusu,\n\nKwame Mensah’s left elbow has lost 25° of flexion since 1 Feb 2024.\n\nPlease consider a triple-phase bone scan and serum ALP.', recorded_at: '2024-03-05T12:00:00.000Z', recorded_by: IDS.abena,
    });
  },
  // 11 added columns to report_log: what each report said (texts exactly as typed, sites, the day of its
  // verdicts), and the entry a reprint reproduces. Entries from before it keep NULL in all of them.
  11: (d) => {
    const kept = { patient_id: IDS.kwame, period_from: '2024-01-01', period_to: '2024-06-30', paper: 'A4', motions_json: '["elbow.flexion","forearm.pronation"]', sites: 'watched' };
    d.insert(
      'report_log',
      {
        ...kept, id: id('rep', 3), recorded_at: '2024-07-03T08:00:00.000Z', recorded_by: IDS.abena, reprint_of: null, analysis_date: '2024-06-30',
        assessment: 'Left elbow flexion lost 25° since February.\n\nEnd-feel hard — Zoë’s X-ray pending.\n', recommendations: '',
      },
      {
        ...kept, id: id('rep', 4), recorded_at: '2024-07-09T15:30:00.000Z', recorded_by: IDS.kofi, reprint_of: id('rep', 3), analysis_date: '2024-06-30',
        assessment: 'Left elbow flexion lost 25° since February.\n\nEnd-feel hard — Zoë’s X-ray pending.\n', recommendations: '',
      },
      { ...kept, id: id('rep', 5), period_to: '2024-07-10', sites: 'all', motions_json: null, recorded_at: '2024-07-10T09:00:00.000Z', recorded_by: IDS.abena, reprint_of: null, analysis_date: '2024-07-10', assessment: '', recommendations: 'Review in 4 weeks.' },
    );
  },
  // 12 added accounts to therapists (role, the scrypt hash of a credential, failed attempts), the clinic's lock
  // time, and the append-only access log. Therapists from before it keep no credential and the role 'therapist'.
  12: (d) => {
    d.insert('therapists', {
      id: id('ther', 3), name: 'Efua Asante', title: 'Physiotherapist', registration_number: 'PT-1003', initials: 'EA', active: 1, version: 1,
      created_at: '2024-08-01T08:00:00.000Z', updated_at: '2024-08-01T08:00:00.000Z', role: 'administrator', credential_kind: 'pin',
      credential_salt: Buffer.from('00112233445566778899aabbccddeeff', 'hex'), credential_hash: Buffer.alloc(32, 7),
      credential_params: '{"algorithm":"scrypt","N":32768,"r":8,"p":1,"keyLength":32}', must_change_credential: 1, failed_attempts: 2, locked_until: '2024-08-02T09:05:00.000Z',
    });
    d.insert(
      'access_log',
      { seq: 1, at: '2024-08-02T09:00:00.000Z', therapist_id: id('ther', 3), patient_id: IDS.kwame, what: 'file' },
      { seq: 2, at: '2024-08-02T09:10:00.000Z', therapist_id: IDS.abena, patient_id: IDS.kwame, what: 'report' },
      { seq: 3, at: '2024-08-02T09:20:00.000Z', therapist_id: IDS.abena, patient_id: IDS.ama, what: 'export' },
    );
  },
  // 13 added sync with a district FHIR server: its settings (the token a secret), the cursor per server, what the
  // server acknowledged per record lineage, and an update it refused as stale.
  13: (d) => {
    const server = 'https://fhir.district.example/fhir/R4';
    d.insert('sync_settings', { id: 1, base_url: server, bearer_token: 'tok-3f9a…', updated_at: '2024-07-11T08:00:00.000Z', updated_by: IDS.abena });
    d.insert('sync_state', { server, acknowledged_seq: 5, last_success_at: '2024-07-11T08:05:00.000Z', last_attempt_at: '2024-07-11T09:05:00.000Z', last_error: 'The server answered HTTP 503.', last_error_at: '2024-07-11T09:05:01.000Z', failures: 1 });
    d.insert('sync_resources', { server, resource_type: 'Patient', lineage: IDS.kwame, content_hash: 'a'.repeat(64), server_id: '8812', server_version: '3', acknowledged_at: '2024-07-11T08:05:00.000Z' });
    d.insert('sync_conflicts', { id: id('conf', 1), server, resource_type: 'Patient', lineage: IDS.kwame, server_id: '8812', content_hash: 'b'.repeat(64), detected_at: '2024-07-11T09:05:00.000Z', message: 'Patient/8812 was changed on the server since this clinic sent it.' });
  },
  // 15 added the language a patient's printed documents are in and each therapist's own screen language; a
  // patient who reads Portuguese and a therapist who works in French, beside rows that keep the clinic's.
  15: (d) => {
    d.insert('patients', { id: id('pat', 3), family_name: 'Gonçalves', given_names: 'Maria João', clinic_id: 'RRC-0003', date_of_birth: '1975-11-30', sex: 'female', document_language: 'pt', version: 2, created_at: '2024-07-20T08:00:00.000Z', updated_at: '2024-07-21T08:00:00.000Z' });
    d.insert('therapists', { id: id('ther', 4), name: 'Aïcha Diallo', title: 'Kinésithérapeute', registration_number: 'PT-1004', initials: 'AD', active: 1, version: 2, created_at: '2024-07-20T08:00:00.000Z', updated_at: '2024-07-21T08:00:00.000Z', role: 'therapist', credential_kind: null, must_change_credential: 0, failed_attempts: 0, language: 'fr' });
  },
  // 16 added other clinics' records of a patient, fetched read-only from the district's server with their origin,
  // and the pull's cursor per patient and type (the server's time). Two versions of one record: both are kept.
  16: (d) => {
    const server = 'https://fhir.district.example/fhir/R4';
    const base = { server, resource_type: 'Observation', server_id: '9031', patient_id: IDS.kwame, origin_ref: 'Organization/77', origin_name: 'Hôpital de district — Kumasi', fetched_by: IDS.abena };
    d.insert(
      'foreign_records',
      { ...base, server_version: '1', last_updated: '2024-07-12T10:00:00.000Z', fetched_at: '2024-07-12T11:00:00.000Z', resource_json: '{"resourceType":"Observation","id":"9031","status":"final","valueQuantity":{"value":-5,"unit":"°"}}' },
      { ...base, server_version: '2', last_updated: '2024-07-13T10:00:00.000Z', fetched_at: '2024-07-13T11:00:00.000Z', resource_json: '{"resourceType":"Observation","id":"9031","status":"amended","valueQuantity":{"value":5,"unit":"°"}}' },
    );
    d.insert('foreign_pulls', { server, patient_id: IDS.kwame, resource_type: 'Observation', server_since: '2024-07-13T10:00:00.000Z', pulled_at: '2024-07-13T11:00:00.000Z' }, { server, patient_id: IDS.kwame, resource_type: 'Goal', server_since: null, pulled_at: '2024-07-13T11:00:00.000Z' });
  },
  // 17 packed the audit log's texts and made its hashes bytes: rows written since are stored that way. A
  // correction (its after packed against its before), a text too short to pack, non-ASCII, and no before at all.
  17: (d) => {
    const before = { id: IDS.measurementLater, lineageId: IDS.measurementLater, degrees: 110, note: 'Measured supine', recordedBy: IDS.kofi };
    insertAudit(
      d,
      {
        id: id('aud', 6), at: '2024-08-03T09:00:00.000Z', actor_id: IDS.abena, operation: 'measurements.correct', entity: 'measurement', entity_id: IDS.measurementLater,
        before_json: JSON.stringify(before), after_json: JSON.stringify({ ...before, degrees: 101, correctionReason: 'Read 110 for 101 — Zoë’s goniometer' }),
      },
      { id: id('aud', 7), at: '2024-08-03T09:05:00.000Z', actor_id: IDS.abena, operation: 'session.setLanguage', entity: 'therapist', entity_id: IDS.abena, before_json: '{"language":null}', after_json: '{"language":"fr"}' },
      { id: id('aud', 8), at: '2024-08-03T09:10:00.000Z', actor_id: null, operation: 'setup.complete', entity: 'clinic', entity_id: 'clinic', before_json: null, after_json: '{"name":"Clínica São João"}' },
    );
  },
  // 18 put measurements on integer keys with their UUIDs as 16 bytes, and gave patients, therapists and visits a
  // key from a trigger: a visit and readings with canonical UUIDs (the ids above are not), one corrected and one
  // voided, and a version imported without its lineage's first.
  18: (d) => {
    d.insert('visits', { id: UUIDS.visit, patient_id: IDS.ama, visit_date: '2024-08-05', therapist_id: IDS.kofi, setting: 'outpatient', decreased_range: 0, swelling: 0, redness: 0, warmth: 0, fever: 0, pain: null, notes: 'Zoë’s first visit since', instrument: 'universal_goniometer', end_feel: null, recorded_at: '2024-08-05T09:00:00.000Z', recorded_by: IDS.kofi });
    const m = { patient_id: IDS.ama, visit_id: UUIDS.visit, side: 'right', mode: 'active', rater_id: IDS.kofi, instrument: 'universal_goniometer', end_feel: null, pain: null, note: null, recorded_by: IDS.kofi, voided_at: null, voided_by: null, void_reason: null };
    insertMeasurements(
      d,
      { ...m, id: UUIDS.first, lineage_id: UUIDS.first, supersedes_id: null, superseded_by: UUIDS.corrected, correction_reason: null, recorded_at: '2024-08-05T09:00:00.000Z', motion: 'knee.flexion', degrees: 12 },
      { ...m, id: UUIDS.corrected, lineage_id: UUIDS.first, supersedes_id: UUIDS.first, superseded_by: null, correction_reason: 'Read 12 for 121', recorded_at: '2024-08-05T09:10:00.000Z', motion: 'knee.flexion', degrees: 121, pain: 3 },
      { ...m, id: UUIDS.voided, lineage_id: UUIDS.voided, supersedes_id: null, superseded_by: null, correction_reason: null, recorded_at: '2024-08-05T09:00:00.000Z', motion: 'knee.extension', degrees: -5, voided_at: '2024-08-05T09:20:00.000Z', voided_by: IDS.abena, void_reason: 'Other knee' },
      { ...m, id: UUIDS.imported, lineage_id: UUIDS.importedLineage, supersedes_id: null, superseded_by: null, correction_reason: null, recorded_at: '2024-08-04T15:00:00.000Z', motion: 'hip.flexion', degrees: 95, rater_id: null, recorded_by: null, note: 'From the district hospital' },
    );
  },
};

/** The highest version these rows know; above it, later tables stay empty until their group is added. */
export const ROWS_KNOWN_UP_TO = 18;

/** Every group of rows for the tables that exist at `version`, in one transaction (the foreign keys of corrections are deferred). */
export function putRowsUpTo(d: DatabaseAtVersion, version: number): void {
  d.db.transaction(() => {
    for (let v = 1; v <= version; v++) ROWS_BY_VERSION[v]?.(d);
  })();
}

/** Only the rows of the tables `version` added: after migrating to it, the earlier rows are there already. */
export function putRowsAddedAt(d: DatabaseAtVersion, version: number): void {
  d.db.transaction(() => ROWS_BY_VERSION[version]?.(d))();
}
