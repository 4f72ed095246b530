-- ROMtrack schema at user_version 18. Generated: npm run schema:snapshot

-- table access_log
CREATE TABLE access_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  therapist_id TEXT NOT NULL REFERENCES therapists (id),
  patient_id TEXT NOT NULL REFERENCES patients (id),
  what TEXT NOT NULL CHECK (what IN ('file', 'report', 'export'))
) STRICT;

-- table app_meta
CREATE TABLE app_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- table audit_log
CREATE TABLE "audit_log" (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  -- The row's UUID: covered by its hash, and the first row's is an old database's identity. Not indexed.
  id TEXT NOT NULL,
  at TEXT NOT NULL,
  actor_id TEXT,
  operation TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  -- The before and after JSON texts, packed (electron/db/audit-pack.ts: a format byte, then the bytes).
  before_packed BLOB,
  after_packed BLOB,
  -- sha256 of the chain (electron/db/audit-chain.ts): 32 bytes each; prev_hash is empty before the first row.
  prev_hash BLOB NOT NULL,
  hash BLOB NOT NULL
) STRICT;

-- table clinic
CREATE TABLE clinic (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  address TEXT,
  phone TEXT,
  logo_mime TEXT CHECK (logo_mime IN ('image/png', 'image/jpeg')),
  logo BLOB,
  paper_size TEXT NOT NULL CHECK (paper_size IN ('A4', 'Letter')),
  date_format TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL, lock_after_minutes INTEGER NOT NULL DEFAULT 5 CHECK (lock_after_minutes BETWEEN 1 AND 60), language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'fr', 'es', 'pt')),
  CHECK ((logo IS NULL) = (logo_mime IS NULL))
) STRICT;

-- table clinic_thresholds
CREATE TABLE clinic_thresholds (
  id TEXT PRIMARY KEY,
  motion TEXT NOT NULL CHECK (motion <> ''),
  instrument TEXT CHECK (instrument IS NULL OR instrument <> ''),
  degrees REAL NOT NULL CHECK (degrees > 0),
  set_at TEXT NOT NULL,
  set_by TEXT NOT NULL REFERENCES therapists (id),
  ended_at TEXT,
  ended_by TEXT REFERENCES therapists (id),
  CHECK ((ended_at IS NULL) = (ended_by IS NULL)),
  CHECK (ended_at IS NULL OR ended_at >= set_at)
) STRICT;

-- table clinical_events
CREATE TABLE clinical_events (
  id TEXT PRIMARY KEY,
  lineage_id TEXT NOT NULL,
  supersedes_id TEXT REFERENCES clinical_events (id),
  superseded_by TEXT REFERENCES clinical_events (id) DEFERRABLE INITIALLY DEFERRED,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT REFERENCES therapists (id),
  correction_reason TEXT,
  voided_at TEXT,
  voided_by TEXT REFERENCES therapists (id),
  void_reason TEXT,
  patient_id TEXT NOT NULL REFERENCES patients (id),
  kind TEXT NOT NULL,
  event_date TEXT NOT NULL,
  end_date TEXT,
  joint TEXT,
  side TEXT CHECK (side IN ('left', 'right')),
  title TEXT,
  value REAL,
  unit TEXT,
  classification TEXT,
  note TEXT,
  CHECK ((supersedes_id IS NULL) = (correction_reason IS NULL)),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;

-- table foreign_pulls
CREATE TABLE foreign_pulls (
  server TEXT NOT NULL,
  patient_id TEXT NOT NULL REFERENCES patients (id),
  resource_type TEXT NOT NULL,
  server_since TEXT,
  pulled_at TEXT NOT NULL,
  PRIMARY KEY (server, patient_id, resource_type)
) STRICT;

-- table foreign_records
CREATE TABLE foreign_records (
  server TEXT NOT NULL,
  resource_type TEXT NOT NULL,
  server_id TEXT NOT NULL,
  server_version TEXT NOT NULL,
  patient_id TEXT NOT NULL REFERENCES patients (id),
  last_updated TEXT NOT NULL,
  origin_ref TEXT,
  origin_name TEXT,
  fetched_at TEXT NOT NULL,
  fetched_by TEXT REFERENCES therapists (id),
  resource_json TEXT NOT NULL CHECK (json_valid(resource_json)),
  PRIMARY KEY (server, resource_type, server_id, server_version)
) STRICT;

-- table measurements
CREATE TABLE "measurements" (
  key INTEGER PRIMARY KEY,
  id ANY NOT NULL UNIQUE,
  lineage_id ANY,
  supersedes_id ANY REFERENCES "measurements" (id),
  superseded_by ANY REFERENCES "measurements" (id) DEFERRABLE INITIALLY DEFERRED,
  recorded_at TEXT NOT NULL,
  recorded_by INTEGER REFERENCES therapists (key),
  correction_reason TEXT,
  voided_at TEXT,
  voided_by INTEGER REFERENCES therapists (key),
  void_reason TEXT,
  visit INTEGER NOT NULL REFERENCES visits (key),
  patient INTEGER NOT NULL REFERENCES patients (key),
  motion TEXT NOT NULL,
  side TEXT NOT NULL CHECK (side IN ('left', 'right')),
  mode TEXT NOT NULL CHECK (mode IN ('active', 'passive')),
  degrees INTEGER NOT NULL,
  rater INTEGER REFERENCES therapists (key),
  instrument TEXT NOT NULL,
  end_feel TEXT,
  pain INTEGER CHECK (pain BETWEEN 0 AND 10),
  note TEXT,
  CHECK ((supersedes_id IS NULL) = (correction_reason IS NULL)),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;

-- table patients
CREATE TABLE patients (
  id TEXT PRIMARY KEY,
  family_name TEXT NOT NULL COLLATE NOCASE,
  given_names TEXT NOT NULL COLLATE NOCASE,
  clinic_id TEXT COLLATE NOCASE,
  date_of_birth TEXT NOT NULL,
  sex TEXT NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
  , document_language TEXT CHECK (document_language IS NULL OR document_language IN ('en', 'fr', 'es', 'pt')), key INTEGER) STRICT;

-- table plan_adherence
CREATE TABLE plan_adherence (
  id TEXT PRIMARY KEY,
  lineage_id TEXT NOT NULL,
  supersedes_id TEXT REFERENCES plan_adherence (id),
  superseded_by TEXT REFERENCES plan_adherence (id) DEFERRABLE INITIALLY DEFERRED,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT REFERENCES therapists (id),
  correction_reason TEXT,
  voided_at TEXT,
  voided_by TEXT REFERENCES therapists (id),
  void_reason TEXT,
  item_id TEXT NOT NULL REFERENCES plan_items (id),
  plan_id TEXT NOT NULL REFERENCES plan_versions (id),
  patient_id TEXT NOT NULL REFERENCES patients (id),
  week_start TEXT NOT NULL,
  sessions_done INTEGER NOT NULL CHECK (sessions_done >= 0),
  note TEXT,
  CHECK ((supersedes_id IS NULL) = (correction_reason IS NULL)),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;

-- table plan_goals
CREATE TABLE plan_goals (
  id TEXT PRIMARY KEY,
  lineage_id TEXT NOT NULL,
  supersedes_id TEXT REFERENCES plan_goals (id),
  superseded_by TEXT REFERENCES plan_goals (id) DEFERRABLE INITIALLY DEFERRED,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT REFERENCES therapists (id),
  correction_reason TEXT,
  voided_at TEXT,
  voided_by TEXT REFERENCES therapists (id),
  void_reason TEXT,
  plan_id TEXT NOT NULL REFERENCES plan_versions (id),
  patient_id TEXT NOT NULL REFERENCES patients (id),
  motion TEXT NOT NULL,
  side TEXT NOT NULL CHECK (side IN ('left', 'right')),
  mode TEXT NOT NULL CHECK (mode IN ('active', 'passive')),
  target INTEGER NOT NULL,
  target_date TEXT NOT NULL,
  set_when_met INTEGER NOT NULL CHECK (set_when_met IN (0, 1)),
  CHECK ((supersedes_id IS NULL) = (correction_reason IS NULL)),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;

-- table plan_items
CREATE TABLE plan_items (
  id TEXT PRIMARY KEY,
  plan_version_id TEXT NOT NULL REFERENCES plan_versions (id),
  position INTEGER NOT NULL CHECK (position >= 1),
  intervention TEXT NOT NULL CHECK (intervention IN ('active_rom', 'active_assisted_rom', 'passive_rom', 'stretching', 'strengthening', 'cpm', 'splinting', 'functional_training', 'home_program')),
  motions_json TEXT NOT NULL CHECK (json_valid(motions_json) AND json_type(motions_json) = 'array'),
  dose_kind TEXT NOT NULL CHECK (dose_kind IN ('sets_reps', 'minutes')),
  sets INTEGER CHECK (sets > 0),
  repetitions INTEGER CHECK (repetitions > 0),
  minutes INTEGER CHECK (minutes > 0),
  frequency_count INTEGER NOT NULL CHECK (frequency_count > 0),
  frequency_per TEXT NOT NULL CHECK (frequency_per IN ('day', 'week')),
  instructions TEXT,
  CHECK ((dose_kind = 'sets_reps') = (sets IS NOT NULL AND repetitions IS NOT NULL AND minutes IS NULL)),
  CHECK ((dose_kind = 'minutes') = (minutes IS NOT NULL AND sets IS NULL AND repetitions IS NULL)),
  UNIQUE (plan_version_id, position)
) STRICT;

-- table plan_versions
CREATE TABLE plan_versions (
  id TEXT PRIMARY KEY,
  lineage_id TEXT NOT NULL,
  supersedes_id TEXT REFERENCES plan_versions (id),
  superseded_by TEXT REFERENCES plan_versions (id) DEFERRABLE INITIALLY DEFERRED,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT REFERENCES therapists (id),
  correction_reason TEXT,
  voided_at TEXT,
  voided_by TEXT REFERENCES therapists (id),
  void_reason TEXT,
  patient_id TEXT NOT NULL REFERENCES patients (id),
  title TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  end_date TEXT,
  sites_json TEXT NOT NULL CHECK (json_valid(sites_json) AND json_type(sites_json) = 'array'),
  passive_rom_allowed INTEGER NOT NULL CHECK (passive_rom_allowed IN (0, 1)),
  precautions TEXT,
  -- Stopping the plan early (plans.end): set once on the current version, like voiding.
  ended_on TEXT,
  ended_at TEXT,
  ended_by TEXT REFERENCES therapists (id),
  end_reason TEXT,
  CHECK (end_date IS NULL OR end_date >= effective_from),
  CHECK ((ended_on IS NULL) = (end_reason IS NULL) AND (ended_on IS NULL) = (ended_at IS NULL)),
  CHECK (ended_on IS NULL OR ended_on >= effective_from),
  CHECK ((supersedes_id IS NULL) = (correction_reason IS NULL)),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;

-- table referral_letters
CREATE TABLE referral_letters (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients (id),
  joint TEXT NOT NULL,
  side TEXT NOT NULL CHECK (side IN ('left', 'right')),
  series_key TEXT,
  paper TEXT NOT NULL CHECK (paper IN ('A4', 'Letter')),
  addressee TEXT NOT NULL CHECK (addressee <> ''),
  body TEXT NOT NULL CHECK (body <> ''),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT REFERENCES therapists (id)
) STRICT;

-- table report_log
CREATE TABLE report_log (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients (id),
  period_from TEXT NOT NULL CHECK (period_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  period_to TEXT NOT NULL CHECK (period_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  paper TEXT NOT NULL CHECK (paper IN ('A4', 'Letter')),
  -- NULL: every motion's chart was printed; otherwise the chosen motion keys as a JSON array.
  motions_json TEXT CHECK (motions_json IS NULL OR (json_valid(motions_json) AND json_type(motions_json) = 'array')),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT REFERENCES therapists (id), assessment TEXT CHECK (assessment IS NULL OR length(assessment) <= 4000), recommendations TEXT CHECK (recommendations IS NULL OR length(recommendations) <= 4000), sites TEXT CHECK (sites IS NULL OR sites IN ('watched', 'all')), analysis_date TEXT CHECK (
  (analysis_date IS NULL OR (analysis_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND analysis_date >= period_to))
  AND (analysis_date IS NULL) = (assessment IS NULL)
  AND (analysis_date IS NULL) = (recommendations IS NULL)
  AND (analysis_date IS NULL) = (sites IS NULL)
), reprint_of TEXT REFERENCES report_log (id) CHECK (reprint_of IS NULL OR (analysis_date IS NOT NULL AND reprint_of <> id)),
  CHECK (period_from <= period_to)
) STRICT;

-- table risk_factors
CREATE TABLE risk_factors (
  id TEXT PRIMARY KEY,
  lineage_id TEXT NOT NULL,
  supersedes_id TEXT REFERENCES risk_factors (id),
  superseded_by TEXT REFERENCES risk_factors (id) DEFERRABLE INITIALLY DEFERRED,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT REFERENCES therapists (id),
  correction_reason TEXT,
  voided_at TEXT,
  voided_by TEXT REFERENCES therapists (id),
  void_reason TEXT,
  patient_id TEXT NOT NULL REFERENCES patients (id),
  kind TEXT NOT NULL,
  onset_date TEXT,
  note TEXT,
  CHECK ((supersedes_id IS NULL) = (correction_reason IS NULL)),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;

-- table sync_conflicts
CREATE TABLE sync_conflicts (
  id TEXT PRIMARY KEY,
  server TEXT NOT NULL,
  resource_type TEXT NOT NULL,
  lineage TEXT NOT NULL,
  server_id TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  detected_at TEXT NOT NULL,
  message TEXT NOT NULL,
  UNIQUE (server, resource_type, lineage, content_hash)
) STRICT;

-- table sync_resources
CREATE TABLE sync_resources (
  server TEXT NOT NULL,
  resource_type TEXT NOT NULL,
  lineage TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  server_id TEXT NOT NULL,
  server_version TEXT,
  acknowledged_at TEXT NOT NULL,
  PRIMARY KEY (server, resource_type, lineage)
) STRICT;

-- table sync_settings
CREATE TABLE sync_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  base_url TEXT NOT NULL CHECK ((base_url GLOB 'http://*' OR base_url GLOB 'https://*') AND length(base_url) <= 2000),
  bearer_token TEXT CHECK (bearer_token IS NULL OR length(bearer_token) BETWEEN 1 AND 4096),
  updated_at TEXT NOT NULL,
  updated_by TEXT REFERENCES therapists (id)
  , client_id TEXT CHECK (client_id IS NULL OR length(client_id) BETWEEN 1 AND 255), private_key TEXT CHECK (private_key IS NULL OR length(private_key) BETWEEN 1 AND 16384), token_url TEXT CHECK (token_url IS NULL OR ((token_url GLOB 'http://*' OR token_url GLOB 'https://*') AND length(token_url) <= 2000))) STRICT;

-- table sync_state
CREATE TABLE sync_state (
  server TEXT PRIMARY KEY,
  acknowledged_seq INTEGER NOT NULL DEFAULT 0 CHECK (acknowledged_seq >= 0),
  last_success_at TEXT,
  last_attempt_at TEXT,
  last_error TEXT,
  last_error_at TEXT,
  failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0)
) STRICT;

-- table therapists
CREATE TABLE therapists (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  title TEXT,
  registration_number TEXT COLLATE NOCASE,
  initials TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
  , role TEXT NOT NULL DEFAULT 'therapist' CHECK (role IN ('administrator', 'therapist')), credential_kind TEXT CHECK (credential_kind IS NULL OR credential_kind IN ('pin', 'password')), credential_salt BLOB CHECK ((credential_salt IS NULL) = (credential_kind IS NULL)), credential_hash BLOB CHECK ((credential_hash IS NULL) = (credential_kind IS NULL)), credential_params TEXT CHECK ((credential_params IS NULL) = (credential_kind IS NULL) AND (credential_params IS NULL OR json_valid(credential_params))), must_change_credential INTEGER NOT NULL DEFAULT 0 CHECK (must_change_credential IN (0, 1)), failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0), locked_until TEXT, language TEXT CHECK (language IS NULL OR language IN ('en', 'fr', 'es', 'pt')), key INTEGER) STRICT;

-- table visit_voids
CREATE TABLE visit_voids (
  visit_id TEXT PRIMARY KEY REFERENCES visits (id),
  voided_at TEXT NOT NULL,
  voided_by TEXT REFERENCES therapists (id),
  reason TEXT NOT NULL
) STRICT;

-- table visits
CREATE TABLE visits (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients (id),
  visit_date TEXT NOT NULL,
  therapist_id TEXT REFERENCES therapists (id),
  setting TEXT NOT NULL,
  decreased_range INTEGER NOT NULL CHECK (decreased_range IN (0, 1)),
  swelling INTEGER NOT NULL CHECK (swelling IN (0, 1)),
  redness INTEGER NOT NULL CHECK (redness IN (0, 1)),
  warmth INTEGER NOT NULL CHECK (warmth IN (0, 1)),
  fever INTEGER NOT NULL CHECK (fever IN (0, 1)),
  pain INTEGER CHECK (pain BETWEEN 0 AND 10),
  notes TEXT,
  instrument TEXT NOT NULL,
  end_feel TEXT,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT REFERENCES therapists (id)
  , key INTEGER) STRICT;

-- table watched_sites
CREATE TABLE watched_sites (
  id TEXT PRIMARY KEY,
  lineage_id TEXT NOT NULL,
  supersedes_id TEXT REFERENCES watched_sites (id),
  superseded_by TEXT REFERENCES watched_sites (id) DEFERRABLE INITIALLY DEFERRED,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT REFERENCES therapists (id),
  correction_reason TEXT,
  voided_at TEXT,
  voided_by TEXT REFERENCES therapists (id),
  void_reason TEXT,
  patient_id TEXT NOT NULL REFERENCES patients (id),
  joint TEXT NOT NULL,
  side TEXT NOT NULL CHECK (side IN ('left', 'right')),
  status TEXT NOT NULL CHECK (status IN ('at_risk', 'suspected', 'confirmed', 'excised')),
  since TEXT NOT NULL,
  note TEXT,
  CHECK ((supersedes_id IS NULL) = (correction_reason IS NULL)),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;

-- table worklist_dirty
CREATE TABLE worklist_dirty (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  patient_id TEXT NOT NULL UNIQUE REFERENCES patients (id)
) STRICT;

-- table worklist_patients
CREATE TABLE worklist_patients (
  patient_id TEXT PRIMARY KEY REFERENCES patients (id),
  last_measured TEXT CHECK (last_measured GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  last_therapist_id TEXT REFERENCES therapists (id),
  alp_latest REAL,
  alp_latest_date TEXT,
  alp_previous REAL,
  alp_previous_date TEXT,
  CHECK ((alp_latest IS NULL) = (alp_latest_date IS NULL)),
  CHECK ((alp_previous IS NULL) = (alp_previous_date IS NULL)),
  CHECK (alp_previous IS NULL OR alp_latest IS NOT NULL)
) STRICT;

-- table worklist_reasons
CREATE TABLE worklist_reasons (
  patient_id TEXT NOT NULL REFERENCES patients (id),
  position INTEGER NOT NULL,
  code TEXT NOT NULL CHECK (code IN ('losing', 'warning_signs', 'profile_out_of_date')),
  joint TEXT,
  side TEXT CHECK (side IS NULL OR side IN ('left', 'right')),
  series_key TEXT,
  facts_json TEXT NOT NULL CHECK (json_valid(facts_json) AND json_extract(facts_json, '$.code') = code),
  PRIMARY KEY (patient_id, position)
) STRICT;

-- table worklist_series
CREATE TABLE worklist_series (
  patient_id TEXT NOT NULL REFERENCES patients (id),
  series_key TEXT NOT NULL,
  position INTEGER NOT NULL,
  motion TEXT NOT NULL,
  joint TEXT NOT NULL,
  side TEXT NOT NULL CHECK (side IN ('left', 'right')),
  mode TEXT NOT NULL CHECK (mode IN ('active', 'passive')),
  watched INTEGER NOT NULL CHECK (watched IN (0, 1)),
  readings INTEGER NOT NULL CHECK (readings >= 0),
  latest_value REAL,
  latest_date TEXT,
  baseline_value REAL,
  baseline_date TEXT,
  best_value REAL,
  best_date TEXT,
  verdict TEXT NOT NULL CHECK (verdict IN ('improving', 'holding', 'losing', 'insufficient')),
  needs_confirmation INTEGER NOT NULL CHECK (needs_confirmation IN (0, 1)),
  last_measured TEXT NOT NULL,
  next_due TEXT,
  PRIMARY KEY (patient_id, series_key)
) STRICT;

-- table worklist_settings
CREATE TABLE worklist_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  weekly_from_week INTEGER NOT NULL CHECK (weekly_from_week >= 0),
  weekly_until_week INTEGER NOT NULL CHECK (weekly_until_week >= weekly_from_week),
  monthly_until_week INTEGER NOT NULL CHECK (monthly_until_week >= weekly_until_week),
  alp_upper_limit REAL NOT NULL CHECK (alp_upper_limit > 0),
  version INTEGER NOT NULL CHECK (version >= 1),
  set_at TEXT NOT NULL,
  set_by TEXT NOT NULL REFERENCES therapists (id)
) STRICT;

-- table worklist_sites
CREATE TABLE worklist_sites (
  patient_id TEXT NOT NULL REFERENCES patients (id),
  joint TEXT NOT NULL,
  side TEXT NOT NULL CHECK (side IN ('left', 'right')),
  position INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('at_risk', 'suspected', 'confirmed', 'excised')),
  anchor_date TEXT NOT NULL,
  anchor_what TEXT NOT NULL,
  last_measured TEXT,
  due_on TEXT,
  overdue_on TEXT,
  ends_on TEXT,
  interval_days INTEGER,
  CHECK ((due_on IS NULL) = (overdue_on IS NULL) AND (due_on IS NULL) = (ends_on IS NULL) AND (due_on IS NULL) = (interval_days IS NULL)),
  CHECK (due_on IS NULL OR (due_on < overdue_on AND due_on <= ends_on)),
  PRIMARY KEY (patient_id, joint, side)
) STRICT;

-- index access_log_patient
CREATE INDEX access_log_patient ON access_log (patient_id, seq);

-- index clinic_thresholds_current
CREATE UNIQUE INDEX clinic_thresholds_current ON clinic_thresholds (motion, coalesce(instrument, '')) WHERE ended_at IS NULL;

-- index clinic_thresholds_history
CREATE INDEX clinic_thresholds_history ON clinic_thresholds (motion, set_at);

-- index clinical_events_lineage
CREATE INDEX clinical_events_lineage ON clinical_events (lineage_id);

-- index clinical_events_patient
CREATE INDEX clinical_events_patient ON clinical_events (patient_id, event_date) WHERE superseded_by IS NULL AND voided_at IS NULL;

-- index clinical_events_voided
CREATE INDEX clinical_events_voided ON clinical_events (patient_id) WHERE voided_at IS NOT NULL;

-- index foreign_records_by_patient
CREATE INDEX foreign_records_by_patient ON foreign_records (patient_id, server);

-- index measurements_lineage
CREATE INDEX measurements_lineage ON measurements (lineage_id) WHERE lineage_id IS NOT NULL;

-- index measurements_series
CREATE INDEX measurements_series ON measurements (patient, motion, side, mode) WHERE superseded_by IS NULL AND voided_at IS NULL;

-- index measurements_visit
CREATE INDEX measurements_visit ON measurements (visit) WHERE superseded_by IS NULL AND voided_at IS NULL;

-- index measurements_voided
CREATE INDEX measurements_voided ON measurements (patient) WHERE voided_at IS NOT NULL;

-- index patients_clinic_id
CREATE UNIQUE INDEX patients_clinic_id ON patients (clinic_id) WHERE clinic_id IS NOT NULL;

-- index patients_family_name
CREATE INDEX patients_family_name ON patients (family_name);

-- index patients_given_names
CREATE INDEX patients_given_names ON patients (given_names);

-- index patients_key
CREATE UNIQUE INDEX patients_key ON patients (key);

-- index plan_adherence_current
CREATE UNIQUE INDEX plan_adherence_current ON plan_adherence (item_id, week_start) WHERE superseded_by IS NULL AND voided_at IS NULL;

-- index plan_adherence_lineage
CREATE INDEX plan_adherence_lineage ON plan_adherence (lineage_id);

-- index plan_adherence_plan
CREATE INDEX plan_adherence_plan ON plan_adherence (plan_id) WHERE superseded_by IS NULL AND voided_at IS NULL;

-- index plan_goals_lineage
CREATE INDEX plan_goals_lineage ON plan_goals (lineage_id);

-- index plan_goals_plan
CREATE INDEX plan_goals_plan ON plan_goals (plan_id) WHERE superseded_by IS NULL AND voided_at IS NULL;

-- index plan_versions_current
CREATE UNIQUE INDEX plan_versions_current ON plan_versions (lineage_id) WHERE superseded_by IS NULL AND voided_at IS NULL;

-- index plan_versions_patient
CREATE INDEX plan_versions_patient ON plan_versions (patient_id, lineage_id);

-- index referral_letters_patient
CREATE INDEX referral_letters_patient ON referral_letters (patient_id, recorded_at);

-- index report_log_patient
CREATE INDEX report_log_patient ON report_log (patient_id, recorded_at);

-- index risk_factors_lineage
CREATE INDEX risk_factors_lineage ON risk_factors (lineage_id);

-- index risk_factors_patient
CREATE INDEX risk_factors_patient ON risk_factors (patient_id) WHERE superseded_by IS NULL AND voided_at IS NULL;

-- index risk_factors_voided
CREATE INDEX risk_factors_voided ON risk_factors (patient_id) WHERE voided_at IS NOT NULL;

-- index therapists_key
CREATE UNIQUE INDEX therapists_key ON therapists (key);

-- index therapists_registration
CREATE UNIQUE INDEX therapists_registration ON therapists (registration_number) WHERE registration_number IS NOT NULL;

-- index visits_key
CREATE UNIQUE INDEX visits_key ON visits (key);

-- index visits_patient
CREATE INDEX visits_patient ON visits (patient_id, visit_date);

-- index watched_sites_current
CREATE UNIQUE INDEX watched_sites_current ON watched_sites (patient_id, joint, side) WHERE superseded_by IS NULL AND voided_at IS NULL;

-- index watched_sites_lineage
CREATE INDEX watched_sites_lineage ON watched_sites (lineage_id);

-- index watched_sites_voided
CREATE INDEX watched_sites_voided ON watched_sites (patient_id) WHERE voided_at IS NOT NULL;

-- index worklist_patients_alp
CREATE INDEX worklist_patients_alp ON worklist_patients (alp_latest) WHERE alp_latest IS NOT NULL;

-- index worklist_patients_therapist
CREATE INDEX worklist_patients_therapist ON worklist_patients (last_therapist_id);

-- index worklist_reasons_code
CREATE INDEX worklist_reasons_code ON worklist_reasons (code);

-- index worklist_series_motion
CREATE INDEX worklist_series_motion ON worklist_series (motion);

-- index worklist_sites_due
CREATE INDEX worklist_sites_due ON worklist_sites (due_on) WHERE due_on IS NOT NULL;

-- trigger access_log_never_deleted
CREATE TRIGGER access_log_never_deleted BEFORE DELETE ON access_log
  BEGIN SELECT RAISE(ABORT, 'the access log is never changed: who opened a record stays recorded'); END;

-- trigger access_log_never_edited
CREATE TRIGGER access_log_never_edited BEFORE UPDATE ON access_log
  BEGIN SELECT RAISE(ABORT, 'the access log is never changed: who opened a record stays recorded'); END;

-- trigger app_meta_identity_kept
CREATE TRIGGER app_meta_identity_kept BEFORE UPDATE ON app_meta WHEN OLD.key = 'database_id'
  BEGIN SELECT RAISE(ABORT, 'the database identity is never changed'); END;

-- trigger app_meta_identity_not_deleted
CREATE TRIGGER app_meta_identity_not_deleted BEFORE DELETE ON app_meta WHEN OLD.key = 'database_id'
  BEGIN SELECT RAISE(ABORT, 'the database identity is never removed'); END;

-- trigger audit_log_chained
CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
  WHEN length(NEW.hash) <> 32
  OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), X'')
  BEGIN SELECT RAISE(ABORT, 'an audit row must continue the chain from the last row'); END;

-- trigger audit_log_never_deleted
CREATE TRIGGER audit_log_never_deleted BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: its rows are never deleted'); END;

-- trigger audit_log_never_edited
CREATE TRIGGER audit_log_never_edited BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: its rows are never edited'); END;

-- trigger clinic_thresholds_never_deleted
CREATE TRIGGER clinic_thresholds_never_deleted BEFORE DELETE ON clinic_thresholds
  BEGIN SELECT RAISE(ABORT, 'clinic thresholds are never deleted; reset a threshold to its default instead'); END;

-- trigger clinic_thresholds_never_edited
CREATE TRIGGER clinic_thresholds_never_edited BEFORE UPDATE ON clinic_thresholds
  WHEN NEW.id IS NOT OLD.id OR NEW.motion IS NOT OLD.motion OR NEW.instrument IS NOT OLD.instrument
  OR NEW.degrees IS NOT OLD.degrees OR NEW.set_at IS NOT OLD.set_at OR NEW.set_by IS NOT OLD.set_by
  OR OLD.ended_at IS NOT NULL
  BEGIN SELECT RAISE(ABORT, 'clinic thresholds are changed by a new row, never edited in place'); END;

-- trigger clinical_events_never_deleted
CREATE TRIGGER clinical_events_never_deleted BEFORE DELETE ON clinical_events
  BEGIN SELECT RAISE(ABORT, 'clinical records are never deleted; void them with a reason'); END;

-- trigger clinical_events_never_edited
CREATE TRIGGER clinical_events_never_edited BEFORE UPDATE ON clinical_events
  WHEN NEW.id IS NOT OLD.id OR NEW.lineage_id IS NOT OLD.lineage_id OR NEW.supersedes_id IS NOT OLD.supersedes_id OR NEW.recorded_at IS NOT OLD.recorded_at OR NEW.recorded_by IS NOT OLD.recorded_by OR NEW.correction_reason IS NOT OLD.correction_reason OR NEW.patient_id IS NOT OLD.patient_id OR NEW.kind IS NOT OLD.kind OR NEW.event_date IS NOT OLD.event_date OR NEW.end_date IS NOT OLD.end_date OR NEW.joint IS NOT OLD.joint OR NEW.side IS NOT OLD.side OR NEW.title IS NOT OLD.title OR NEW.value IS NOT OLD.value OR NEW.unit IS NOT OLD.unit OR NEW.classification IS NOT OLD.classification OR NEW.note IS NOT OLD.note
  OR (OLD.superseded_by IS NOT NULL AND NEW.superseded_by IS NOT OLD.superseded_by)
  OR (OLD.voided_at IS NOT NULL AND (NEW.voided_at IS NOT OLD.voided_at OR NEW.void_reason IS NOT OLD.void_reason OR NEW.voided_by IS NOT OLD.voided_by))
  BEGIN SELECT RAISE(ABORT, 'clinical records are corrected by a new version, never edited in place'); END;

-- trigger foreign_records_read_only
CREATE TRIGGER foreign_records_read_only BEFORE UPDATE ON foreign_records
  BEGIN
  SELECT RAISE(ABORT, 'records from other clinics are read-only');
  END;

-- trigger measurements_never_deleted
CREATE TRIGGER measurements_never_deleted BEFORE DELETE ON measurements
  BEGIN SELECT RAISE(ABORT, 'clinical records are never deleted; void them with a reason'); END;

-- trigger measurements_never_edited
CREATE TRIGGER measurements_never_edited BEFORE UPDATE ON measurements
  WHEN NEW.key IS NOT OLD.key OR NEW.id IS NOT OLD.id OR NEW.lineage_id IS NOT OLD.lineage_id OR NEW.supersedes_id IS NOT OLD.supersedes_id OR NEW.recorded_at IS NOT OLD.recorded_at OR NEW.recorded_by IS NOT OLD.recorded_by OR NEW.correction_reason IS NOT OLD.correction_reason OR NEW.visit IS NOT OLD.visit OR NEW.patient IS NOT OLD.patient OR NEW.motion IS NOT OLD.motion OR NEW.side IS NOT OLD.side OR NEW.mode IS NOT OLD.mode OR NEW.degrees IS NOT OLD.degrees OR NEW.rater IS NOT OLD.rater OR NEW.instrument IS NOT OLD.instrument OR NEW.end_feel IS NOT OLD.end_feel OR NEW.pain IS NOT OLD.pain OR NEW.note IS NOT OLD.note
  OR (OLD.superseded_by IS NOT NULL AND NEW.superseded_by IS NOT OLD.superseded_by)
  OR (OLD.voided_at IS NOT NULL AND (NEW.voided_at IS NOT OLD.voided_at OR NEW.void_reason IS NOT OLD.void_reason OR NEW.voided_by IS NOT OLD.voided_by))
  BEGIN SELECT RAISE(ABORT, 'clinical records are corrected by a new version, never edited in place'); END;

-- trigger patients_keyed
CREATE TRIGGER patients_keyed AFTER INSERT ON patients WHEN NEW.key IS NULL
  BEGIN UPDATE patients SET key = (SELECT coalesce(max(key), 0) + 1 FROM patients) WHERE rowid = NEW.rowid; END;

-- trigger plan_adherence_never_deleted
CREATE TRIGGER plan_adherence_never_deleted BEFORE DELETE ON plan_adherence
  BEGIN SELECT RAISE(ABORT, 'clinical records are never deleted; void them with a reason'); END;

-- trigger plan_adherence_never_edited
CREATE TRIGGER plan_adherence_never_edited BEFORE UPDATE ON plan_adherence
  WHEN NEW.id IS NOT OLD.id OR NEW.lineage_id IS NOT OLD.lineage_id OR NEW.supersedes_id IS NOT OLD.supersedes_id OR NEW.recorded_at IS NOT OLD.recorded_at OR NEW.recorded_by IS NOT OLD.recorded_by OR NEW.correction_reason IS NOT OLD.correction_reason OR NEW.item_id IS NOT OLD.item_id OR NEW.plan_id IS NOT OLD.plan_id OR NEW.patient_id IS NOT OLD.patient_id OR NEW.week_start IS NOT OLD.week_start OR NEW.sessions_done IS NOT OLD.sessions_done OR NEW.note IS NOT OLD.note
  OR (OLD.superseded_by IS NOT NULL AND (NEW.superseded_by IS NOT OLD.superseded_by))
  OR (OLD.voided_at IS NOT NULL AND (NEW.voided_at IS NOT OLD.voided_at OR NEW.voided_by IS NOT OLD.voided_by OR NEW.void_reason IS NOT OLD.void_reason))
  BEGIN SELECT RAISE(ABORT, 'clinical records are corrected by a new version, never edited in place'); END;

-- trigger plan_goals_never_deleted
CREATE TRIGGER plan_goals_never_deleted BEFORE DELETE ON plan_goals
  BEGIN SELECT RAISE(ABORT, 'clinical records are never deleted; void them with a reason'); END;

-- trigger plan_goals_never_edited
CREATE TRIGGER plan_goals_never_edited BEFORE UPDATE ON plan_goals
  WHEN NEW.id IS NOT OLD.id OR NEW.lineage_id IS NOT OLD.lineage_id OR NEW.supersedes_id IS NOT OLD.supersedes_id OR NEW.recorded_at IS NOT OLD.recorded_at OR NEW.recorded_by IS NOT OLD.recorded_by OR NEW.correction_reason IS NOT OLD.correction_reason OR NEW.plan_id IS NOT OLD.plan_id OR NEW.patient_id IS NOT OLD.patient_id OR NEW.motion IS NOT OLD.motion OR NEW.side IS NOT OLD.side OR NEW.mode IS NOT OLD.mode OR NEW.target IS NOT OLD.target OR NEW.target_date IS NOT OLD.target_date OR NEW.set_when_met IS NOT OLD.set_when_met
  OR (OLD.superseded_by IS NOT NULL AND (NEW.superseded_by IS NOT OLD.superseded_by))
  OR (OLD.voided_at IS NOT NULL AND (NEW.voided_at IS NOT OLD.voided_at OR NEW.voided_by IS NOT OLD.voided_by OR NEW.void_reason IS NOT OLD.void_reason))
  BEGIN SELECT RAISE(ABORT, 'clinical records are corrected by a new version, never edited in place'); END;

-- trigger plan_items_never_deleted
CREATE TRIGGER plan_items_never_deleted BEFORE DELETE ON plan_items
  BEGIN SELECT RAISE(ABORT, 'clinical records are never deleted; void them with a reason'); END;

-- trigger plan_items_never_edited
CREATE TRIGGER plan_items_never_edited BEFORE UPDATE ON plan_items
  BEGIN SELECT RAISE(ABORT, 'clinical records are corrected by a new version, never edited in place'); END;

-- trigger plan_versions_never_deleted
CREATE TRIGGER plan_versions_never_deleted BEFORE DELETE ON plan_versions
  BEGIN SELECT RAISE(ABORT, 'clinical records are never deleted; void them with a reason'); END;

-- trigger plan_versions_never_edited
CREATE TRIGGER plan_versions_never_edited BEFORE UPDATE ON plan_versions
  WHEN NEW.id IS NOT OLD.id OR NEW.lineage_id IS NOT OLD.lineage_id OR NEW.supersedes_id IS NOT OLD.supersedes_id OR NEW.recorded_at IS NOT OLD.recorded_at OR NEW.recorded_by IS NOT OLD.recorded_by OR NEW.correction_reason IS NOT OLD.correction_reason OR NEW.patient_id IS NOT OLD.patient_id OR NEW.title IS NOT OLD.title OR NEW.effective_from IS NOT OLD.effective_from OR NEW.end_date IS NOT OLD.end_date OR NEW.sites_json IS NOT OLD.sites_json OR NEW.passive_rom_allowed IS NOT OLD.passive_rom_allowed OR NEW.precautions IS NOT OLD.precautions
  OR (OLD.superseded_by IS NOT NULL AND (NEW.superseded_by IS NOT OLD.superseded_by))
  OR (OLD.voided_at IS NOT NULL AND (NEW.voided_at IS NOT OLD.voided_at OR NEW.voided_by IS NOT OLD.voided_by OR NEW.void_reason IS NOT OLD.void_reason))
  OR (OLD.ended_on IS NOT NULL AND (NEW.ended_on IS NOT OLD.ended_on OR NEW.ended_at IS NOT OLD.ended_at OR NEW.ended_by IS NOT OLD.ended_by OR NEW.end_reason IS NOT OLD.end_reason))
  BEGIN SELECT RAISE(ABORT, 'clinical records are corrected by a new version, never edited in place'); END;

-- trigger plan_versions_no_overlap
CREATE TRIGGER plan_versions_no_overlap BEFORE INSERT ON plan_versions
  WHEN NEW.supersedes_id IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM plan_versions p WHERE p.id = NEW.supersedes_id AND p.lineage_id = NEW.lineage_id AND p.effective_from < NEW.effective_from)
  BEGIN SELECT RAISE(ABORT, 'a plan revision must start after the version it replaces'); END;

-- trigger referral_letters_never_deleted
CREATE TRIGGER referral_letters_never_deleted BEFORE DELETE ON referral_letters
  BEGIN SELECT RAISE(ABORT, 'a referral letter stays in the log: the letter was sent'); END;

-- trigger referral_letters_never_edited
CREATE TRIGGER referral_letters_never_edited BEFORE UPDATE ON referral_letters
  BEGIN SELECT RAISE(ABORT, 'a referral letter stays in the log as it was sent'); END;

-- trigger report_log_never_deleted
CREATE TRIGGER report_log_never_deleted BEFORE DELETE ON report_log
  BEGIN SELECT RAISE(ABORT, 'the report log is never changed: a printed report stays printed'); END;

-- trigger report_log_never_edited
CREATE TRIGGER report_log_never_edited BEFORE UPDATE ON report_log
  BEGIN SELECT RAISE(ABORT, 'the report log is never changed: a printed report stays printed'); END;

-- trigger risk_factors_never_deleted
CREATE TRIGGER risk_factors_never_deleted BEFORE DELETE ON risk_factors
  BEGIN SELECT RAISE(ABORT, 'clinical records are never deleted; void them with a reason'); END;

-- trigger risk_factors_never_edited
CREATE TRIGGER risk_factors_never_edited BEFORE UPDATE ON risk_factors
  WHEN NEW.id IS NOT OLD.id OR NEW.lineage_id IS NOT OLD.lineage_id OR NEW.supersedes_id IS NOT OLD.supersedes_id OR NEW.recorded_at IS NOT OLD.recorded_at OR NEW.recorded_by IS NOT OLD.recorded_by OR NEW.correction_reason IS NOT OLD.correction_reason OR NEW.patient_id IS NOT OLD.patient_id OR NEW.kind IS NOT OLD.kind OR NEW.onset_date IS NOT OLD.onset_date OR NEW.note IS NOT OLD.note
  OR (OLD.superseded_by IS NOT NULL AND NEW.superseded_by IS NOT OLD.superseded_by)
  OR (OLD.voided_at IS NOT NULL AND (NEW.voided_at IS NOT OLD.voided_at OR NEW.void_reason IS NOT OLD.void_reason OR NEW.voided_by IS NOT OLD.voided_by))
  BEGIN SELECT RAISE(ABORT, 'clinical records are corrected by a new version, never edited in place'); END;

-- trigger therapists_keyed
CREATE TRIGGER therapists_keyed AFTER INSERT ON therapists WHEN NEW.key IS NULL
  BEGIN UPDATE therapists SET key = (SELECT coalesce(max(key), 0) + 1 FROM therapists) WHERE rowid = NEW.rowid; END;

-- trigger visit_voids_never_deleted
CREATE TRIGGER visit_voids_never_deleted BEFORE DELETE ON visit_voids
  BEGIN SELECT RAISE(ABORT, 'clinical records are never deleted; void them with a reason'); END;

-- trigger visit_voids_never_edited
CREATE TRIGGER visit_voids_never_edited BEFORE UPDATE ON visit_voids
  BEGIN SELECT RAISE(ABORT, 'clinical records are corrected by a new version, never edited in place'); END;

-- trigger visits_keyed
CREATE TRIGGER visits_keyed AFTER INSERT ON visits WHEN NEW.key IS NULL
  BEGIN UPDATE visits SET key = (SELECT coalesce(max(key), 0) + 1 FROM visits) WHERE rowid = NEW.rowid; END;

-- trigger visits_never_deleted
CREATE TRIGGER visits_never_deleted BEFORE DELETE ON visits
  BEGIN SELECT RAISE(ABORT, 'clinical records are never deleted; void them with a reason'); END;

-- trigger visits_never_edited
CREATE TRIGGER visits_never_edited BEFORE UPDATE ON visits
  WHEN OLD.key IS NOT NULL OR NEW.key IS NULL OR NEW.id IS NOT OLD.id OR NEW.patient_id IS NOT OLD.patient_id OR NEW.visit_date IS NOT OLD.visit_date OR NEW.therapist_id IS NOT OLD.therapist_id OR NEW.setting IS NOT OLD.setting OR NEW.decreased_range IS NOT OLD.decreased_range OR NEW.swelling IS NOT OLD.swelling OR NEW.redness IS NOT OLD.redness OR NEW.warmth IS NOT OLD.warmth OR NEW.fever IS NOT OLD.fever OR NEW.pain IS NOT OLD.pain OR NEW.notes IS NOT OLD.notes OR NEW.instrument IS NOT OLD.instrument OR NEW.end_feel IS NOT OLD.end_feel OR NEW.recorded_at IS NOT OLD.recorded_at OR NEW.recorded_by IS NOT OLD.recorded_by
  BEGIN SELECT RAISE(ABORT, 'clinical records are corrected by a new version, never edited in place'); END;

-- trigger watched_sites_never_deleted
CREATE TRIGGER watched_sites_never_deleted BEFORE DELETE ON watched_sites
  BEGIN SELECT RAISE(ABORT, 'clinical records are never deleted; void them with a reason'); END;

-- trigger watched_sites_never_edited
CREATE TRIGGER watched_sites_never_edited BEFORE UPDATE ON watched_sites
  WHEN NEW.id IS NOT OLD.id OR NEW.lineage_id IS NOT OLD.lineage_id OR NEW.supersedes_id IS NOT OLD.supersedes_id OR NEW.recorded_at IS NOT OLD.recorded_at OR NEW.recorded_by IS NOT OLD.recorded_by OR NEW.correction_reason IS NOT OLD.correction_reason OR NEW.patient_id IS NOT OLD.patient_id OR NEW.joint IS NOT OLD.joint OR NEW.side IS NOT OLD.side OR NEW.status IS NOT OLD.status OR NEW.since IS NOT OLD.since OR NEW.note IS NOT OLD.note
  OR (OLD.superseded_by IS NOT NULL AND NEW.superseded_by IS NOT OLD.superseded_by)
  OR (OLD.voided_at IS NOT NULL AND (NEW.voided_at IS NOT OLD.voided_at OR NEW.void_reason IS NOT OLD.void_reason OR NEW.voided_by IS NOT OLD.voided_by))
  BEGIN SELECT RAISE(ABORT, 'clinical records are corrected by a new version, never edited in place'); END;

-- trigger worklist_dirty_clinic_thresholds_insert
CREATE TRIGGER worklist_dirty_clinic_thresholds_insert AFTER INSERT ON clinic_thresholds
  BEGIN INSERT OR REPLACE INTO worklist_dirty (patient_id) SELECT DISTINCT patient_id FROM worklist_series WHERE motion = NEW.motion; END;

-- trigger worklist_dirty_clinic_thresholds_update
CREATE TRIGGER worklist_dirty_clinic_thresholds_update AFTER UPDATE ON clinic_thresholds
  BEGIN INSERT OR REPLACE INTO worklist_dirty (patient_id) SELECT DISTINCT patient_id FROM worklist_series WHERE motion = NEW.motion; END;

-- trigger worklist_dirty_clinical_events_insert
CREATE TRIGGER worklist_dirty_clinical_events_insert AFTER INSERT ON clinical_events
  BEGIN INSERT OR REPLACE INTO worklist_dirty (patient_id) VALUES (NEW.patient_id); END;

-- trigger worklist_dirty_clinical_events_update
CREATE TRIGGER worklist_dirty_clinical_events_update AFTER UPDATE ON clinical_events
  BEGIN INSERT OR REPLACE INTO worklist_dirty (patient_id) VALUES (NEW.patient_id); END;

-- trigger worklist_dirty_measurements_insert
CREATE TRIGGER worklist_dirty_measurements_insert AFTER INSERT ON measurements
  BEGIN INSERT OR REPLACE INTO worklist_dirty (patient_id) SELECT id FROM patients WHERE key = NEW.patient; END;

-- trigger worklist_dirty_measurements_update
CREATE TRIGGER worklist_dirty_measurements_update AFTER UPDATE ON measurements
  BEGIN INSERT OR REPLACE INTO worklist_dirty (patient_id) SELECT id FROM patients WHERE key = NEW.patient; END;

-- trigger worklist_dirty_risk_factors_insert
CREATE TRIGGER worklist_dirty_risk_factors_insert AFTER INSERT ON risk_factors
  BEGIN INSERT OR REPLACE INTO worklist_dirty (patient_id) VALUES (NEW.patient_id); END;

-- trigger worklist_dirty_risk_factors_update
CREATE TRIGGER worklist_dirty_risk_factors_update AFTER UPDATE ON risk_factors
  BEGIN INSERT OR REPLACE INTO worklist_dirty (patient_id) VALUES (NEW.patient_id); END;

-- trigger worklist_dirty_visit_voids_insert
CREATE TRIGGER worklist_dirty_visit_voids_insert AFTER INSERT ON visit_voids
  BEGIN INSERT OR REPLACE INTO worklist_dirty (patient_id) SELECT patient_id FROM visits WHERE id = NEW.visit_id; END;

-- trigger worklist_dirty_visits_insert
CREATE TRIGGER worklist_dirty_visits_insert AFTER INSERT ON visits
  BEGIN INSERT OR REPLACE INTO worklist_dirty (patient_id) VALUES (NEW.patient_id); END;

-- trigger worklist_dirty_watched_sites_insert
CREATE TRIGGER worklist_dirty_watched_sites_insert AFTER INSERT ON watched_sites
  BEGIN INSERT OR REPLACE INTO worklist_dirty (patient_id) VALUES (NEW.patient_id); END;

-- trigger worklist_dirty_watched_sites_update
CREATE TRIGGER worklist_dirty_watched_sites_update AFTER UPDATE ON watched_sites
  BEGIN INSERT OR REPLACE INTO worklist_dirty (patient_id) VALUES (NEW.patient_id); END;
