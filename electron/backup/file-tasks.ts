import { closeSync, constants, existsSync, fstatSync, fsyncSync, openSync, readSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { checkAuditChain, type ChainCheck } from '../db/audit-chain';
import { applyKey, changeKey, encryptPlainFile, fileKind } from '../db/database-key';
import { message } from '../../shared/i18n/message';
import { AppError } from '../db/errors';
import { PRIVATE_FILE_MODE } from '../db/file-modes';
import { databaseIdentity } from '../db/identity';
import { migrate, schemaVersion } from '../db/migrate';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { CHAINED_FROM_VERSION, keyFor, verifyDatabaseFile, withReadOnly, type Verdict } from './verify';

// The slow, blocking part of backups and restores: SQLite copying and checking whole files, reads from USB
// sticks. Run in a worker thread (run-in-worker.ts), which the app can give up on when a device stops
// answering; each task reports progress so that a slow but working copy is told from a stuck one.

/**
 * A database key as it crosses to the worker: hex, or null for a plain file. The key stays in this process (a
 * worker thread), never on disk or in a message to the renderer.
 */
export type KeyHex = string | null;
const keyOf = (hex: KeyHex | undefined): Buffer | null => (hex ? Buffer.from(hex, 'hex') : null);
export const keyHex = (key: Buffer | null): KeyHex => (key ? key.toString('hex') : null);

/** Called as work goes on; `allowMs` announces a step that may take that long without a word (a full check). */
export type Progress = (allowMs?: number) => void;

/** A full check reads every page: allow it this long per byte, at an old USB stick's speed. */
const allowFor = (path: string) => Math.ceil(statSync(path).size / (2 * 1024 * 1024)) * 1000;

function removeQuietly(...paths: string[]): void {
  for (const p of paths) {
    try {
      unlinkSync(p);
    } catch {
      // not there
    }
  }
}
const withSideFiles = (p: string) => [p, `${p}-journal`, `${p}-wal`, `${p}-shm`];

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
 * A copy's header still says WAL, as its source does: switch it to a plain rollback-journal file, so that
 * opening it later (the check, a restore, a person with a SQLite browser) leaves no -wal and -shm beside it.
 */
function closeAsPlainFile(path: string, key: Buffer | null): void {
  const db = new Database(path);
  try {
    applyKey(db, key);
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/**
 * Gives a copy made from a file opened with `from` the key `to`: a plain copy is encrypted, an encrypted one
 * takes the new key. Only on a file nobody else has open.
 */
function rekeyCopy(path: string, from: Buffer | null, to: Buffer | null): void {
  if (from === to || (from && to && from.equals(to))) return;
  if (!to) throw new Error('An encrypted database is never made into a plain one.');
  const db = new Database(path);
  try {
    applyKey(db, from);
    if (from) changeKey(db, to);
    else encryptPlainFile(db, to);
  } finally {
    db.close();
  }
}

/**
 * Copies the live database with VACUUM INTO (a consistent snapshot while writes go on, encrypted with the
 * connection's key: SQLite's online backup API refuses an encrypted source) under a temporary name, checks every
 * page of the copy, flushes it to disk and only then gives it its real name: a power cut or a pulled USB stick
 * never leaves a file that looks like a good backup but is not. `sourceKey` (default: `key`) opens the source
 * when it differs: a plain database's copy encrypted with its new key (backup/encrypt-at-rest.ts).
 */
async function backup(
  input: { source: string; folder: string; name: string; key: KeyHex; sourceKey?: KeyHex },
  progress: Progress,
): Promise<{ path: string; sizeBytes: number }> {
  const key = keyOf(input.key);
  const sourceKey = input.sourceKey === undefined ? key : keyOf(input.sourceKey);
  const finalPath = join(input.folder, input.name);
  const temp = join(input.folder, `.${input.name}.partial`);
  try {
    // Creating the file ourselves first gives the file system's own reason (read-only, gone, full), which
    // SQLite would blur into "unable to open"; and the mode the copy keeps.
    closeSync(openSync(temp, 'wx', PRIVATE_FILE_MODE));
    // VACUUM INTO says nothing until it is done: announce the time a whole copy may take at a slow stick's speed.
    progress(allowFor(input.source));
    withReadOnly(
      input.source,
      (source) => {
        source.pragma('busy_timeout = 5000');
        source.prepare('VACUUM INTO ?').run(temp);
      },
      sourceKey,
    );
    progress();
    rekeyCopy(temp, fileKind(input.source) === 'plain' ? null : sourceKey, key);
    closeAsPlainFile(temp, key);
    progress(allowFor(temp));
    const check = verifyDatabaseFile(temp, { key, structure: false, chain: false, onProgress: progress });
    if (!check.ok) throw new AppError('internal', message('domain.backup.checkFailed', { reason: { message: check.reason, lower: true } }));
    fsyncPath(temp);
    renameSync(temp, finalPath);
    fsyncPath(input.folder, true);
    return { path: finalPath, sizeBytes: statSync(finalPath).size };
  } catch (err) {
    removeQuietly(...withSideFiles(temp));
    throw err;
  }
}

/** Byte for byte, a MiB at a time with progress between, into a new owner-only file. */
function copyInChunks(source: string, target: string, progress: Progress): void {
  // Non-blocking open: a file swapped for a FIFO since the lstat must not hold this thread (no-op for regular files).
  const from = openSync(source, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    // Opened before anything is read: a file that changed into something else since the lstat is refused here.
    if (!fstatSync(from).isFile()) throw new AppError('invalid_input', message('domain.backup.notRegular', { path: source }), { id: message('domain.backup.notBackupField') });
    const to = openSync(target, 'wx', PRIVATE_FILE_MODE);
    try {
      const buf = Buffer.alloc(1024 * 1024);
      let at = 0;
      for (;;) {
        const n = readSync(from, buf, 0, buf.length, at);
        if (n === 0) break;
        writeSync(to, buf, 0, n);
        at += n;
        progress();
      }
      fsyncSync(to);
    } finally {
      closeSync(to);
    }
  } finally {
    closeSync(from);
  }
}

export type Prepared = (Verdict & { ok: false }) | { ok: true; schemaVersion: number; patients: number; identity: string | null; migrated: boolean };

/**
 * Makes the file a restore will swap in: a copy of the chosen backup beside the database, checked in full
 * (verify.ts), given this database's key, brought up to this app's schema if it is older and checked again,
 * and closed as a plain (rollback-journal) file. The backup is opened with `sourceKey` (the recovery key of
 * another workstation's backup; default `key`); a plain backup from before encryption is encrypted with `key`.
 * The chosen file itself is only read. Nothing here touches the live database.
 */
function prepareRestore(input: { source: string; staging: string; key: KeyHex; sourceKey?: KeyHex }, progress: Progress): Prepared {
  removeQuietly(...withSideFiles(input.staging)); // left by a restore cut short
  const key = keyOf(input.key);
  try {
    copyInChunks(input.source, input.staging, progress);
    progress(allowFor(input.staging));
    const opensWith = keyFor(input.staging, input.sourceKey === undefined ? key : keyOf(input.sourceKey));
    const verdict = verifyDatabaseFile(input.staging, { key: opensWith, onProgress: progress });
    if (!verdict.ok) {
      removeQuietly(...withSideFiles(input.staging));
      return verdict;
    }
    rekeyCopy(input.staging, opensWith, key);
    const rekeyed = opensWith !== key;
    const migrated = verdict.schemaVersion < LATEST_SCHEMA_VERSION;
    if (migrated) {
      const db = new Database(input.staging);
      try {
        applyKey(db, key);
        db.pragma('foreign_keys = ON');
        migrate(db);
      } finally {
        db.close();
      }
    }
    if (migrated || rekeyed) {
      progress(allowFor(input.staging));
      const again = verifyDatabaseFile(input.staging, { key, onProgress: progress });
      if (!again.ok) {
        removeQuietly(...withSideFiles(input.staging));
        return { ok: false, reason: message('backup.verify.failsAfterUpgrade', { reason: { message: again.reason } }) };
      }
    }
    closeAsPlainFile(input.staging, key);
    return { ok: true, schemaVersion: verdict.schemaVersion, patients: verdict.patients, identity: verdict.identity, migrated };
  } catch (err) {
    removeQuietly(...withSideFiles(input.staging));
    throw err;
  }
}

/** The identity each file carries (null for one that cannot be read or is not ours). */
function identify(input: { paths: string[]; key: KeyHex }): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const path of input.paths) {
    try {
      out[path] = existsSync(path) ? withReadOnly(path, (db) => databaseIdentity(db), keyOf(input.key)) : null;
    } catch {
      out[path] = null;
    }
  }
  return out;
}

/** The live database's audit chain, read through a connection of its own (a snapshot; writers go on). */
function checkChain(input: { path: string; key: KeyHex }, progress: Progress): ChainCheck {
  return withReadOnly(
    input.path,
    (db) => {
      const version = schemaVersion(db);
      if (version < CHAINED_FROM_VERSION) return { ok: true, rows: 0, head: '' };
      return checkAuditChain(db, () => progress());
    },
    keyOf(input.key),
  );
}

function inspect(input: { path: string; key: KeyHex }, progress: Progress): Verdict {
  progress(allowFor(input.path));
  return verifyDatabaseFile(input.path, { key: keyOf(input.key), onProgress: progress });
}

export const fileTasks = { backup, prepareRestore, identify, checkChain, inspect };

export type TaskName = keyof typeof fileTasks;
export type TaskInput<K extends TaskName> = Parameters<(typeof fileTasks)[K]>[0];
export type TaskOutput<K extends TaskName> = Awaited<ReturnType<(typeof fileTasks)[K]>>;

/** The same table, seen key by key: indexed with a K, it gives that task's own input and output. */
const TASKS: { [K in TaskName]: (i: TaskInput<K>, p: Progress) => TaskOutput<K> | Promise<TaskOutput<K>> } = fileTasks;

export function runTask<K extends TaskName>(task: K, input: TaskInput<K>, progress: Progress): Promise<TaskOutput<K>> {
  const run = TASKS[task];
  return Promise.resolve().then(() => run(input, progress));
}
