import type { Migration } from './types';

// A migration is frozen history: it spells out its SQL, so later code can never change what version 18 of a
// database looks like.
//
// Measurements on integer keys (issue 21, item 2). Measurements are most of a clinic's file, and most of each
// row was UUID text: its own id, its lineage, its visit, patient and therapists, each 36 bytes, and again in each
// of four indexes. Now:
// - measurements has `key INTEGER PRIMARY KEY` (the old rowid, so the order recorded is kept); its UUID is kept
//   once, as 16 bytes (an id that is not a lowercase canonical UUID, from an edit outside the app or another
//   system, keeps its text: ANY columns); `lineage_id` is NULL when the row is its lineage's first version (an
//   import can bring a later version whose first this file never held, so the lineage stays an id, not a key);
//   visit, patient and the therapists are the integer keys of their rows.
// - patients, therapists and visits gain a `key` (their rowid, UNIQUE) rather than being rebuilt: with foreign
//   keys on, dropping a parent table checks every row of every child table against it, which takes minutes
//   on a large clinic. A new row gets its key from a trigger; a visit's key is the one change its
//   never-edited trigger allows, once, from NULL.
// - The repositories still take and give UUID strings (electron/db/measurement-keys.ts converts).

const HEX = '[0-9a-f]';
const UUID_GLOB = `${HEX.repeat(8)}-${HEX.repeat(4)}-${HEX.repeat(4)}-${HEX.repeat(4)}-${HEX.repeat(12)}`;
/** A canonical UUID becomes its 16 bytes; any other id keeps its text. */
const stored = (c: string) => `CASE WHEN ${c} GLOB '${UUID_GLOB}' THEN unhex(replace(${c}, '-', '')) ELSE ${c} END`;
const therapistKey = (c: string) => `(SELECT t.key FROM therapists t WHERE t.id = ${c})`;

const VISIT_COLUMNS = [
  'id', 'patient_id', 'visit_date', 'therapist_id', 'setting', 'decreased_range', 'swelling', 'redness', 'warmth', 'fever',
  'pain', 'notes', 'instrument', 'end_feel', 'recorded_at', 'recorded_by',
];

const MEASUREMENT_COLUMNS = [
  'key', 'id', 'lineage_id', 'supersedes_id', 'recorded_at', 'recorded_by', 'correction_reason', 'visit', 'patient',
  'motion', 'side', 'mode', 'degrees', 'rater', 'instrument', 'end_feel', 'pain', 'note',
];
const changed = (columns: string[]) => columns.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ');

/** Rowids per slice of the carry and the clearing: about 0.3 s each on an old PC, so the bar moves. */
const SLICE = 10_000;

const NEW_INDEXES = [
  'CREATE INDEX measurements_lineage ON measurements (lineage_id) WHERE lineage_id IS NOT NULL;',
  'CREATE INDEX measurements_series ON measurements (patient, motion, side, mode) WHERE superseded_by IS NULL AND voided_at IS NULL;',
  'CREATE INDEX measurements_visit ON measurements (visit) WHERE superseded_by IS NULL AND voided_at IS NULL;',
  'CREATE INDEX measurements_voided ON measurements (patient) WHERE voided_at IS NOT NULL;',
];

const TRIGGERS = `
    CREATE TRIGGER measurements_never_deleted BEFORE DELETE ON measurements
    BEGIN SELECT RAISE(ABORT, 'clinical records are never deleted; void them with a reason'); END;
    CREATE TRIGGER measurements_never_edited BEFORE UPDATE ON measurements
    WHEN ${changed(MEASUREMENT_COLUMNS)}
      OR (OLD.superseded_by IS NOT NULL AND NEW.superseded_by IS NOT OLD.superseded_by)
      OR (OLD.voided_at IS NOT NULL AND (NEW.voided_at IS NOT OLD.voided_at OR NEW.void_reason IS NOT OLD.void_reason OR NEW.voided_by IS NOT OLD.voided_by))
    BEGIN SELECT RAISE(ABORT, 'clinical records are corrected by a new version, never edited in place'); END;
    CREATE TRIGGER worklist_dirty_measurements_insert AFTER INSERT ON measurements
    BEGIN INSERT OR REPLACE INTO worklist_dirty (patient_id) SELECT id FROM patients WHERE key = NEW.patient; END;
    CREATE TRIGGER worklist_dirty_measurements_update AFTER UPDATE ON measurements
    BEGIN INSERT OR REPLACE INTO worklist_dirty (patient_id) SELECT id FROM patients WHERE key = NEW.patient; END;
`;

export const migration0018: Migration = {
  version: 18,
  name: 'measurement-keys',
  up: `
    -- Foreign keys are checked at commit: a correction may point at a row copied after it.
    PRAGMA defer_foreign_keys = ON;

    ALTER TABLE therapists ADD COLUMN key INTEGER;
    UPDATE therapists SET key = rowid;
    CREATE UNIQUE INDEX therapists_key ON therapists (key);
    CREATE TRIGGER therapists_keyed AFTER INSERT ON therapists WHEN NEW.key IS NULL
    BEGIN UPDATE therapists SET key = (SELECT coalesce(max(key), 0) + 1 FROM therapists) WHERE rowid = NEW.rowid; END;

    ALTER TABLE patients ADD COLUMN key INTEGER;
    UPDATE patients SET key = rowid;
    CREATE UNIQUE INDEX patients_key ON patients (key);
    CREATE TRIGGER patients_keyed AFTER INSERT ON patients WHEN NEW.key IS NULL
    BEGIN UPDATE patients SET key = (SELECT coalesce(max(key), 0) + 1 FROM patients) WHERE rowid = NEW.rowid; END;

    DROP TRIGGER visits_never_edited;
    ALTER TABLE visits ADD COLUMN key INTEGER;
    UPDATE visits SET key = rowid;
    CREATE UNIQUE INDEX visits_key ON visits (key);
    CREATE TRIGGER visits_never_edited BEFORE UPDATE ON visits
    WHEN OLD.key IS NOT NULL OR NEW.key IS NULL OR ${changed(VISIT_COLUMNS)}
    BEGIN SELECT RAISE(ABORT, 'clinical records are corrected by a new version, never edited in place'); END;
    CREATE TRIGGER visits_keyed AFTER INSERT ON visits WHEN NEW.key IS NULL
    BEGIN UPDATE visits SET key = (SELECT coalesce(max(key), 0) + 1 FROM visits) WHERE rowid = NEW.rowid; END;

    CREATE TABLE measurements_v18 (
      key INTEGER PRIMARY KEY,
      id ANY NOT NULL UNIQUE,
      lineage_id ANY,
      supersedes_id ANY REFERENCES measurements_v18 (id),
      superseded_by ANY REFERENCES measurements_v18 (id) DEFERRABLE INITIALLY DEFERRED,
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
  `,
  // The carry and the clearing of the old table are most of the time (3.0 s and 5.7 s of 12 s at 112,520
  // measurements): they go in slices of rowids so the update screen can say how far they are. The same rows, the
  // same order, in the same transaction as `up`: a crash still leaves the file at version 17.
  run: (db, progress) => {
    const range = db.prepare<[], { rows: number; first: number | null; last: number | null }>('SELECT count(*) AS rows, min(rowid) AS first, max(rowid) AS last FROM measurements').get();
    const rows = range?.rows ?? 0;
    // Units: one per row carried, one per row cleared, and a quarter of the rows for the four new indexes.
    const indexUnits = Math.ceil(rows / 16);
    const total = 2 * rows + 4 * indexUnits + 1;
    let done = 0;
    const slices = (each: (from: number, to: number) => number) => {
      for (let from = (range?.first ?? 1) - 1; from < (range?.last ?? 0); from += SLICE) {
        done += each(from, from + SLICE);
        progress(done, total);
      }
    };
    const carry = db.prepare(`
      INSERT INTO measurements_v18
      SELECT m.rowid, ${stored('m.id')}, CASE WHEN m.lineage_id = m.id THEN NULL ELSE ${stored('m.lineage_id')} END,
        ${stored('m.supersedes_id')}, ${stored('m.superseded_by')}, m.recorded_at, ${therapistKey('m.recorded_by')}, m.correction_reason,
        m.voided_at, ${therapistKey('m.voided_by')}, m.void_reason,
        (SELECT v.key FROM visits v WHERE v.id = m.visit_id), (SELECT p.key FROM patients p WHERE p.id = m.patient_id),
        m.motion, m.side, m.mode, m.degrees, ${therapistKey('m.rater_id')}, m.instrument, m.end_feel, m.pain, m.note
      FROM measurements m WHERE m.rowid > ? AND m.rowid <= ? ORDER BY m.rowid`);
    slices((from, to) => carry.run(from, to).changes);
    // Dropping a table with foreign keys on deletes it row by row, checking each against the rows correcting it
    // (indexed for that, or it takes n²). The same deletion, said outright, in slices; the trigger that forbids
    // deleting a measurement goes first, with the table it guards. Foreign keys are checked at commit, as before.
    db.exec(`
      CREATE INDEX measurements_old_supersedes ON measurements (supersedes_id);
      CREATE INDEX measurements_old_superseded ON measurements (superseded_by);
      DROP TRIGGER measurements_never_deleted;`);
    const clear = db.prepare('DELETE FROM measurements WHERE rowid > ? AND rowid <= ?');
    slices((from, to) => clear.run(from, to).changes);
    db.exec(`
      DROP TABLE measurements;
      ALTER TABLE measurements_v18 RENAME TO measurements;`);
    for (const index of NEW_INDEXES) {
      db.exec(index);
      done += indexUnits;
      progress(done, total);
    }
    db.exec(TRIGGERS);
  },
};
