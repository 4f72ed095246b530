import { closeSync, constants, existsSync, fstatSync, fsyncSync, openSync, readSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { checkAuditChain, type ChainCheck } from '../db/audit-chain';
import { AppError } from '../db/errors';
import { PRIVATE_FILE_MODE } from '../db/file-modes';
import { databaseIdentity } from '../db/identity';
import { migrate, schemaVersion } from '../db/migrate';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { CHAINED_FROM_VERSION, verifyDatabaseFile, withReadOnly, type Verdict } from './verify';

// The slow, blocking part of backups and restores: SQLite copying and checking whole files, reads from USB
// sticks. Run in a worker thread (run-in-worker.ts), which the app can give up on when a device stops
// answering; each task reports progress so that a slow but working copy is told from a stuck one.

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
function closeAsPlainFile(path: string): void {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/**
 * Copies the live database with SQLite's online backup API (a consistent snapshot while writes go on) under
 * a temporary name, checks every page of the copy, flushes it to disk and only then gives it its real name:
 * a power cut or a pulled USB stick never leaves a file that looks like a good backup but is not.
 */
async function backup(input: { source: string; folder: string; name: string }, progress: Progress): Promise<{ path: string; sizeBytes: number }> {
  const finalPath = join(input.folder, input.name);
  const temp = join(input.folder, `.${input.name}.partial`);
  try {
    // Creating the file ourselves first gives the file system's own reason (read-only, gone, full), which
    // SQLite would blur into "unable to open"; and the mode the copy keeps.
    closeSync(openSync(temp, 'wx', PRIVATE_FILE_MODE));
    const source = new Database(input.source, { readonly: true, fileMustExist: true });
    try {
      source.pragma('busy_timeout = 5000');
      // 100 pages a step, better-sqlite3's own rate, with a word of progress after each.
      await source.backup(temp, {
        progress: () => {
          progress();
          return 100;
        },
      });
    } finally {
      source.close();
    }
    closeAsPlainFile(temp);
    progress(allowFor(temp));
    const check = verifyDatabaseFile(temp, { structure: false, chain: false, onProgress: progress });
    if (!check.ok) throw new AppError('internal', `The backup copy failed its check (${check.reason}); it was discarded. Try again.`);
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
    if (!fstatSync(from).isFile()) throw new AppError('invalid_input', `${source} is not a regular file. Nothing was changed.`, { id: 'This is not a backup file.' });
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
 * (verify.ts), brought up to this app's schema if it is older and checked again, and closed as a plain file.
 * The chosen file itself is only read. Nothing here touches the live database.
 */
function prepareRestore(input: { source: string; staging: string }, progress: Progress): Prepared {
  removeQuietly(...withSideFiles(input.staging)); // left by a restore cut short
  try {
    copyInChunks(input.source, input.staging, progress);
    progress(allowFor(input.staging));
    const verdict = verifyDatabaseFile(input.staging, { onProgress: progress });
    if (!verdict.ok) {
      removeQuietly(...withSideFiles(input.staging));
      return verdict;
    }
    const migrated = verdict.schemaVersion < LATEST_SCHEMA_VERSION;
    if (migrated) {
      const db = new Database(input.staging);
      try {
        db.pragma('foreign_keys = ON');
        migrate(db);
      } finally {
        db.close();
      }
      progress(allowFor(input.staging));
      const again = verifyDatabaseFile(input.staging, { onProgress: progress });
      if (!again.ok) {
        removeQuietly(...withSideFiles(input.staging));
        return { ok: false, reason: `Brought up to this version of ROMtrack, it fails its check: ${again.reason}` };
      }
    }
    closeAsPlainFile(input.staging);
    return { ok: true, schemaVersion: verdict.schemaVersion, patients: verdict.patients, identity: verdict.identity, migrated };
  } catch (err) {
    removeQuietly(...withSideFiles(input.staging));
    throw err;
  }
}

/** The identity each file carries (null for one that cannot be read or is not ours). */
function identify(input: { paths: string[] }): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const path of input.paths) {
    try {
      out[path] = existsSync(path) ? withReadOnly(path, (db) => databaseIdentity(db)) : null;
    } catch {
      out[path] = null;
    }
  }
  return out;
}

/** The live database's audit chain, read through a connection of its own (a snapshot; writers go on). */
function checkChain(input: { path: string }, progress: Progress): ChainCheck {
  return withReadOnly(input.path, (db) => {
    const version = schemaVersion(db);
    if (version < CHAINED_FROM_VERSION) return { ok: true, rows: 0, head: '' };
    return checkAuditChain(db, () => progress());
  });
}

function inspect(input: { path: string }, progress: Progress): Verdict {
  progress(allowFor(input.path));
  return verifyDatabaseFile(input.path, { onProgress: progress });
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
