import type { Migration } from './types';

// A migration is frozen history: it spells out its SQL, so later code can never change what version 12 of a
// database looks like.
//
// Accounts (issue 18). Each therapist gets a role and a credential: a PIN or password kept only as its scrypt
// hash, with its own salt and the scrypt parameters it was made with (JSON), so the cost can be raised later
// without locking anyone out. A database from before this version has no administrator and no credential at
// all: the first person to open it chooses who becomes administrator (session.setUpAccounts); nothing is
// guessed here.
//
// Failed sign-ins are counted in the database, not in memory, so restarting the app hands a guesser no new
// tries. The access log records who opened which patient's record; like the audit log it is append-only.

export const migration0012: Migration = {
  version: 12,
  name: 'accounts, lock time and the access log',
  up: `
    ALTER TABLE therapists ADD COLUMN role TEXT NOT NULL DEFAULT 'therapist' CHECK (role IN ('administrator', 'therapist'));
    ALTER TABLE therapists ADD COLUMN credential_kind TEXT CHECK (credential_kind IS NULL OR credential_kind IN ('pin', 'password'));
    ALTER TABLE therapists ADD COLUMN credential_salt BLOB CHECK ((credential_salt IS NULL) = (credential_kind IS NULL));
    ALTER TABLE therapists ADD COLUMN credential_hash BLOB CHECK ((credential_hash IS NULL) = (credential_kind IS NULL));
    ALTER TABLE therapists ADD COLUMN credential_params TEXT CHECK ((credential_params IS NULL) = (credential_kind IS NULL) AND (credential_params IS NULL OR json_valid(credential_params)));
    -- Set by an administrator (or at set-up of accounts): the person changes it at their next sign-in.
    ALTER TABLE therapists ADD COLUMN must_change_credential INTEGER NOT NULL DEFAULT 0 CHECK (must_change_credential IN (0, 1));
    ALTER TABLE therapists ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0);
    ALTER TABLE therapists ADD COLUMN locked_until TEXT;

    ALTER TABLE clinic ADD COLUMN lock_after_minutes INTEGER NOT NULL DEFAULT 5 CHECK (lock_after_minutes BETWEEN 1 AND 60);

    -- Who opened which patient's record, and how: the file on screen, a printed report or letter, an export.
    CREATE TABLE access_log (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      therapist_id TEXT NOT NULL REFERENCES therapists (id),
      patient_id TEXT NOT NULL REFERENCES patients (id),
      what TEXT NOT NULL CHECK (what IN ('file', 'report', 'export'))
    ) STRICT;
    CREATE INDEX access_log_patient ON access_log (patient_id, seq);
    CREATE TRIGGER access_log_never_deleted BEFORE DELETE ON access_log
    BEGIN SELECT RAISE(ABORT, 'the access log is never changed: who opened a record stays recorded'); END;
    CREATE TRIGGER access_log_never_edited BEFORE UPDATE ON access_log
    BEGIN SELECT RAISE(ABORT, 'the access log is never changed: who opened a record stays recorded'); END;
  `,
};
