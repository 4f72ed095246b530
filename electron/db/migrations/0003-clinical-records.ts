import type { Migration } from './types';

// Columns every versioned clinical record carries (see electron/db/versioned-records.ts).
const VERSION_COLUMNS = (table: string) => `
  id TEXT PRIMARY KEY,
  lineage_id TEXT NOT NULL,
  supersedes_id TEXT REFERENCES ${table} (id),
  superseded_by TEXT REFERENCES ${table} (id) DEFERRABLE INITIALLY DEFERRED,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT REFERENCES therapists (id),
  correction_reason TEXT,
  voided_at TEXT,
  voided_by TEXT REFERENCES therapists (id),
  void_reason TEXT`;
// Table constraints must follow every column in SQLite, so they close each table.
const VERSION_CHECKS = `
  CHECK ((supersedes_id IS NULL) = (correction_reason IS NULL)),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))`;

/**
 * The database itself refuses to delete a clinical record or change what it says: the only updates
 * allowed mark a current version superseded or voided, once. Application bugs cannot get around it.
 */
function guards(table: string, clinicalColumns: string[]): string {
  const changed = ['id', 'lineage_id', 'supersedes_id', 'recorded_at', 'recorded_by', 'correction_reason', ...clinicalColumns]
    .map((c) => `NEW.${c} IS NOT OLD.${c}`)
    .join(' OR ');
  return `
    CREATE TRIGGER ${table}_never_deleted BEFORE DELETE ON ${table}
    BEGIN SELECT RAISE(ABORT, 'clinical records are never deleted; void them with a reason'); END;
    CREATE TRIGGER ${table}_never_edited BEFORE UPDATE ON ${table}
    WHEN ${changed}
      OR (OLD.superseded_by IS NOT NULL AND NEW.superseded_by IS NOT OLD.superseded_by)
      OR (OLD.voided_at IS NOT NULL AND (NEW.voided_at IS NOT OLD.voided_at OR NEW.void_reason IS NOT OLD.void_reason OR NEW.voided_by IS NOT OLD.voided_by))
    BEGIN SELECT RAISE(ABORT, 'clinical records are corrected by a new version, never edited in place'); END;`;
}

const CURRENT = 'superseded_by IS NULL AND voided_at IS NULL';

export const migration0003: Migration = {
  version: 3,
  name: 'HO profile, visits, measurements and clinical events',
  up: `
    CREATE TABLE risk_factors (
      ${VERSION_COLUMNS('risk_factors')},
      patient_id TEXT NOT NULL REFERENCES patients (id),
      kind TEXT NOT NULL,
      onset_date TEXT,
      note TEXT,${VERSION_CHECKS}
    ) STRICT;
    CREATE INDEX risk_factors_patient ON risk_factors (patient_id) WHERE ${CURRENT};
    CREATE INDEX risk_factors_lineage ON risk_factors (lineage_id);
    ${guards('risk_factors', ['patient_id', 'kind', 'onset_date', 'note'])}

    CREATE TABLE watched_sites (
      ${VERSION_COLUMNS('watched_sites')},
      patient_id TEXT NOT NULL REFERENCES patients (id),
      joint TEXT NOT NULL,
      side TEXT NOT NULL CHECK (side IN ('left', 'right')),
      status TEXT NOT NULL CHECK (status IN ('at_risk', 'suspected', 'confirmed', 'excised')),
      since TEXT NOT NULL,
      note TEXT,${VERSION_CHECKS}
    ) STRICT;
    -- One current record per joint and side of a patient.
    CREATE UNIQUE INDEX watched_sites_current ON watched_sites (patient_id, joint, side) WHERE ${CURRENT};
    CREATE INDEX watched_sites_lineage ON watched_sites (lineage_id);
    ${guards('watched_sites', ['patient_id', 'joint', 'side', 'status', 'since', 'note'])}

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
    ) STRICT;
    CREATE INDEX visits_patient ON visits (patient_id, visit_date);
    CREATE TRIGGER visits_never_deleted BEFORE DELETE ON visits
    BEGIN SELECT RAISE(ABORT, 'clinical records are never deleted; void them with a reason'); END;
    CREATE TRIGGER visits_never_edited BEFORE UPDATE ON visits
    BEGIN SELECT RAISE(ABORT, 'clinical records are corrected by a new version, never edited in place'); END;

    CREATE TABLE measurements (
      ${VERSION_COLUMNS('measurements')},
      visit_id TEXT NOT NULL REFERENCES visits (id),
      patient_id TEXT NOT NULL REFERENCES patients (id),
      motion TEXT NOT NULL,
      side TEXT NOT NULL CHECK (side IN ('left', 'right')),
      mode TEXT NOT NULL CHECK (mode IN ('active', 'passive')),
      degrees INTEGER NOT NULL,
      rater_id TEXT REFERENCES therapists (id),
      instrument TEXT NOT NULL,
      end_feel TEXT,
      pain INTEGER CHECK (pain BETWEEN 0 AND 10),
      note TEXT,${VERSION_CHECKS}
    ) STRICT;
    CREATE INDEX measurements_visit ON measurements (visit_id) WHERE ${CURRENT};
    CREATE INDEX measurements_series ON measurements (patient_id, motion, side, mode) WHERE ${CURRENT};
    CREATE INDEX measurements_lineage ON measurements (lineage_id);
    ${guards('measurements', ['visit_id', 'patient_id', 'motion', 'side', 'mode', 'degrees', 'rater_id', 'instrument', 'end_feel', 'pain', 'note'])}

    CREATE TABLE clinical_events (
      ${VERSION_COLUMNS('clinical_events')},
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
      note TEXT,${VERSION_CHECKS}
    ) STRICT;
    CREATE INDEX clinical_events_patient ON clinical_events (patient_id, event_date) WHERE ${CURRENT};
    CREATE INDEX clinical_events_lineage ON clinical_events (lineage_id);
    ${guards('clinical_events', ['patient_id', 'kind', 'event_date', 'end_date', 'joint', 'side', 'title', 'value', 'unit', 'classification', 'note'])}
  `,
};
