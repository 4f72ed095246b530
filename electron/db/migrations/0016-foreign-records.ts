import type { Migration } from './types';

// A migration is frozen history: it spells out its SQL, so later code can never change what version 16 of a
// database looks like.
//
// Records from other clinics, and SMART Backend Services (issue 19, item 4).
//
// - foreign_records: what another clinic wrote for one of this clinic's patients, fetched from the district's
//   server on request. Kept apart from the clinic's own tables, so no verdict, chart or export ever counts them,
//   and read-only: a row is never updated (the trigger says so); a newer version on the server is a row of its
//   own, keyed by the server's id and version, so fetching the same version again adds nothing. The resource is
//   kept as the server gave it, with where it came from (server, organization) and when it was fetched.
// - foreign_pulls: per server, patient and resource type, the newest `meta.lastUpdated` seen there, so the next
//   pull asks only for what changed since, in the server's own time (never this computer's clock).
// - sync_settings gains SMART Backend Services: a client id, a private key (PEM, a secret kept like the bearer
//   token: never read back, logged only as set or not) and the token endpoint when the server does not publish
//   it in .well-known/smart-configuration.

export const migration0016: Migration = {
  version: 16,
  name: 'records from other clinics, and SMART backend services',
  up: `
    ALTER TABLE sync_settings ADD COLUMN client_id TEXT CHECK (client_id IS NULL OR length(client_id) BETWEEN 1 AND 255);
    ALTER TABLE sync_settings ADD COLUMN private_key TEXT CHECK (private_key IS NULL OR length(private_key) BETWEEN 1 AND 16384);
    ALTER TABLE sync_settings ADD COLUMN token_url TEXT CHECK (token_url IS NULL OR ((token_url GLOB 'http://*' OR token_url GLOB 'https://*') AND length(token_url) <= 2000));

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
    CREATE INDEX foreign_records_by_patient ON foreign_records (patient_id, server);
    CREATE TRIGGER foreign_records_read_only BEFORE UPDATE ON foreign_records
    BEGIN
      SELECT RAISE(ABORT, 'records from other clinics are read-only');
    END;

    CREATE TABLE foreign_pulls (
      server TEXT NOT NULL,
      patient_id TEXT NOT NULL REFERENCES patients (id),
      resource_type TEXT NOT NULL,
      server_since TEXT,
      pulled_at TEXT NOT NULL,
      PRIMARY KEY (server, patient_id, resource_type)
    ) STRICT;
  `,
};
