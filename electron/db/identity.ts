import { createHash, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';

// Which database a file (or a backup of it) is. Two database files can share a folder (a sample database
// beside the clinic's); their backups must never be mixed up: rotated together, or one offered to restore the
// other. The identity is a random id stored in app_meta by migration 9 (or at open, should it be missing), so
// every copy of the file carries it. Migration 9 reuses the id of the first audit row when there is one, so
// backups made before it still match: see legacyIdentity.

export const DATABASE_ID_KEY = 'database_id';

/** The identity a file carries, or null (an empty database from before migration 9, or not a ROMtrack file). */
export function databaseIdentity(db: Database.Database): string | null {
  const tables = new Set(db.prepare<[], string>(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all());
  if (tables.has('app_meta')) {
    const id = db.prepare<[string], string>('SELECT value FROM app_meta WHERE key = ?').pluck().get(DATABASE_ID_KEY);
    if (id) return id;
  }
  return tables.has('audit_log') ? legacyIdentity(db) : null;
}

/**
 * A database from before migration 9 has no stored identity, but its first audit row (written at set-up, never
 * deleted) is random and shared by every later copy of the same file: migration 9 stores exactly that id.
 */
export function legacyIdentity(db: Database.Database): string | null {
  return db.prepare<[], string>('SELECT id FROM audit_log ORDER BY seq LIMIT 1').pluck().get() ?? null;
}

/** Stores an identity if the file has none (migration 9 normally did); returns the file's identity. */
export function ensureDatabaseIdentity(db: Database.Database): string {
  db.prepare('INSERT OR IGNORE INTO app_meta (key, value) VALUES (?, ?)').run(DATABASE_ID_KEY, legacyIdentity(db) ?? randomUUID());
  // INSERT OR IGNORE just above leaves the row there.
  return db.prepare<[string], string>('SELECT value FROM app_meta WHERE key = ?').pluck().get(DATABASE_ID_KEY)!;
}

/** The short form backup names carry: 8 hex digits of the identity's sha256, enough to tell a clinic's databases apart. */
export function identityTag(identity: string): string {
  return createHash('sha256').update(identity).digest('hex').slice(0, 8);
}
