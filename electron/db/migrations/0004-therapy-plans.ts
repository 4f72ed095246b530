import type { Migration } from './types';

// A migration is frozen history: it spells out its SQL rather than importing 0003's helpers, so a later change
// to those helpers can never change what version 4 of a database looks like.

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
const VERSION_CHECKS = `
  CHECK ((supersedes_id IS NULL) = (correction_reason IS NULL)),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))`;

/**
 * As in 0003: the database refuses to delete a clinical record or change what it says. The only updates
 * allowed set, once, the columns listed in `setOnce` groups (superseded, voided, and for plans ended).
 */
function guards(table: string, clinicalColumns: string[], setOnce: string[][]): string {
  const changed = ['id', 'lineage_id', 'supersedes_id', 'recorded_at', 'recorded_by', 'correction_reason', ...clinicalColumns]
    .map((c) => `NEW.${c} IS NOT OLD.${c}`)
    .join(' OR ');
  const resets = setOnce
    .map((group) => `(OLD.${group[0]} IS NOT NULL AND (${group.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ')}))`)
    .join('\n      OR ');
  return `
    CREATE TRIGGER ${table}_never_deleted BEFORE DELETE ON ${table}
    BEGIN SELECT RAISE(ABORT, 'clinical records are never deleted; void them with a reason'); END;
    CREATE TRIGGER ${table}_never_edited BEFORE UPDATE ON ${table}
    WHEN ${changed}
      OR ${resets}
    BEGIN SELECT RAISE(ABORT, 'clinical records are corrected by a new version, never edited in place'); END;`;
}

const SUPERSEDED = ['superseded_by'];
const VOIDED = ['voided_at', 'voided_by', 'void_reason'];
const CURRENT = 'superseded_by IS NULL AND voided_at IS NULL';
const INTERVENTIONS = `'active_rom', 'active_assisted_rom', 'passive_rom', 'stretching', 'strengthening', 'cpm', 'splinting', 'functional_training', 'home_program'`;

export const migration0004: Migration = {
  version: 4,
  name: 'therapy plans, goals and adherence',
  up: `
    -- One row per version of a plan; a plan is a lineage. A revision (correction_reason holds its reason) is in
    -- force from its effective_from, which ends the version it supersedes the day before.
    CREATE TABLE plan_versions (
      ${VERSION_COLUMNS('plan_versions')},
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
      CHECK (ended_on IS NULL OR ended_on >= effective_from),${VERSION_CHECKS}
    ) STRICT;
    -- One current version per plan: a revision marks the old one superseded before inserting the new one.
    CREATE UNIQUE INDEX plan_versions_current ON plan_versions (lineage_id) WHERE ${CURRENT};
    CREATE INDEX plan_versions_patient ON plan_versions (patient_id, lineage_id);
    ${guards('plan_versions', ['patient_id', 'title', 'effective_from', 'end_date', 'sites_json', 'passive_rom_allowed', 'precautions'], [SUPERSEDED, VOIDED, ['ended_on', 'ended_at', 'ended_by', 'end_reason']])}
    -- Versions never overlap: a revision starts strictly after the version it replaces, in the same plan.
    CREATE TRIGGER plan_versions_no_overlap BEFORE INSERT ON plan_versions
    WHEN NEW.supersedes_id IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM plan_versions p WHERE p.id = NEW.supersedes_id AND p.lineage_id = NEW.lineage_id AND p.effective_from < NEW.effective_from)
    BEGIN SELECT RAISE(ABORT, 'a plan revision must start after the version it replaces'); END;

    -- Items belong to one version and are never changed: a revision writes its own items.
    CREATE TABLE plan_items (
      id TEXT PRIMARY KEY,
      plan_version_id TEXT NOT NULL REFERENCES plan_versions (id),
      position INTEGER NOT NULL CHECK (position >= 1),
      intervention TEXT NOT NULL CHECK (intervention IN (${INTERVENTIONS})),
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
    CREATE TRIGGER plan_items_never_deleted BEFORE DELETE ON plan_items
    BEGIN SELECT RAISE(ABORT, 'clinical records are never deleted; void them with a reason'); END;
    CREATE TRIGGER plan_items_never_edited BEFORE UPDATE ON plan_items
    BEGIN SELECT RAISE(ABORT, 'clinical records are corrected by a new version, never edited in place'); END;

    -- Goals belong to the plan (its lineage id, the first version's id), so they outlive revisions.
    CREATE TABLE plan_goals (
      ${VERSION_COLUMNS('plan_goals')},
      plan_id TEXT NOT NULL REFERENCES plan_versions (id),
      patient_id TEXT NOT NULL REFERENCES patients (id),
      motion TEXT NOT NULL,
      side TEXT NOT NULL CHECK (side IN ('left', 'right')),
      mode TEXT NOT NULL CHECK (mode IN ('active', 'passive')),
      target INTEGER NOT NULL,
      target_date TEXT NOT NULL,
      set_when_met INTEGER NOT NULL CHECK (set_when_met IN (0, 1)),${VERSION_CHECKS}
    ) STRICT;
    CREATE INDEX plan_goals_plan ON plan_goals (plan_id) WHERE ${CURRENT};
    CREATE INDEX plan_goals_lineage ON plan_goals (lineage_id);
    ${guards('plan_goals', ['plan_id', 'patient_id', 'motion', 'side', 'mode', 'target', 'target_date', 'set_when_met'], [SUPERSEDED, VOIDED])}

    -- Sessions done per item and week (weeks start on Monday); a new count for the same week supersedes the old.
    CREATE TABLE plan_adherence (
      ${VERSION_COLUMNS('plan_adherence')},
      item_id TEXT NOT NULL REFERENCES plan_items (id),
      plan_id TEXT NOT NULL REFERENCES plan_versions (id),
      patient_id TEXT NOT NULL REFERENCES patients (id),
      week_start TEXT NOT NULL,
      sessions_done INTEGER NOT NULL CHECK (sessions_done >= 0),
      note TEXT,${VERSION_CHECKS}
    ) STRICT;
    CREATE UNIQUE INDEX plan_adherence_current ON plan_adherence (item_id, week_start) WHERE ${CURRENT};
    CREATE INDEX plan_adherence_plan ON plan_adherence (plan_id) WHERE ${CURRENT};
    CREATE INDEX plan_adherence_lineage ON plan_adherence (lineage_id);
    ${guards('plan_adherence', ['item_id', 'plan_id', 'patient_id', 'week_start', 'sessions_done', 'note'], [SUPERSEDED, VOIDED])}
  `,
};
