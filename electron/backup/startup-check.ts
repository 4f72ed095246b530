import type Database from 'better-sqlite3';
import { checkOnOpen } from '../db/open';
import { automaticBackup } from './backup';
import type { BackupFile } from './backup-files';

export interface StartupCheck {
  backup: BackupFile | null;
  /** Set when the deferred check found the database damaged: say it loudly, the records are at risk. */
  damage: string | null;
  /** A backup failure that says nothing about the database itself (a full disk, say). */
  warning: string | null;
}

/**
 * The start-up backup, which for a large database is also its integrity check: when the check on open was
 * deferred, a backup is taken at every start (not once a day) and its page-for-page copy is checked in full.
 * Damage in the database is copied with it, so a copy that fails its check means the database is damaged.
 */
export async function startupBackupAndCheck(db: Database.Database, databasePath: string, now: Date = new Date()): Promise<StartupCheck> {
  const deferred = checkOnOpen(db) === 'deferred';
  try {
    return { backup: await automaticBackup(db, databasePath, 'start', now, deferred), damage: null, warning: null };
  } catch (err) {
    const message = (err as Error).message;
    if (deferred && /check|malformed|corrupt/i.test(message)) {
      return {
        backup: null,
        damage: `ROMtrack's start-up check found the database at ${databasePath} damaged (${message}). Stop recording, and restore the newest good backup (Settings, Backups) before going on.`,
        warning: null,
      };
    }
    return { backup: null, damage: null, warning: `The start-up backup failed: ${message}` };
  }
}
