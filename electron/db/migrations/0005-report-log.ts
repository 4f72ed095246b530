import type { Migration } from './types';

// A migration is frozen history: it spells out its SQL, so later code can never change what version 5 of a
// database looks like.

export const migration0005: Migration = {
  version: 5,
  name: 'report log',
  up: `
    -- One row per progress report printed or saved as PDF: paper that left the clinic is part of the record,
    -- so the log is append-only like the clinical records (never edited, never deleted).
    CREATE TABLE report_log (
      id TEXT PRIMARY KEY,
      patient_id TEXT NOT NULL REFERENCES patients (id),
      period_from TEXT NOT NULL CHECK (period_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      period_to TEXT NOT NULL CHECK (period_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      paper TEXT NOT NULL CHECK (paper IN ('A4', 'Letter')),
      -- NULL: every motion's chart was printed; otherwise the chosen motion keys as a JSON array.
      motions_json TEXT CHECK (motions_json IS NULL OR (json_valid(motions_json) AND json_type(motions_json) = 'array')),
      recorded_at TEXT NOT NULL,
      recorded_by TEXT REFERENCES therapists (id),
      CHECK (period_from <= period_to)
    ) STRICT;
    CREATE INDEX report_log_patient ON report_log (patient_id, recorded_at);

    CREATE TRIGGER report_log_never_deleted BEFORE DELETE ON report_log
    BEGIN SELECT RAISE(ABORT, 'the report log is never changed: a printed report stays printed'); END;
    CREATE TRIGGER report_log_never_edited BEFORE UPDATE ON report_log
    BEGIN SELECT RAISE(ABORT, 'the report log is never changed: a printed report stays printed'); END;
  `,
};
