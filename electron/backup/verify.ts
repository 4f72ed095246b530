import { closeSync, existsSync, openSync, readSync, statSync, unlinkSync } from 'node:fs';
import Database from 'better-sqlite3';
import { checkAuditChain, type ChainCheck } from '../db/audit-chain';
import { applyKey, fileKind } from '../db/database-key';
import { codeOf, messageOf } from '../db/errors';
import { databaseIdentity } from '../db/identity';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { pragmaNumber, pragmaText } from '../db/pragmas';
import { message, type MessageRef } from '../../shared/i18n/message';
import { schemaDifference } from '../db/schema-text';

export type Verdict =
  | { ok: true; schemaVersion: number; patients: number; identity: string | null; auditRows: number | null }
  /** Why not, as a whole sentence in the person's language (shared/i18n/messages/<lang>/backup.ts). */
  | { ok: false; reason: MessageRef };

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
    if (!key && header(path) !== SQLITE_HEADER) return { ok: false, reason: message('backup.verify.notSqlite') };
  } catch (err) {
    return { ok: false, reason: message('backup.verify.unreadable', { code: codeOf(err) ?? messageOf(err) }) };
  }
  try {
    return withReadOnly(path, (db) => inspect(db, { structure: options.structure ?? true, chain: options.chain ?? true }, onProgress), key);
  } catch (err) {
    // An encrypted file and a file that is no database read the same to a key that does not fit.
    if (key && codeOf(err) === 'SQLITE_NOTADB') return { ok: false, reason: message('backup.verify.otherKey') };
    // SQLite's own words (its code where it has one): the same in every language, for whoever helps the clinic.
    return { ok: false, reason: message('backup.verify.cannotOpen', { error: codeOf(err) ?? messageOf(err) }) };
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
  if (result !== 'ok') return { ok: false, reason: message('backup.verify.damaged', { result }) };
  onProgress();
  const version = pragmaNumber(db, 'user_version');
  if (version > LATEST_SCHEMA_VERSION) {
    return { ok: false, reason: message('backup.verify.newer', { version, known: LATEST_SCHEMA_VERSION }) };
  }
  if (version < 1) return { ok: false, reason: message('backup.verify.notRomtrack') };
  const difference = checks.structure ? schemaDifference(db, version) : null;
  if (difference) {
    // The difference names tables and columns, which are SQL: left as they are in every language.
    return { ok: false, reason: message('backup.verify.altered', { version, difference }) };
  }
  let auditRows: number | null = null;
  if (checks.chain && version >= CHAINED_FROM_VERSION) {
    const chain = checkAuditChain(db, onProgress);
    if (!chain.ok) return { ok: false, reason: message('backup.verify.auditAltered', { reason: { message: chainBreak(chain) } }) };
    auditRows = chain.rows;
  }
  const patients = db.prepare<[], number>('SELECT count(*) FROM patients').pluck().get() ?? 0;
  return { ok: true, schemaVersion: version, patients, identity: databaseIdentity(db), auditRows };
}

/** Where the audit chain breaks, in the person's language. */
function chainBreak({ broken: b }: ChainCheck & { ok: false }): MessageRef {
  if (b.kind === 'cut') return message('backup.verify.auditCut', { last: b.seq, highest: b.highest });
  if (b.kind === 'changed') return message('backup.verify.auditChanged', { seq: b.seq, operation: b.operation, at: b.at });
  return b.kind === 'unreadable' ? message('backup.verify.auditUnreadable', { seq: b.seq }) : message('backup.verify.auditOutOfOrder', { seq: b.seq });
}
