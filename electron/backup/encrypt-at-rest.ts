// Encryption at rest, at start: the key for the database is found (or made, for a new database), and a plain
// database from an older ROMtrack is encrypted before anything else opens it, after a backup, with nothing lost.
import { closeSync, constants, copyFileSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, unlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { englishText, message, type MessageParam, type MessageRef } from '../../shared/i18n/message';
import { fileKind, newDatabaseKey, type KeySource } from '../db/database-key';
import { AppError, messageOf } from '../db/errors';
import { openDatabase } from '../db/open';
import { tagOf } from './backup';
import { backupName } from './backup-files';
import { keyHex } from './file-tasks';
import { backupsFolderFor, backupsIn, ensureFolder } from './folders';
import { runFileTask } from './run-in-worker';
import { withReadOnly } from './verify';

export interface Encrypted {
  /** The encrypted backup taken of the plain database first: the way back if anything turns out wrong. */
  backup: string;
  /** Rows per table, the same before and after (checked). */
  rows: Record<string, number>;
  /** Plain backups in the database's own backups folder, now encrypted with the same key. */
  backupsEncrypted: number;
  /** Plain backups that could not be encrypted (damaged, say), with why: left as they were, for a person to decide. */
  backupsLeftPlain: LeftPlain[];
}

/** A plain backup that could not be encrypted, and why (its message id, or the file system's own words). */
export interface LeftPlain {
  path: string;
  reason: MessageParam;
}

export interface PreparedKey {
  key: Buffer;
  /** Set when this start encrypted a plain database. */
  encrypted: Encrypted | null;
}

/**
 * The key to open the database at `databasePath` with. A new database gets a new random key, kept by `source`.
 * An encrypted database whose key is missing is refused with the way out (the recovery key), never replaced by a
 * new, empty one. A plain database (from before encryption) is encrypted here, once.
 */
export async function prepareDatabaseKey(databasePath: string, source: KeySource, now: Date = new Date()): Promise<PreparedKey> {
  const kind = fileKind(databasePath);
  let key = source.load();
  if (!key) {
    if (kind === 'other') {
      throw new AppError('internal', message('domain.encryption.keyMissing', { path: databasePath, where: { message: source.where } }));
    }
    key = newDatabaseKey();
    source.store(key);
  }
  const encrypted = kind === 'plain' ? await encryptPlainDatabase(databasePath, key, now) : null;
  return { key, encrypted };
}

/** Every table's row count: what must be the same after the encryption. */
export function rowCounts(db: Database.Database): Record<string, number> {
  const tables = db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
  return Object.fromEntries(tables.map((t) => [t, db.prepare<[], number>(`SELECT count(*) FROM "${t.replace(/"/g, '""')}"`).pluck().get() ?? 0]));
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot fsync a folder; the files themselves were.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * What a start cut short by a power cut may have left: the encrypted copy, or a copy still plain (VACUUM INTO
 * writes the plain pages before they are encrypted). Removed, so no plain copy of the records stays behind.
 */
function removeLeftovers(databasePath: string): void {
  const staging = `${databasePath}.encrypting`;
  const folder = backupsFolderFor(databasePath);
  const partials = existsSync(folder) ? readdirSync(folder).filter((f) => f.startsWith('.romtrack-') && f.endsWith('.partial')).map((f) => join(folder, f)) : [];
  for (const f of [staging, `${staging}-journal`, ...partials]) if (existsSync(f)) unlinkSync(f);
}

/**
 * Encrypts a plain database: an encrypted, checked backup first (into its backups folder), then a copy of it beside
 * the database, whose every table must hold as many rows as the original, takes the database's name in one rename.
 * A power cut at any point leaves either the plain database (and the next start does this again) or the encrypted
 * one; never neither. SQLite3 Multiple Ciphers' in-place rekey is not used: a cut in the middle of
 * it leaves a file half plain, half encrypted.
 */
async function encryptPlainDatabase(databasePath: string, key: Buffer, now: Date): Promise<Encrypted> {
  const staging = `${databasePath}.encrypting`;
  removeLeftovers(databasePath);
  const db = openDatabase(databasePath, { migrate: false });
  let rows: Record<string, number>;
  let backup: string;
  try {
    rows = rowCounts(db);
    const folder = backupsFolderFor(databasePath);
    await ensureFolder(folder, 2);
    const name = backupName(now, 'auto', tagOf(db));
    backup = (await runFileTask('backup', { source: databasePath, folder, name, key: keyHex(key), sourceKey: null }, message('domain.backup.task.backupBeforeEncryption'))).path;
    // The checked, encrypted backup is the new database too: a byte copy costs a fraction of a second copy and check.
    copyFileSync(backup, staging, constants.COPYFILE_EXCL);
    fsyncFile(staging);
    const after = withReadOnly(staging, rowCounts, key);
    if (!sameCounts(rows, after)) {
      unlinkSync(staging);
      throw new AppError('internal', message('domain.encryption.rowsDiffer', { path: databasePath, before: JSON.stringify(rows), after: JSON.stringify(after) }));
    }
  } finally {
    db.close();
  }
  // Closing the last connection checkpoints the WAL into the file and removes it. A WAL still there means another
  // ROMtrack has the file open: swapping the file under it would lose its next writes.
  if (existsSync(`${databasePath}-wal`)) {
    unlinkSync(staging);
    throw new AppError('conflict', message('domain.encryption.openElsewhere', { path: databasePath }));
  }
  if (existsSync(`${databasePath}-shm`)) unlinkSync(`${databasePath}-shm`);
  renameSync(staging, databasePath);
  fsyncFolder(dirname(resolve(databasePath)));
  return { backup, rows, ...(await encryptPlainBackups(backupsFolderFor(databasePath), key)) };
}

/**
 * The plain backups an older ROMtrack left in the database's own folder are encrypted with its key too: each is
 * copied encrypted and checked, then takes the plain file's name in one rename. Backups elsewhere (a USB stick, the
 * old shared folder that may hold another database's) are not reached here; README says what to do with them.
 */
async function encryptPlainBackups(folder: string, key: Buffer): Promise<{ backupsEncrypted: number; backupsLeftPlain: LeftPlain[] }> {
  const { backups } = await backupsIn(folder);
  let backupsEncrypted = 0;
  const backupsLeftPlain: LeftPlain[] = [];
  for (const b of backups) {
    if (fileKind(b.path) !== 'plain') continue;
    try {
      const made = await runFileTask('backup', { source: b.path, folder, name: `${b.name}.encrypting`, key: keyHex(key), sourceKey: null }, message('domain.backup.task.encrypting', { path: b.path }));
      renameSync(made.path, b.path);
      backupsEncrypted++;
    } catch (err) {
      backupsLeftPlain.push({ path: b.path, reason: err instanceof AppError ? { message: err.messageRef } : messageOf(err) });
    }
  }
  fsyncFolder(folder);
  return { backupsEncrypted, backupsLeftPlain };
}

/** What to say after a start that encrypted the database, as messages (the language is the reader's). */
export function encryptionNotice(databasePath: string, e: Encrypted): MessageRef[] {
  const rows = Object.values(e.rows).reduce((a, b) => a + b, 0);
  return [
    message('backup.encrypted.database', { path: databasePath, tables: Object.keys(e.rows).length, rows: { number: rows }, backup: e.backup }),
    message('backup.encrypted.older', { count: e.backupsEncrypted, folder: backupsFolderFor(databasePath) }),
    ...e.backupsLeftPlain.map((left) => message('backup.encrypted.leftPlain', { path: left.path, reason: left.reason })),
  ];
}

/**
 * The notice as the console prints it, in English: it is printed as the app starts, before the clinic's
 * language can be read from the database.
 */
export function describeEncryption(databasePath: string, e: Encrypted): string[] {
  return encryptionNotice(databasePath, e).map((ref) => englishText(ref));
}
