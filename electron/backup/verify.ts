import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';

export type Verdict = { ok: true; schemaVersion: number; patients: number } | { ok: false; reason: string };

const SQLITE_HEADER = 'SQLite format 3\0';
// Tables every ROMtrack database has had since its first version.
const OUR_TABLES = ['app_meta', 'patients', 'audit_log'];

/**
 * Is this file a sound ROMtrack database this app can open? Opened read-only, so checking a file
 * (a backup on a USB stick, a file chosen for restore) never changes it.
 */
export function verifyDatabaseFile(path: string): Verdict {
  let header: string;
  try {
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(16);
      readSync(fd, buf, 0, 16, 0);
      header = buf.toString('latin1');
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    return { ok: false, reason: `The file cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).` };
  }
  if (header !== SQLITE_HEADER) return { ok: false, reason: 'This file is not a database (it is not SQLite at all).' };
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const result = db.pragma('integrity_check', { simple: true }) as string;
    if (result !== 'ok') return { ok: false, reason: `The database is damaged: its integrity check failed (${result}).` };
    const tables = new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name));
    if (!OUR_TABLES.every((t) => tables.has(t))) return { ok: false, reason: 'This is an SQLite database, but not a ROMtrack one.' };
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (schemaVersion > LATEST_SCHEMA_VERSION) {
      return { ok: false, reason: `It was written by a newer ROMtrack (schema ${schemaVersion}; this app knows up to ${LATEST_SCHEMA_VERSION}). Install the newer ROMtrack first.` };
    }
    const patients = (db.prepare('SELECT count(*) AS n FROM patients').get() as { n: number }).n;
    return { ok: true, schemaVersion, patients };
  } catch (err) {
    return { ok: false, reason: `The database cannot be read: ${(err as Error).message}.` };
  } finally {
    db?.close();
  }
}

/**
 * The same check in a worker thread when running compiled (the app); in place when running from
 * TypeScript sources (tests), where a worker cannot load a .ts file.
 */
export function verifyDatabaseFileOffThread(path: string): Promise<Verdict> {
  const worker = join(__dirname, 'verify-worker.js');
  if (!__filename.endsWith('.js') || !existsSync(worker)) return Promise.resolve(verifyDatabaseFile(path));
  return new Promise((resolve) => {
    const w = new Worker(worker, { workerData: path });
    w.once('message', (v: Verdict) => {
      resolve(v);
      void w.terminate();
    });
    // A worker that cannot start (a packaging quirk) must not cost the backup its check: check in place.
    w.once('error', () => resolve(verifyDatabaseFile(path)));
  });
}
