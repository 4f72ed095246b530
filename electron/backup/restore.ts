import { existsSync, renameSync, unlinkSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { message, type MessageParam } from '../../shared/i18n/message';
import { AppError, messageOf } from '../db/errors';
import { databaseIdentity } from '../db/identity';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { databaseKeyOf } from '../db/open';
import { schemaDifference } from '../db/schema-text';
import { backupUnqueued, oneAtATime } from './backup';
import type { BackupFile } from './backup-files';
import { backupsFolderFor, limited, regularFileOrRefuse, sameFile } from './folders';
import { keyHex } from './file-tasks';
import { runFileTask } from './run-in-worker';

const SIDE_FILES = ['-wal', '-shm', '-journal'];

/**
 * Why something failed, inside another message: an AppError's own message id; anything else (a file system or
 * SQLite error) its system text, which is the same in every language.
 */
function reasonOf(err: unknown): MessageParam {
  return err instanceof AppError ? { message: err.messageRef } : messageOf(err);
}

/** Renames a database file and whatever WAL, index or journal file it has: they belong to it, not to its name. */
export function moveDatabaseFile(from: string, to: string): void {
  renameSync(from, to);
  for (const suffix of SIDE_FILES) {
    if (existsSync(from + suffix)) renameSync(from + suffix, to + suffix);
  }
}

function removeDatabaseFile(path: string): void {
  for (const p of [path, ...SIDE_FILES.map((s) => path + s)]) {
    try {
      unlinkSync(p);
    } catch {
      // not there
    }
  }
}

/**
 * What a restore needs from the running app, declared here so backup/ stays below the operations layer:
 * the API context satisfies it as it is, and a test or a command can pass a hand-made one.
 */
export interface RestoreTarget {
  /** The open connection: read for the safety backup before the swap. */
  readonly db: Database.Database;
  readonly app: { readonly databasePath: string };
  /** Closes the database, lets `swap` replace its file, and opens it again (also when `swap` throws). */
  replaceDatabase(swap: () => void): void;
}

export interface Restored {
  restoredFrom: string;
  /** The current records, copied just before the swap: restoring it undoes this restore. */
  safetyBackup: BackupFile;
  /** The backup's schema version as chosen; an older one was brought up to date on its copy first. */
  schemaVersion: number;
  /** The backup is of another database (another install, another clinic's file) than the one it replaced. */
  otherDatabase: boolean;
}

export interface RestoreOptions {
  /** What belongs to the restore on the new connection (its audit row): if it fails, the restore is undone. */
  afterSwap?: (restored: Restored) => void;
  now?: Date;
}

/**
 * Restores the database from a backup file. Before the live file is touched: the chosen file is refused unless
 * it is a regular file (lstat, never opened otherwise); a copy of it is checked in full, and brought up to this
 * version if older (file-tasks.ts prepareRestore); the current database is backed up. Then the swap: the
 * current file is moved aside, the copy takes its name, the database is reopened and checked. If anything
 * fails from the swap on, the previous file is put back and reopened, and the error says so.
 */
export function restoreDatabase(ctx: RestoreTarget, sourcePath: string, options: RestoreOptions = {}): Promise<Restored> {
  const databasePath = ctx.app.databasePath;
  const now = options.now ?? new Date();
  return oneAtATime(ctx.db.name, async () => {
    const source = await regularFileOrRefuse(sourcePath);
    const live = await limited.stat(databasePath).catch(() => null);
    if (live && sameFile(source, live)) {
      throw new AppError('invalid_input', message('domain.restore.inUse'), { id: message('domain.restore.inUseField') });
    }
    const staging = `${databasePath}.restoring`;
    const prepared = await runFileTask('prepareRestore', { source: sourcePath, staging, key: keyHex(databaseKeyOf(ctx.db)) }, message('domain.backup.task.reading', { path: sourcePath }));
    if (!prepared.ok) throw new AppError('invalid_input', message('domain.restore.cannot', { reason: { message: prepared.reason } }), { id: prepared.reason });

    let safetyBackup: BackupFile;
    try {
      safetyBackup = await backupUnqueued(ctx.db, backupsFolderFor(databasePath), 'pre-restore', now);
    } catch (err) {
      removeDatabaseFile(staging);
      throw new AppError(err instanceof AppError ? err.code : 'internal', message('domain.restore.noSafetyCopy', { reason: reasonOf(err) }));
    }
    const restored: Restored = {
      restoredFrom: sourcePath,
      safetyBackup,
      schemaVersion: prepared.schemaVersion,
      otherDatabase: prepared.identity !== databaseIdentity(ctx.db),
    };
    swapWithRollback(ctx, staging, `${databasePath}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`, restored, options);
    return restored;
  });
}

/** The reopened database must be exactly this version's schema and readable, before anything is written to it. */
function confirmRestored(db: Database.Database): void {
  const difference = schemaDifference(db, LATEST_SCHEMA_VERSION);
  if (difference) throw new Error(`the restored database does not have this version's schema (${difference})`);
  db.prepare('SELECT count(*) FROM patients').pluck().get();
}

function swapWithRollback(ctx: RestoreTarget, staging: string, previous: string, restored: Restored, options: RestoreOptions): void {
  const databasePath = ctx.app.databasePath;
  let movedAside = false;
  let swappedIn = false;
  try {
    ctx.replaceDatabase(() => {
      // The connection is closed: SQLite has checkpointed the WAL into the file.
      moveDatabaseFile(databasePath, previous);
      movedAside = true;
      moveDatabaseFile(staging, databasePath);
      swappedIn = true;
    });
    confirmRestored(ctx.db);
    options.afterSwap?.(restored);
  } catch (err) {
    const why = reasonOf(err);
    try {
      ctx.replaceDatabase(() => {
        if (swappedIn) removeDatabaseFile(databasePath);
        if (movedAside) moveDatabaseFile(previous, databasePath);
      });
    } catch (again) {
      throw new AppError('internal', message('domain.restore.bothFailed', { reason: why, again: reasonOf(again), previous, safety: restored.safetyBackup.path }));
    } finally {
      removeDatabaseFile(staging);
    }
    if (!movedAside) throw new AppError('internal', message('domain.restore.notInPlace', { reason: why }));
    throw new AppError('internal', message('domain.restore.putBack', { reason: why }));
  }
  // Done and checked: the safety backup keeps the previous records, the file moved aside is no longer needed.
  removeDatabaseFile(previous);
}
