import type { Migration } from './types';

// A migration is frozen history: it spells out its SQL, so later code can never change what version 13 of a
// database looks like.
//
// Sync with a district FHIR server (issue 19, item 4). Nothing here is clinical: these rows say what the server
// has acknowledged, so they may be replaced, unlike the records they describe.
//
// - sync_settings: the one server this clinic pushes to, set by an administrator. The bearer token is a secret
//   kept here (the file itself is the clinic's to protect, encrypted or not); no read ever returns it.
// - sync_state: per server, the audit log's seq up to which every change was acknowledged (the change feed's
//   cursor), and the last run's outcome. Keyed by the server's address so that pointing the clinic at another
//   server starts from the beginning there, and pointing it back resumes.
// - sync_resources: per server and record lineage, the server's id and version and a hash of what was last
//   acknowledged, so an unchanged record is never sent twice (some servers make a new version for an identical
//   update) and a changed one goes as an update of the resource the server already holds.
// - sync_conflicts: an update the server refused as stale (412): reported, not retried until the record changes.

export const migration0013: Migration = {
  version: 13,
  name: 'sync with a FHIR server',
  up: `
    CREATE TABLE sync_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      base_url TEXT NOT NULL CHECK ((base_url GLOB 'http://*' OR base_url GLOB 'https://*') AND length(base_url) <= 2000),
      bearer_token TEXT CHECK (bearer_token IS NULL OR length(bearer_token) BETWEEN 1 AND 4096),
      updated_at TEXT NOT NULL,
      updated_by TEXT REFERENCES therapists (id)
    ) STRICT;

    CREATE TABLE sync_state (
      server TEXT PRIMARY KEY,
      acknowledged_seq INTEGER NOT NULL DEFAULT 0 CHECK (acknowledged_seq >= 0),
      last_success_at TEXT,
      last_attempt_at TEXT,
      last_error TEXT,
      last_error_at TEXT,
      failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0)
    ) STRICT;

    CREATE TABLE sync_resources (
      server TEXT NOT NULL,
      resource_type TEXT NOT NULL,
      lineage TEXT NOT NULL,
      content_hash TEXT NOT NULL,
      server_id TEXT NOT NULL,
      server_version TEXT,
      acknowledged_at TEXT NOT NULL,
      PRIMARY KEY (server, resource_type, lineage)
    ) STRICT;

    CREATE TABLE sync_conflicts (
      id TEXT PRIMARY KEY,
      server TEXT NOT NULL,
      resource_type TEXT NOT NULL,
      lineage TEXT NOT NULL,
      server_id TEXT NOT NULL,
      content_hash TEXT NOT NULL,
      detected_at TEXT NOT NULL,
      message TEXT NOT NULL,
      UNIQUE (server, resource_type, lineage, content_hash)
    ) STRICT;
  `,
};
