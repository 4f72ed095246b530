import type { Migration } from './types';

// A migration is frozen history: it spells out its SQL, so later code can never change what version 8 of a
// database looks like.

export const migration0008: Migration = {
  version: 8,
  name: 'clinic measurement thresholds',
  up: `
    -- The clinic's own measurement-error thresholds, overriding the catalogue's defaults. Each row is one
    -- setting with its lifetime: a new value ends the current row and adds one; a reset to the default
    -- ends it. Verdicts shown last month were computed with last month's value, so no row is ever lost.
    -- Motion and instrument are checked by the application against the catalogue; the catalogue may grow
    -- without a migration. A NULL instrument is the value for any instrument without its own.
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
    -- One current value per motion and instrument (or "any"); also the index the current read uses.
    CREATE UNIQUE INDEX clinic_thresholds_current ON clinic_thresholds (motion, coalesce(instrument, '')) WHERE ended_at IS NULL;
    CREATE INDEX clinic_thresholds_history ON clinic_thresholds (motion, set_at);

    CREATE TRIGGER clinic_thresholds_never_deleted BEFORE DELETE ON clinic_thresholds
    BEGIN SELECT RAISE(ABORT, 'clinic thresholds are never deleted; reset a threshold to its default instead'); END;
    -- The only change allowed is ending a current row, once; what it said and who set it stay as they were.
    CREATE TRIGGER clinic_thresholds_never_edited BEFORE UPDATE ON clinic_thresholds
    WHEN NEW.id IS NOT OLD.id OR NEW.motion IS NOT OLD.motion OR NEW.instrument IS NOT OLD.instrument
      OR NEW.degrees IS NOT OLD.degrees OR NEW.set_at IS NOT OLD.set_at OR NEW.set_by IS NOT OLD.set_by
      OR OLD.ended_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'clinic thresholds are changed by a new row, never edited in place'); END;
  `,
};
