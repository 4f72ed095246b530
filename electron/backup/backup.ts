import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../db/errors';
import { backupName, backupsToDelete, listBackups, parseBackupName, type BackupFile, type BackupKind } from './backup-files';
import { verifyDatabaseFileOffThread } from './verify';

export function backupsFolderFor(databasePath: string): string {
  return join(dirname(databasePath), 'backups');
}

/** Turns file-system and SQLite failures into what a person at the clinic can act on. */
export function explainWriteFailure(err: unknown, folder: string): AppError {
  const code = (err as { code?: string }).code ?? '';
  const text = (err as Error).message ?? String(err);
  if (code === 'ENOSPC' || code === 'SQLITE_FULL' || /disk is full|database or disk is full/i.test(text)) {
    return new AppError('internal', `The disk holding ${folder} is full. Free some space (or choose another drive) and back up again. The database itself was not changed.`);
  }
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_READONLY' || /readonly|read-only|permission/i.test(text)) {
    return new AppError('invalid_input', `ROMtrack cannot write to ${folder}: it is read-only or you lack permission. Choose another folder, or unlock the USB stick. The database itself was not changed.`, { folder: 'This folder cannot be written.' });
  }
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_IOERR' || /unable to open|no such file/i.test(text)) {
    return new AppError('invalid_input', `The folder ${folder} is not there any more (was the USB stick removed?). Reconnect it or choose another folder, and back up again. The database itself was not changed.`, { folder: 'This folder is not available.' });
  }
  return new AppError('internal', `The backup to ${folder} failed (${text}). The database itself was not changed.`);
}

function fsyncPath(path: string, directory = false): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, directory ? 'r' : 'r+');
    fsyncSync(fd);
  } catch {
    // Directories cannot be fsynced on every platform (Windows); the file itself was.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Copies the live database with SQLite's online backup API (it reads a consistent snapshot while
 * writes go on), under a temporary name, checks the copy's integrity, flushes it to disk and only
 * then gives it its real name: a power cut or a pulled USB stick never leaves a file that looks
 * like a good backup but is not.
 */
export async function createBackup(db: Database.Database, folder: string, kind: BackupKind, now: Date = new Date()): Promise<BackupFile> {
  const name = backupName(now, kind);
  const finalPath = join(folder, name);
  const tempPath = join(folder, `.${name}.partial`);
  try {
    mkdirSync(folder, { recursive: true });
    // Creating the file ourselves first gives the file system's own reason (read-only, gone, full),
    // which SQLite would blur into "unable to open".
    closeSync(openSync(tempPath, 'wx'));
    await db.backup(tempPath);
    const check = await verifyDatabaseFileOffThread(tempPath);
    if (!check.ok) throw new AppError('internal', `The backup copy failed its check (${check.reason}); it was discarded. Try again.`);
    fsyncPath(tempPath);
    renameSync(tempPath, finalPath);
    fsyncPath(folder, true);
  } catch (err) {
    try {
      unlinkSync(tempPath);
    } catch {
      // nothing to clean, or the folder is gone
    }
    throw err instanceof AppError ? err : explainWriteFailure(err, folder);
  }
  const parsed = parseBackupName(name)!;
  return { name: basename(finalPath), path: finalPath, kind, createdAt: parsed.createdAt, sizeBytes: statSync(finalPath).size };
}

/** Removes the automatic backups the rotation no longer keeps; returns what it removed. */
export function rotateBackups(folder: string): BackupFile[] {
  const remove = backupsToDelete(listBackups(folder));
  for (const b of remove) {
    try {
      unlinkSync(b.path);
    } catch {
      // already gone
    }
  }
  return remove;
}

/** At start: one automatic backup a day is enough; on quit: always, so the day's work is in one. */
export async function automaticBackup(db: Database.Database, databasePath: string, reason: 'start' | 'quit', now: Date = new Date(), force = false): Promise<BackupFile | null> {
  const folder = backupsFolderFor(databasePath);
  if (reason === 'start' && !force) {
    const today = now.toISOString().slice(0, 10);
    if (listBackups(folder).some((b) => b.kind === 'auto' && b.createdAt.startsWith(today))) return null;
  }
  const made = await createBackup(db, folder, 'auto', now);
  rotateBackups(folder);
  return made;
}
