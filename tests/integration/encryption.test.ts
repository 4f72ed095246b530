// Encryption at rest (issue 18, item 5): the database, its WAL and its backups are unreadable without the key;
// a key that does not fit is refused with the way out and never costs the records; a backup opens on another
// computer with the printed recovery key.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/api/backend';
import { createBackup, backupsFolderFor } from '../../electron/backup/backup';
import { prepareDatabaseKey } from '../../electron/backup/encrypt-at-rest';
import { restoreDatabase } from '../../electron/backup/restore';
import { replaceFromBackup } from '../../electron/backup/startup';
import { restoreKeys } from '../../electron/cli/database-key-option';
import { message } from '../../shared/i18n/message';
import { defaultKeyFilePath, formatRecoveryKey, keyFileSource, newDatabaseKey } from '../../electron/db/database-key';
import { openDatabase } from '../../electron/db/open';
import { makeTempDir } from '../support/temp-dir';

const PATIENT = { familyName: 'Asantewaa', givenNames: 'Yaa Serwaa', clinicId: 'RRC-7781', dateOfBirth: '1961-07-04', sex: 'female' as const };
const NAMES = ['Asantewaa', 'Serwaa', 'RRC-7781', '1961-07-04'];
const SQLITE_HEADER = 'SQLite format 3';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

function folder() {
  const tmp = makeTempDir('romtrack-enc-');
  cleanups.push(tmp.cleanup);
  return tmp;
}

/** A workstation as server mode starts it: the key file beside the database, made at the first start. */
async function workstation(dbPath: string): Promise<{ backend: Backend; key: Buffer }> {
  const { key } = await prepareDatabaseKey(dbPath, keyFileSource(defaultKeyFilePath(dbPath)));
  const backend = createBackend({ databasePath: dbPath, mode: 'server', key });
  cleanups.push(() => backend.context.db.open && backend.close());
  return { backend, key };
}

function addPatient(backend: Backend): string {
  return backend.context.transaction(() => backend.context.repos.patients.insert(PATIENT, backend.context.now()).id);
}

function patientsIn(backend: Backend): string[] {
  return backend.context.db.prepare<[], string>('SELECT family_name FROM patients').pluck().all();
}

/** What `strings` would show an attacker: the file's bytes, searched for the header and for every name. */
function readable(path: string): string[] {
  const bytes = readFileSync(path);
  const found = NAMES.filter((n) => bytes.includes(Buffer.from(n, 'utf8')) || bytes.includes(Buffer.from(n, 'utf16le')));
  if (bytes.subarray(0, SQLITE_HEADER.length).toString('latin1') === SQLITE_HEADER) found.push(SQLITE_HEADER);
  return found;
}

describe('encryption at rest', () => {
  it('keeps the database, its WAL and a backup unreadable without the key', async () => {
    const tmp = folder();
    const { backend } = await workstation(tmp.dbPath);
    addPatient(backend);
    // One insert stays in the WAL (SQLite checkpoints at 1,000 pages): the WAL is what is searched first.
    expect(statSync(`${tmp.dbPath}-wal`).size).toBeGreaterThan(0);
    expect(readable(`${tmp.dbPath}-wal`)).toEqual([]);
    const backup = await createBackup(backend.context.db, join(tmp.dir, 'usb'), 'manual');
    backend.context.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readable(tmp.dbPath)).toEqual([]);
    expect(readable(backup.path)).toEqual([]);
    // The key file is this user's only, and holds the key itself: never a copy of it in the backups folder.
    expect(statSync(defaultKeyFilePath(tmp.dbPath)).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(tmp.dir, 'usb'))).toEqual([backup.name]);
    // Without the key, SQLite sees no database at all.
    const raw = new Database(backup.path, { readonly: true });
    expect(() => raw.prepare('SELECT count(*) FROM patients').get()).toThrow(/not a database/);
    raw.close();
  });

  it('refuses a key that does not fit with the way out, and changes nothing', async () => {
    const tmp = folder();
    const { backend } = await workstation(tmp.dbPath);
    addPatient(backend);
    backend.close();
    const before = readFileSync(tmp.dbPath);
    expect(() => openDatabase(tmp.dbPath, { key: newDatabaseKey(), keyWhere: message('backup.keyFile.where', { path: '/x' }) })).toThrow(
      /cannot be opened with this workstation's key \(the key file \/x\).*did not start a new, empty database.*recovery key/s,
    );
    expect(readFileSync(tmp.dbPath).equals(before)).toBe(true);
  });

  it('refuses to start when the key file is missing, without making a new key or an empty database', async () => {
    const tmp = folder();
    const { backend } = await workstation(tmp.dbPath);
    addPatient(backend);
    backend.close();
    const before = readFileSync(tmp.dbPath);
    const lost = join(tmp.dir, 'elsewhere.key');
    await expect(prepareDatabaseKey(tmp.dbPath, keyFileSource(lost))).rejects.toThrow(/is encrypted, and this workstation's key \(the key file .*elsewhere\.key\) is missing.*recovery key/s);
    expect(existsSync(lost)).toBe(false);
    expect(readFileSync(tmp.dbPath).equals(before)).toBe(true);
  });

  it('restores a backup on a fresh data folder with the recovery key, which then opens with that workstation’s own key', async () => {
    const clinic = folder();
    const { backend, key } = await workstation(clinic.dbPath);
    addPatient(backend);
    const backup = await createBackup(backend.context.db, join(clinic.dir, 'usb'), 'manual');
    const recoveryKey = formatRecoveryKey(key);

    const fresh = folder();
    // A typing slip in the printed key is caught before anything is written.
    const slip = (recoveryKey.startsWith('7') ? '8' : '7') + recoveryKey.slice(1);
    expect(() => restoreKeys(fresh.dbPath, undefined, slip)).toThrow(/typing mistake/);
    expect(existsSync(defaultKeyFilePath(fresh.dbPath))).toBe(false);
    // Another clinic's key is refused with what to do.
    await expect(replaceFromBackup(fresh.dbPath, backup.path, new Date(), { key: newDatabaseKey(), sourceKey: newDatabaseKey() })).rejects.toThrow(/encrypted with another key.*recovery key/s);
    expect(existsSync(fresh.dbPath)).toBe(false);

    await replaceFromBackup(fresh.dbPath, backup.path, new Date(), restoreKeys(fresh.dbPath, undefined, recoveryKey.toLowerCase()));
    const there = await workstation(fresh.dbPath);
    expect(there.key.equals(key)).toBe(false);
    expect(patientsIn(there.backend)).toEqual([PATIENT.familyName]);
    expect(readable(fresh.dbPath)).toEqual([]);
    // It is this workstation's file now: the clinic's key no longer opens it.
    there.backend.close();
    expect(() => openDatabase(fresh.dbPath, { key })).toThrow(/cannot be opened with this workstation's key/);
  });

  it('restores its own encrypted backup in the app, and a plain backup from before encryption is encrypted as it comes in', async () => {
    const tmp = folder();
    const { backend } = await workstation(tmp.dbPath);
    addPatient(backend);
    const own = await createBackup(backend.context.db, join(tmp.dir, 'usb'), 'manual');
    backend.context.transaction(() => backend.context.repos.patients.insert({ ...PATIENT, familyName: 'Later', clinicId: null }, backend.context.now()));
    await restoreDatabase(backend.context, own.path);
    expect(patientsIn(backend)).toEqual([PATIENT.familyName]);

    // A backup an older ROMtrack made on a USB stick: plain SQLite.
    const old = folder();
    const plain = createBackend({ databasePath: old.dbPath, mode: 'server' });
    plain.context.transaction(() => plain.context.repos.patients.insert({ ...PATIENT, familyName: 'Plainfield', clinicId: null }, plain.context.now()));
    const plainBackup = await createBackup(plain.context.db, join(old.dir, 'usb'), 'manual');
    plain.close();
    // The byte search finds what a plain file shows.
    expect(readable(plainBackup.path)).toEqual(expect.arrayContaining(['Serwaa', SQLITE_HEADER]));
    const restored = await restoreDatabase(backend.context, plainBackup.path);
    expect(restored.otherDatabase).toBe(true);
    expect(patientsIn(backend)).toEqual(['Plainfield']);
    backend.context.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(tmp.dbPath).subarray(0, 15).toString('latin1')).not.toBe(SQLITE_HEADER);
    // The safety copy taken before that restore is encrypted too.
    expect(readable(restored.safetyBackup.path)).toEqual([]);
    expect(readdirSync(backupsFolderFor(tmp.dbPath)).length).toBeGreaterThan(0);
  });
});
