import type { Migration } from './types';

// A visit entered for the wrong patient, or twice, is voided whole: its notes and symptoms must leave the
// patient's record too, not only its measurements. Visits themselves stay insert-only; the void is its own
// append-only row.
export const migration0007: Migration = {
  version: 7,
  name: 'voiding a whole visit',
  up: `
    CREATE TABLE visit_voids (
      visit_id TEXT PRIMARY KEY REFERENCES visits (id),
      voided_at TEXT NOT NULL,
      voided_by TEXT REFERENCES therapists (id),
      reason TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER visit_voids_never_deleted BEFORE DELETE ON visit_voids
    BEGIN SELECT RAISE(ABORT, 'clinical records are never deleted; void them with a reason'); END;
    CREATE TRIGGER visit_voids_never_edited BEFORE UPDATE ON visit_voids
    BEGIN SELECT RAISE(ABORT, 'clinical records are corrected by a new version, never edited in place'); END;
  `,
};
