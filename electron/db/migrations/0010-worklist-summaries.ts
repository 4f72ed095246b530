import type { Migration } from './types';

// A migration is frozen history: it spells out its SQL, so later code can never change what version 10 of a
// database looks like.
//
// The caseload worklist reads summary rows, never every measurement (docs/architecture.md, "Worklist"). They
// are derived data: the application computes them (shared/worklist/summary.ts) in the same transaction as
// each change. The database itself marks which patients a change touched (worklist_dirty, filled by the
// triggers below, whatever code path wrote), and the application brings those summaries up to date before
// the change commits. This migration computes nothing with today's code: it marks every patient, and the
// first worklist read (or `npm run rebuild-summaries`) builds their summaries with the analysis of the day.

const dirtyOn = (table: string, event: 'INSERT' | 'UPDATE') => `
    CREATE TRIGGER worklist_dirty_${table}_${event.toLowerCase()} AFTER ${event} ON ${table}
    BEGIN INSERT OR REPLACE INTO worklist_dirty (patient_id) VALUES (NEW.patient_id); END;`;

export const migration0010: Migration = {
  version: 10,
  name: 'worklist summaries and referral letters',
  up: `
    -- Patients whose summary rows may no longer match their record. Each mark takes a new seq (AUTOINCREMENT:
    -- never reused), and a patient marked again moves to a new seq, so a write can refresh exactly the patients it
    -- marked (seq above the highest before it) and leave older marks, such as this migration's, to the reads.
    CREATE TABLE worklist_dirty (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      patient_id TEXT NOT NULL UNIQUE REFERENCES patients (id)
    ) STRICT;

    -- Per patient: the latest measurement and who took it, the latest two ALP results.
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
    CREATE INDEX worklist_patients_therapist ON worklist_patients (last_therapist_id);
    CREATE INDEX worklist_patients_alp ON worklist_patients (alp_latest) WHERE alp_latest IS NOT NULL;

    -- Per measured series: latest, baseline, best, verdict, last measured, next due.
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
    -- A clinic threshold change finds the patients with that motion here, not among millions of measurements.
    CREATE INDEX worklist_series_motion ON worklist_series (motion);

    -- Per current watched site: its schedule, as dates the reader compares with today.
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
    CREATE INDEX worklist_sites_due ON worklist_sites (due_on) WHERE due_on IS NOT NULL;

    -- Reasons that hold until the record changes (losing, warning signs, profile out of date), with their facts.
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
    CREATE INDEX worklist_reasons_code ON worklist_reasons (code);

    -- The clinic's worklist settings; no row means the defaults. Changes are audited like every setting.
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

    -- Referral letters as printed, with their full text: append-only like the report log (migration 5).
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
    CREATE INDEX referral_letters_patient ON referral_letters (patient_id, recorded_at);
    CREATE TRIGGER referral_letters_never_deleted BEFORE DELETE ON referral_letters
    BEGIN SELECT RAISE(ABORT, 'a referral letter stays in the log: the letter was sent'); END;
    CREATE TRIGGER referral_letters_never_edited BEFORE UPDATE ON referral_letters
    BEGIN SELECT RAISE(ABORT, 'a referral letter stays in the log as it was sent'); END;

    -- Every write that can change a summary marks its patient.
    ${dirtyOn('visits', 'INSERT')}
    CREATE TRIGGER worklist_dirty_visit_voids_insert AFTER INSERT ON visit_voids
    BEGIN INSERT OR REPLACE INTO worklist_dirty (patient_id) SELECT patient_id FROM visits WHERE id = NEW.visit_id; END;
    ${dirtyOn('measurements', 'INSERT')}
    ${dirtyOn('measurements', 'UPDATE')}
    ${dirtyOn('clinical_events', 'INSERT')}
    ${dirtyOn('clinical_events', 'UPDATE')}
    ${dirtyOn('watched_sites', 'INSERT')}
    ${dirtyOn('watched_sites', 'UPDATE')}
    ${dirtyOn('risk_factors', 'INSERT')}
    ${dirtyOn('risk_factors', 'UPDATE')}
    -- A clinic threshold changes the verdicts of every patient with that motion.
    CREATE TRIGGER worklist_dirty_clinic_thresholds_insert AFTER INSERT ON clinic_thresholds
    BEGIN INSERT OR REPLACE INTO worklist_dirty (patient_id) SELECT DISTINCT patient_id FROM worklist_series WHERE motion = NEW.motion; END;
    CREATE TRIGGER worklist_dirty_clinic_thresholds_update AFTER UPDATE ON clinic_thresholds
    BEGIN INSERT OR REPLACE INTO worklist_dirty (patient_id) SELECT DISTINCT patient_id FROM worklist_series WHERE motion = NEW.motion; END;

    -- Nothing is summarised yet: every patient's summary is to be built (patients with no record need none,
    -- but marking them costs nothing and keeps the rule simple).
    INSERT INTO worklist_dirty (patient_id) SELECT id FROM patients;
  `,
};

