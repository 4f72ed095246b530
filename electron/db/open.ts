import Database from 'better-sqlite3';
import { AppError } from '../api/app-error';
import { migrate, schemaVersion } from './migrate';
import { LATEST_SCHEMA_VERSION } from './migrations';

export interface OpenOptions {
  /** Migrate to the latest schema (default). Off only for tools that inspect a file as it is. */
  migrate?: boolean;
  readonly?: boolean;
}

/**
 * The one way to open a ROMtrack database. Every pragma here is deliberate:
 * - WAL lets the UI read while a visit is being written;
 * - synchronous=FULL because better-sqlite3 defaults to NORMAL under WAL, which can lose the last
 *   commits on power loss, and clinics lose power;
 * - foreign_keys, off by default in SQLite;
 * - a busy timeout so a second reader (a backup, server mode) waits rather than fails.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (err) {
    throw new AppError('internal', `Cannot open the database at ${path}: ${(err as Error).message}`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    checkIntegrity(db, path);
    const version = schemaVersion(db);
    if (version > LATEST_SCHEMA_VERSION) {
      throw new AppError(
        'conflict',
        `The database at ${path} was written by a newer ROMtrack (schema ${version}; this app knows up to ${LATEST_SCHEMA_VERSION}). Install the newer ROMtrack to open it; the file was left untouched.`,
      );
    }
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    if (options.migrate ?? true) migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function checkIntegrity(db: Database.Database, path: string): void {
  let result: string;
  try {
    result = db.pragma('quick_check', { simple: true }) as string;
  } catch (err) {
    throw new AppError(
      'internal',
      `The file at ${path} is not a readable ROMtrack database (${(err as Error).message}). Nothing was changed.`,
    );
  }
  if (result !== 'ok') {
    throw new AppError('internal', `The database at ${path} failed its integrity check (${result}). Restore it from a backup.`);
  }
}
