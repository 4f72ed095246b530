import type { Migration } from './types';

export const migration0002: Migration = {
  version: 2,
  name: 'clinic profile and therapists',
  up: `
    -- One row: the clinic this workstation belongs to. Absent until first-run set-up.
    CREATE TABLE clinic (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      name TEXT NOT NULL,
      address TEXT,
      phone TEXT,
      logo_mime TEXT CHECK (logo_mime IN ('image/png', 'image/jpeg')),
      logo BLOB,
      paper_size TEXT NOT NULL CHECK (paper_size IN ('A4', 'Letter')),
      date_format TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      updated_at TEXT NOT NULL,
      CHECK ((logo IS NULL) = (logo_mime IS NULL))
    ) STRICT;

    -- Never deleted: measurements and audit rows keep pointing at them. active = 0 hides them from choice lists.
    CREATE TABLE therapists (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      title TEXT,
      registration_number TEXT COLLATE NOCASE,
      initials TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      version INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX therapists_registration ON therapists (registration_number) WHERE registration_number IS NOT NULL;
  `,
};
