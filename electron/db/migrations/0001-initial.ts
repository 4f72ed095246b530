import type { Migration } from './types';

export const migration0001: Migration = {
  version: 1,
  name: 'patients and audit log',
  up: `
    CREATE TABLE app_meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

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
    ) STRICT;
    -- NOCASE columns let LIKE 'prefix%' use these indexes.
    CREATE INDEX patients_family_name ON patients (family_name);
    CREATE INDEX patients_given_names ON patients (given_names);
    CREATE UNIQUE INDEX patients_clinic_id ON patients (clinic_id) WHERE clinic_id IS NOT NULL;

    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      at TEXT NOT NULL,
      actor_id TEXT,
      operation TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      before_json TEXT,
      after_json TEXT
    ) STRICT;
    CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
  `,
};
