import type Database from 'better-sqlite3';
import { message } from '../../shared/i18n/message';
import { AppMetaRepository } from '../db/app-meta-repository';
import { messageOf } from '../db/errors';
import { checkOnOpen, databaseKeyOf } from '../db/open';
import { automaticBackup } from './backup';
import type { BackupFile } from './backup-files';
import { keyHex } from './file-tasks';
import { runFileTask } from './run-in-worker';

export interface StartupCheck {
  backup: BackupFile | null;
  /** Set when the deferred check found the database damaged: say it loudly, the records are at risk. */
  damage: string | null;
  /** Set when the audit log's hash chain is broken: someone changed the log outside ROMtrack. Say it loudly too. */
  auditLog: string | null;
  /** A backup failure that says nothing about the database itself (a full disk, say). */
  warning: string | null;
  /** Whether this start ran the day's full check (every page, and the audit chain), or it had already run today. */
  fullCheck: 'ran' | 'done today';
}

/** app_meta key: when the last full check of this file completed (ISO time), written only once it has. */
export const FULL_CHECK_COMPLETED_KEY = 'full_check_completed_at';

/** The workstation's own calendar day: a clinic's day, not UTC's, so the check never moves into its morning. */
function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Whether the day's full check is still to run: never completed, or last completed on another day. */
export function fullCheckDue(db: Database.Database, now: Date): boolean {
  let last: string | null;
  try {
    last = new AppMetaRepository(db).get(FULL_CHECK_COMPLETED_KEY);
  } catch {
    return true; // a file that cannot even say when it was checked is the one to check now
  }
  const at = last === null ? Number.NaN : Date.parse(last);
  return Number.isNaN(at) || localDay(new Date(at)) !== localDay(now);
}

/**
 * The start-up checks, at most once a day in full. Every open checks the file's structure (db/open.ts; a small
 * file in full). The full check reads every page: for a large file, through the start-up backup, whose
 * page-for-page copy is checked in full (damage in the database is copied with it, so a copy that fails its check
 * means the database is damaged); then the audit log's hash chain is walked. Both run in a worker thread on a
 * connection of their own, so the first screen and the day's work never wait for them. A broken chain is
 * reported, never repaired: it is the evidence.
 *
 * Its completion is written to app_meta only once both finished: a check cut short (a power cut, the app closed,
 * a full disk) leaves the mark as it was, so the next start runs it again from the beginning. The check has no
 * state to resume; a copy cut short by a power cut is only a `.partial` file, never a backup.
 */
export async function startupBackupAndCheck(db: Database.Database, databasePath: string, now: Date = new Date()): Promise<StartupCheck> {
  const due = fullCheckDue(db, now);
  const deferred = checkOnOpen(db) === 'deferred';
  const result: StartupCheck = { backup: null, damage: null, auditLog: null, warning: null, fullCheck: due ? 'ran' : 'done today' };
  let pagesChecked = !deferred;
  try {
    result.backup = await automaticBackup(db, databasePath, 'start', now, due && deferred);
    if (result.backup) pagesChecked = true;
  } catch (err) {
    const message = messageOf(err);
    if (due && deferred && /check|malformed|corrupt/i.test(message)) {
      result.damage = `ROMtrack's start-up check found the database at ${databasePath} damaged (${message}). Stop recording, and restore the newest good backup (Settings, Backups) before going on.`;
      return result;
    }
    result.warning = `The start-up backup failed: ${message}`;
  }
  if (!due) return result;
  let chainChecked = false;
  try {
    result.auditLog = await auditLogProblem(databasePath, databaseKeyOf(db));
    chainChecked = true;
  } catch (err) {
    result.warning = [result.warning, `The audit log could not be checked: ${messageOf(err)}`].filter(Boolean).join(' ');
  }
  if (pagesChecked && chainChecked) {
    try {
      new AppMetaRepository(db).set(FULL_CHECK_COMPLETED_KEY, now.toISOString());
    } catch (err) {
      result.warning = [result.warning, `The completed check could not be noted (${messageOf(err)}); it runs again at the next start.`].filter(Boolean).join(' ');
    }
  }
  return result;
}

/** Null when the audit log's chain is whole; else what to tell the person, loudly. */
export async function auditLogProblem(databasePath: string, key: Buffer | null = null): Promise<string | null> {
  const chain = await runFileTask('checkChain', { path: databasePath, key: keyHex(key) }, message('domain.backup.task.auditCheck'));
  if (chain.ok) return null;
  return `The audit log of ${databasePath} was changed outside ROMtrack: ${chain.reason}. The record of who changed what can no longer be trusted from that row on. Keep this file as it is (it is the evidence), tell whoever is responsible for the clinic's records, and compare with a backup.`;
}
