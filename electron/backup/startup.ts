import { copyFileSync, existsSync, renameSync } from 'node:fs';
import { backupsFolderFor } from './backup';
import { listBackups, type BackupFile } from './backup-files';
import { swapInDatabaseFile } from './restore';
import { verifyDatabaseFile } from './verify';

/** The newest backup beside the database that passes every check, for the start-up message. */
export function newestGoodBackup(databasePath: string): BackupFile | null {
  for (const b of listBackups(backupsFolderFor(databasePath))) {
    if (verifyDatabaseFile(b.path).ok) return b;
  }
  return null;
}

/**
 * Puts a verified backup in place of a database that cannot be opened. The damaged file is kept
 * beside it under another name, never deleted: it may still hold something worth recovering.
 */
export function replaceFromBackup(databasePath: string, backupPath: string, now: Date = new Date()): { keptDamagedAs: string | null } {
  const check = verifyDatabaseFile(backupPath);
  if (!check.ok) throw new Error(`${backupPath} cannot be used: ${check.reason}`);
  let keptDamagedAs: string | null = null;
  if (existsSync(databasePath)) {
    keptDamagedAs = `${databasePath}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(databasePath, keptDamagedAs);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(databasePath + suffix)) renameSync(databasePath + suffix, keptDamagedAs + suffix);
    }
  }
  const staging = `${databasePath}.restoring`;
  copyFileSync(backupPath, staging);
  swapInDatabaseFile(databasePath, staging);
  return { keptDamagedAs };
}

/** What to tell a person whose database would not open, in words and with the way out. */
export function startupFailureAdvice(databasePath: string, reason: string, restoreHint: (backupPath: string) => string): string {
  const good = newestGoodBackup(databasePath);
  const lines = [`ROMtrack cannot open its database: ${reason}`, 'ROMtrack did not start a new, empty database: your records are not lost.'];
  if (good) {
    lines.push(`The newest good backup is ${good.path}, taken ${good.createdAt.slice(0, 16).replace('T', ' ')} UTC.`, restoreHint(good.path));
  } else {
    lines.push(`No good backup was found in ${backupsFolderFor(databasePath)}. If you have one elsewhere (a USB stick), restore it with:`, restoreHint('PATH-TO-BACKUP'));
  }
  return lines.join('\n');
}
