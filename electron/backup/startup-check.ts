import type Database from 'better-sqlite3';
import { messageOf } from '../db/errors';
import { checkOnOpen } from '../db/open';
import { automaticBackup } from './backup';
import type { BackupFile } from './backup-files';
import { runFileTask } from './run-in-worker';

export interface StartupCheck {
  backup: BackupFile | null;
  /** Set when the deferred check found the database damaged: say it loudly, the records are at risk. */
  damage: string | null;
  /** Set when the audit log's hash chain is broken: someone changed the log outside ROMtrack. Say it loudly too. */
  auditLog: string | null;
  /** A backup failure that says nothing about the database itself (a full disk, say). */
  warning: string | null;
}

/**
 * The start-up backup, which for a large database is also its integrity check: when the check on open was
 * deferred, a backup is taken at every start (not once a day) and its page-for-page copy is checked in full.
 * Damage in the database is copied with it, so a copy that fails its check means the database is damaged.
 * Then the audit log's hash chain is walked, in a worker on a connection of its own, so a large log (100,000
 * rows take well under a second, see docs/architecture.md) never holds up the first screen. A broken chain is
 * reported, never repaired: it is the evidence.
 */
export async function startupBackupAndCheck(db: Database.Database, databasePath: string, now: Date = new Date()): Promise<StartupCheck> {
  const deferred = checkOnOpen(db) === 'deferred';
  const result: StartupCheck = { backup: null, damage: null, auditLog: null, warning: null };
  try {
    result.backup = await automaticBackup(db, databasePath, 'start', now, deferred);
  } catch (err) {
    const message = messageOf(err);
    if (deferred && /check|malformed|corrupt/i.test(message)) {
      result.damage = `ROMtrack's start-up check found the database at ${databasePath} damaged (${message}). Stop recording, and restore the newest good backup (Settings, Backups) before going on.`;
      return result;
    }
    result.warning = `The start-up backup failed: ${message}`;
  }
  try {
    result.auditLog = await auditLogProblem(databasePath);
  } catch (err) {
    result.warning = [result.warning, `The audit log could not be checked: ${messageOf(err)}`].filter(Boolean).join(' ');
  }
  return result;
}

/** Null when the audit log's chain is whole; else what to tell the person, loudly. */
export async function auditLogProblem(databasePath: string): Promise<string | null> {
  const chain = await runFileTask('checkChain', { path: databasePath }, 'The audit log check');
  if (chain.ok) return null;
  return `The audit log of ${databasePath} was changed outside ROMtrack: ${chain.reason}. The record of who changed what can no longer be trusted from that row on. Keep this file as it is (it is the evidence), tell whoever is responsible for the clinic's records, and compare with a backup.`;
}
