import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { applyKey, fileKind, keyDoesNotFit } from './database-key';
import { AppError, codeOf, messageOf } from './errors';
import { createPrivateFile, narrowIfWorldReadable } from './file-modes';
import { ensureDatabaseIdentity } from './identity';
import { migrate, schemaVersion } from './migrate';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { pragmaText } from './pragmas';
import { message, type MessageRef } from '../../shared/i18n/message';

/**
 * Above this size a full quick_check on open takes over a second on an old PC (1.35 s at 500 MB here), so
 * it is deferred: the start-up backup copies every page and runs integrity_check on the copy, which finds
 * the same damage without holding up the first screen (see backup/startup-check.ts).
 */
export const QUICK_CHECK_MAX_BYTES = 256 * 1024 * 1024;

export type OpenCheck = 'checked' | 'deferred';
const checks = new WeakMap<Database.Database, OpenCheck>();

/** Whether this connection's file was fully checked on open, or its check was left to the start-up backup. */
export function checkOnOpen(db: Database.Database): OpenCheck {
  return checks.get(db) ?? 'checked';
}

export interface OpenOptions {
  /** Files larger than this get a structural check on open and their full check deferred. */
  quickCheckMaxBytes?: number;
  /** Migrate to the latest schema (default). Off only for tools that inspect a file as it is. */
  migrate?: boolean;
  readonly?: boolean;
  /**
   * The database's 32-byte key (db/database-key.ts), applied before anything reads the file. Null or absent: a
   * plain file, for tests and tools only; the app always passes one (backup/encrypt-at-rest.ts prepareDatabaseKey).
   */
  key?: Buffer | null;
  /** Where the key came from, for the message when it does not fit. */
  keyWhere?: MessageRef;
}

const keys = new WeakMap<Database.Database, Buffer>();

/**
 * The key this connection was opened with, or null for a plain file: a backup, a restore and a second connection
 * to the same file (the clinic export) open their files with it. Held only in memory, beside the connection.
 */
export function databaseKeyOf(db: Database.Database): Buffer | null {
  return keys.get(db) ?? null;
}

/**
 * The one way to open a ROMtrack database. Every pragma here is deliberate:
 * - WAL lets the UI read while a visit is being written;
 * - synchronous=FULL because better-sqlite3 defaults to NORMAL under WAL, which can lose the last
 *   commits on power loss, and clinics lose power;
 * - foreign_keys, off by default in SQLite;
 * - a busy timeout so a second reader (a backup, server mode) waits rather than fails;
 * - the file (and so its -wal and -shm, which SQLite gives the same mode) readable by its owner only.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Database.Database {
  const key = options.key ?? null;
  // A plain file opened with a key fails as if the key were wrong: say what it is instead (the app encrypts a
  // plain database before it opens it with the key, so this is a tool or a file put back by hand).
  if (key && fileKind(path) === 'plain') {
    throw new AppError('internal', message('domain.db.plain', { path }));
  }
  let db: Database.Database;
  try {
    if (!options.readonly) {
      createPrivateFile(path);
      for (const file of [path, `${path}-wal`, `${path}-shm`]) narrowIfWorldReadable(file);
    }
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (err) {
    throw new AppError('internal', message('domain.db.cannotOpen', { path, reason: messageOf(err) }));
  }
  try {
    applyKey(db, key);
    if (key) keys.set(db, key);
    db.pragma('busy_timeout = 5000');
    checks.set(db, checkIntegrity(db, path, options.quickCheckMaxBytes ?? QUICK_CHECK_MAX_BYTES, key ? (options.keyWhere ?? message('backup.givenKey.where')) : null));
    const version = schemaVersion(db);
    if (version > LATEST_SCHEMA_VERSION) {
      throw new AppError('conflict', message('domain.db.newer', { path, version, latest: LATEST_SCHEMA_VERSION }));
    }
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    if (options.migrate ?? true) {
      migrate(db);
      // Migration 9 stores the identity; a file whose row went missing gets a new one rather than none. Not on a
      // file whose check was deferred: it may be damaged, and the start-up backup is what says so.
      if (!options.readonly && checkOnOpen(db) === 'checked') ensureDatabaseIdentity(db);
    }
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function checkIntegrity(db: Database.Database, path: string, maxBytes: number, keyWhere: MessageRef | null): OpenCheck {
  let result: string;
  let size = 0;
  try {
    size = statSync(path).size;
  } catch {
    // a new file
  }
  try {
    if (size > maxBytes) {
      // Reading the schema still proves the file is SQLite and its first pages are sound.
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      return 'deferred';
    }
    result = pragmaText(db, 'quick_check');
  } catch (err) {
    // SQLite3 Multiple Ciphers cannot tell a wrong key from a file that is no database: both read as noise.
    if (keyWhere !== null && codeOf(err) === 'SQLITE_NOTADB') throw keyDoesNotFit(path, keyWhere);
    throw new AppError('internal', message('domain.db.unreadable', { path, reason: messageOf(err) }));
  }
  if (result !== 'ok') {
    throw new AppError('internal', message('domain.db.integrity', { path, result: String(result) }));
  }
  return 'checked';
}
