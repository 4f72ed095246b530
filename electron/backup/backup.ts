import type Database from 'better-sqlite3';
import { message } from '../../shared/i18n/message';
import { AppError, codeOf, messageOf } from '../db/errors';
import { databaseIdentity, identityTag } from '../db/identity';
import { databaseKeyOf } from '../db/open';
import { backupName, backupsToDelete, parseBackupName, type BackupFile, type BackupKind } from './backup-files';
import { backupsFolderFor, backupsIn, ensureFolder, limited, requireAbsoluteFolder } from './folders';
import { keyHex } from './file-tasks';
import { runFileTask } from './run-in-worker';

export { backupsFolderFor } from './folders';

/** Turns file-system and SQLite failures into what a person at the clinic can act on. */
export function explainWriteFailure(err: unknown, folder: string): AppError {
  const code = codeOf(err) ?? '';
  const text = messageOf(err);
  if (code === 'ENOSPC' || code === 'SQLITE_FULL' || /disk is full|database or disk is full/i.test(text)) {
    return new AppError('internal', message('domain.backup.diskFull', { folder }));
  }
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_READONLY' || /readonly|read-only|permission/i.test(text)) {
    return new AppError('invalid_input', message('domain.backup.readOnly', { folder }), { folder: message('domain.backup.readOnlyField') });
  }
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_IOERR' || /unable to open|no such file/i.test(text)) {
    return new AppError('invalid_input', message('domain.backup.folderGone', { folder }), { folder: message('domain.backup.folderGoneField') });
  }
  return new AppError('internal', message('domain.backup.failed', { folder, reason: text }));
}

// One backup or restore of a database at a time: a restore must not swap the file while a backup reads it,
// and two quick clicks must not race for one file name.
const queues = new Map<string, Promise<unknown>>();

export function oneAtATime<T>(databasePath: string, work: () => Promise<T>): Promise<T> {
  const before = queues.get(databasePath) ?? Promise.resolve();
  const run = before.then(work, work);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(databasePath, settled);
  void settled.then(() => {
    if (queues.get(databasePath) === settled) queues.delete(databasePath);
  });
  return run;
}

/** The tag this database's backups carry in their names. */
export function tagOf(db: Database.Database): string | undefined {
  const identity = databaseIdentity(db);
  return identity ? identityTag(identity) : undefined;
}

/**
 * A checked backup of the open database into `folder` (see file-tasks.ts backup): the folder is made if
 * needed (the database's own folder up to two levels, a chosen one only its last level), then the copy is
 * made and checked in a worker thread, so a slow or stuck device costs an error, not a frozen app.
 * Callers hold oneAtATime (createBackup does).
 */
export async function backupUnqueued(db: Database.Database, folder: string, kind: BackupKind, now: Date = new Date()): Promise<BackupFile> {
  requireAbsoluteFolder(folder);
  const tag = tagOf(db);
  const name = backupName(now, kind, tag);
  try {
    await ensureFolder(folder, folder === backupsFolderFor(db.name) ? 2 : 1);
    const made = await runFileTask('backup', { source: db.name, folder, name, key: keyHex(databaseKeyOf(db)) }, message('domain.backup.task.backupTo', { folder }));
    const parsed = parseBackupName(name)!;
    return { name, path: made.path, kind, createdAt: parsed.createdAt, sizeBytes: made.sizeBytes, ...(tag ? { tag } : {}) };
  } catch (err) {
    throw err instanceof AppError ? err : explainWriteFailure(err, folder);
  }
}

export function createBackup(db: Database.Database, folder: string, kind: BackupKind, now: Date = new Date()): Promise<BackupFile> {
  return oneAtATime(db.name, () => backupUnqueued(db, folder, kind, now));
}

/**
 * Removes what the rotation no longer keeps among this database's backups in `folder` (backups with another
 * tag, or none, belong to another database, or to this one before a restore, and are left alone). Returns
 * what it removed; a file that cannot be removed now is tried again next time.
 */
export async function rotateBackups(folder: string, tag: string | undefined): Promise<BackupFile[]> {
  if (!tag) return [];
  const { backups } = await backupsIn(folder);
  const remove = backupsToDelete(backups.filter((b) => b.tag === tag));
  const removed: BackupFile[] = [];
  for (const b of remove) {
    try {
      await limited.unlink(b.path);
      removed.push(b);
    } catch {
      // already gone, or the folder stopped answering
    }
  }
  return removed;
}

/** At start: one automatic backup a day is enough; on quit: always, so the day's work is in one. */
export async function automaticBackup(db: Database.Database, databasePath: string, reason: 'start' | 'quit', now: Date = new Date(), force = false): Promise<BackupFile | null> {
  const folder = backupsFolderFor(databasePath);
  return oneAtATime(db.name, async () => {
    const tag = tagOf(db);
    if (reason === 'start' && !force) {
      const today = now.toISOString().slice(0, 10);
      const { backups } = await backupsIn(folder);
      if (backups.some((b) => b.kind === 'auto' && b.tag === tag && b.createdAt.startsWith(today))) return null;
    }
    const made = await backupUnqueued(db, folder, 'auto', now);
    await rotateBackups(folder, tag);
    return made;
  });
}
