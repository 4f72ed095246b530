import { closeSync, existsSync, openSync, readSync, statSync, unlinkSync } from 'node:fs';
import Database from 'better-sqlite3';
import { checkAuditChain } from '../db/audit-chain';
import { applyKey, fileKind } from '../db/database-key';
import { codeOf, messageOf } from '../db/errors';
import { databaseIdentity } from '../db/identity';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { pragmaNumber, pragmaText } from '../db/pragmas';
import { schemaDifference } from '../db/schema-text';

export type Verdict =
  | { ok: true; schemaVersion: number; patients: number; identity: string | null; auditRows: number | null }
  | { ok: false; reason: string };

const SQLITE_HEADER = 'SQLite format 3\0';
/** The first version whose audit log carries its hash chain (migration 9). */
export const CHAINED_FROM_VERSION = 9;

/**
 * Opens a file read-only for a look inside and closes it again, leaving the folder as it was. A backup copied
 * from a WAL database still says WAL in its header (backups from before migration 9 do), and SQLite then
 * creates -wal and -shm beside it even read-only; those are removed if this look made them.
 */
export function withReadOnly<T>(path: string, look: (db: Database.Database) => T, key: Buffer | null = null): T {
  const sideFiles = [`${path}-wal`, `${path}-shm`].filter((f) => !existsSync(f));
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    applyKey(db, keyFor(path, key));
    return look(db);
  } finally {
    db.close();
    for (const f of sideFiles) {
      try {
        // A read-only connection never writes the WAL: an empty one is only the side effect of looking.
        if (existsSync(f) && (f.endsWith('-shm') || statSync(f).size === 0)) unlinkSync(f);
      } catch {
        // not ours to remove after all
      }
    }
  }
}

/**
 * The key to open a file with: none for a plain SQLite file (a backup from before encryption, which a restore
 * still accepts and encrypts), else the key given.
 */
export function keyFor(path: string, key: Buffer | null): Buffer | null {
  return key && fileKind(path) !== 'plain' ? key : null;
}

function header(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    readSync(fd, buf, 0, 16, 0);
    return buf.toString('latin1');
  } finally {
    closeSync(fd);
  }
}

const ENCRYPTED_ELSEWHERE =
  "It is encrypted with another key (made on another computer, or this workstation's key was replaced): restore it with the clinic's recovery key (npm run serve -- --restore-from FILE --recovery-key KEY).";

/**
 * Is this file a sound ROMtrack database this app can restore? Opened read-only, so checking a file never
 * changes it. Every page is checked (integrity_check); every table, index and trigger must be exactly what the
 * migrations make at its user_version, and nothing more; the audit log's hash chain must be whole. A file that
 * merely has tables with the right names, or a version number of 0, is not ours.
 * Synchronous and slow on large files: the app runs it in a worker (file-tasks.ts), tests call it directly.
 */
export function verifyDatabaseFile(path: string, options: VerifyOptions = {}): Verdict {
  const onProgress = options.onProgress ?? (() => {});
  const key = options.key ?? null;
  try {
    // Without a key only a plain file can be a database; with one, anything else is tried with the key.
    if (!key && header(path) !== SQLITE_HEADER) return { ok: false, reason: 'This file is not a database (it is not SQLite at all), or it is encrypted and no key was given.' };
  } catch (err) {
    return { ok: false, reason: `The file cannot be read (${codeOf(err) ?? messageOf(err)}).` };
  }
  try {
    return withReadOnly(path, (db) => inspect(db, { structure: options.structure ?? true, chain: options.chain ?? true }, onProgress), key);
  } catch (err) {
    // An encrypted file and a file that is no database read the same to a key that does not fit.
    if (key && codeOf(err) === 'SQLITE_NOTADB') return { ok: false, reason: `This file is not a ROMtrack database, or: ${ENCRYPTED_ELSEWHERE}` };
    return { ok: false, reason: `The database cannot be read: ${messageOf(err)}.` };
  }
}

export interface VerifyOptions {
  /** The key of an encrypted file (a plain SQLite file is opened without it). */
  key?: Buffer | null;
  /**
   * Off only for the check of a fresh backup copy: a copy must be made even of a database whose schema or audit
   * log was tampered with (it is the evidence); its pages are what that check is for. On for anything restored.
   */
  structure?: boolean;
  chain?: boolean;
  /** Called between the long steps, so a worker can show it is still going. */
  onProgress?: () => void;
}

function inspect(db: Database.Database, checks: { structure: boolean; chain: boolean }, onProgress: () => void): Verdict {
  const result = pragmaText(db, 'integrity_check');
  if (result !== 'ok') return { ok: false, reason: `The database is damaged: its integrity check failed (${result}).` };
  onProgress();
  const version = pragmaNumber(db, 'user_version');
  if (version > LATEST_SCHEMA_VERSION) {
    return { ok: false, reason: `It was written by a newer ROMtrack (schema ${version}; this app knows up to ${LATEST_SCHEMA_VERSION}). Install the newer ROMtrack first.` };
  }
  if (version < 1) return { ok: false, reason: 'This is an SQLite database, but not a ROMtrack one (it has no ROMtrack schema version).' };
  const difference = checks.structure ? schemaDifference(db, version) : null;
  if (difference) {
    return { ok: false, reason: `This is not a ROMtrack database as schema version ${version} makes it (${difference}): it was altered, or made by something else.` };
  }
  let auditRows: number | null = null;
  if (checks.chain && version >= CHAINED_FROM_VERSION) {
    const chain = checkAuditChain(db, onProgress);
    if (!chain.ok) return { ok: false, reason: `Its audit log was altered: ${chain.reason}. Records whose history cannot be trusted are not restored.` };
    auditRows = chain.rows;
  }
  const patients = db.prepare<[], number>('SELECT count(*) FROM patients').pluck().get() ?? 0;
  return { ok: true, schemaVersion: version, patients, identity: databaseIdentity(db), auditRows };
}
