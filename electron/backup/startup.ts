import { existsSync } from 'node:fs';
import { message } from '../../shared/i18n/message';
import { AppError } from '../db/errors';
import { identityTag } from '../db/identity';
import { newestFirst, type BackupFile } from './backup-files';
import { backupsFolderFor, backupsIn, legacyBackupsFolderFor, regularFileOrRefuse } from './folders';
import { moveDatabaseFile } from './restore';
import { keyHex } from './file-tasks';
import { runFileTask } from './run-in-worker';

/** Which database the file is, read even from a damaged one where the first pages still are sound. */
async function identityOfFile(databasePath: string, key: Buffer | null): Promise<string | null> {
  try {
    return (await runFileTask('identify', { paths: [databasePath], key: keyHex(key) }, message('domain.backup.task.reading', { path: databasePath })))[databasePath] ?? null;
  } catch {
    return null;
  }
}

/**
 * The newest backup of this database that passes every check, for the start-up message. Only its own: from its
 * own folder and the old shared one, with its identity (from the damaged file if it can still be read, else
 * the one its own folder's newest backup carries). Another database's backup is never offered, however new.
 */
export async function newestGoodBackup(databasePath: string, key: Buffer | null = null): Promise<BackupFile | null> {
  const identity = await identityOfFile(databasePath, key);
  const own = (await backupsIn(backupsFolderFor(databasePath))).backups.sort(newestFirst);
  const legacy = (await backupsIn(legacyBackupsFolderFor(databasePath))).backups;
  const tag = identity ? identityTag(identity) : own[0]?.tag;
  if (!tag) return null;
  // Untagged names (from before tags) can be told apart only by the identity inside, so only with a known one.
  const candidates = [...own, ...legacy].filter((b) => (b.tag ? b.tag === tag : identity !== null)).sort(newestFirst);
  for (const b of candidates) {
    const verdict = await runFileTask('inspect', { path: b.path, key: keyHex(key) }, message('domain.backup.task.checking', { path: b.path })).catch(() => null);
    if (!verdict?.ok || verdict.identity === null) continue;
    if (identity ? verdict.identity === identity : identityTag(verdict.identity) === tag) return b;
  }
  return null;
}

export interface RestoreKeys {
  /** This workstation's key: the database put in place opens with it. */
  key: Buffer | null;
  /** The key the backup was made with, when it is not `key`: the clinic's recovery key (db/database-key.ts). */
  sourceKey?: Buffer | null;
}

/**
 * Puts a backup in place of a database that cannot be opened (or, with the recovery key, a backup from another
 * computer in a fresh data folder): a copy of it, checked in full and brought up to
 * this version first, exactly as for a restore. The damaged file is kept beside it under another name, never
 * deleted: it may still hold something worth recovering.
 */
export async function replaceFromBackup(databasePath: string, backupPath: string, now: Date = new Date(), keys: RestoreKeys = { key: null }): Promise<{ keptDamagedAs: string | null }> {
  await regularFileOrRefuse(backupPath);
  const staging = `${databasePath}.restoring`;
  const source = keys.sourceKey === undefined ? {} : { sourceKey: keyHex(keys.sourceKey) };
  const prepared = await runFileTask('prepareRestore', { source: backupPath, staging, key: keyHex(keys.key), ...source }, message('domain.backup.task.reading', { path: backupPath }));
  if (!prepared.ok) throw new AppError('internal', message('domain.backup.cannotUse', { path: backupPath, reason: { message: prepared.reason } }));
  let keptDamagedAs: string | null = null;
  if (existsSync(databasePath)) {
    keptDamagedAs = `${databasePath}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
    moveDatabaseFile(databasePath, keptDamagedAs);
  }
  moveDatabaseFile(staging, databasePath);
  return { keptDamagedAs };
}

/** What to tell a person whose database would not open, in words and with the way out. */
export async function startupFailureAdvice(databasePath: string, reason: string, restoreHint: (backupPath: string) => string, good?: BackupFile | null, key: Buffer | null = null): Promise<string> {
  const newest = good === undefined ? await newestGoodBackup(databasePath, key) : good;
  const lines = [`ROMtrack cannot open its database: ${reason}`, 'ROMtrack did not start a new, empty database: your records are not lost.'];
  if (newest) {
    lines.push(`The newest good backup of this database is ${newest.path}, taken ${newest.createdAt.slice(0, 16).replace('T', ' ')} UTC.`, restoreHint(newest.path));
  } else {
    lines.push(`No good backup of this database was found in ${backupsFolderFor(databasePath)}. If you have one elsewhere (a USB stick), restore it with:`, restoreHint('PATH-TO-BACKUP'));
  }
  return lines.join('\n');
}
