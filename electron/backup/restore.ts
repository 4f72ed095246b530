import { copyFileSync, existsSync, renameSync, unlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../db/errors';
import { backupsFolderFor, createBackup } from './backup';
import type { BackupFile } from './backup-files';
import { verifyDatabaseFile } from './verify';

/** Puts `replacement` in place of the database file; the old WAL and index files belong to the old file. */
export function swapInDatabaseFile(databasePath: string, replacement: string): void {
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(databasePath + suffix)) unlinkSync(databasePath + suffix);
  }
  renameSync(replacement, databasePath);
}

/**
 * What a restore needs from the running app, declared here so backup/ stays below the operations layer:
 * the API context satisfies it as it is, and a test or a command can pass a hand-made one.
 */
export interface RestoreTarget {
  /** The open connection: read for the safety backup before the swap. */
  readonly db: Database.Database;
  readonly app: { readonly databasePath: string };
  /** Closes the database, lets `swap` replace its file, and opens it again. */
  replaceDatabase(swap: () => void): void;
}

/**
 * Restores the database from a backup file. Nothing is replaced until the chosen file has passed
 * every check and the current database has itself been backed up, so a restore can be undone by
 * restoring that safety copy.
 */
export async function restoreDatabase(ctx: RestoreTarget, sourcePath: string): Promise<{ restoredFrom: string; safetyBackup: BackupFile }> {
  const databasePath = ctx.app.databasePath;
  if (resolve(sourcePath) === resolve(databasePath)) {
    throw new AppError('invalid_input', 'That is the database in use, not a backup.', { path: 'Choose a backup file, not the database in use.' });
  }
  const check = verifyDatabaseFile(sourcePath);
  if (!check.ok) throw new AppError('invalid_input', `This file cannot be restored: ${check.reason} Nothing was changed.`, { path: check.reason });

  const safetyBackup = await createBackup(ctx.db, backupsFolderFor(databasePath), 'pre-restore');
  const staging = `${databasePath}.restoring`;
  copyFileSync(sourcePath, staging);
  const copied = verifyDatabaseFile(staging);
  if (!copied.ok) {
    unlinkSync(staging);
    throw new AppError('internal', `The copy of the backup failed its check (${copied.reason}). Nothing was changed.`);
  }
  ctx.replaceDatabase(() => swapInDatabaseFile(databasePath, staging));
  return { restoredFrom: sourcePath, safetyBackup };
}
