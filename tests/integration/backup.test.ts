import { closeSync, copyFileSync, existsSync, openSync, readdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { offerChosenBackupFile } from '../../electron/api/backup-sources';
import { automaticBackup, backupsFolderFor, createBackup } from '../../electron/backup/backup';
import { backupsIn } from '../../electron/backup/folders';
import { verifyDatabaseFile } from '../../electron/backup/verify';
import { openDatabase } from '../../electron/db/open';
import { openTestBackend, type TestBackend } from '../support/backend';
import { makePatient, twelveMeasurements } from '../support/clinical-fixtures';
import { makeFullDisk, makeReadOnlyFolder } from '../support/hostile-folders';
import { makeTempDir } from '../support/temp-dir';

let api: TestBackend;
let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  api = openTestBackend();
  tmp = makeTempDir('romtrack-backup-');
});
afterEach(() => {
  api.dispose();
  tmp.cleanup();
});

/** The backups in a folder, newest last as the names sort. */
async function listBackups(folder: string) {
  return (await backupsIn(folder)).backups.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

/** A restore of a file chosen in the desktop app's File → Restore dialog (the page can only name listed backups). */
function restoreChosen(path: string) {
  return api.call('backups.restore', { id: offerChosenBackupFile(api.context, path) });
}

/** Every row of every clinical table, in a stable order: what "identical" means for a restore. */
function dump(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  const out: Record<string, unknown[]> = {};
  for (const t of ['patients', 'therapists', 'clinic', 'visits', 'measurements', 'clinical_events', 'watched_sites', 'risk_factors']) {
    out[t] = db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all();
  }
  db.close();
  return out;
}

function corrupt(path: string): void {
  // Overwrite pages 2-4 (table roots and data) with garbage; page 1 stays, so the file still says "SQLite".
  const fd = openSync(path, 'r+');
  const garbage = Buffer.alloc(4096 * 3, 0xa5);
  writeSync(fd, garbage, 0, garbage.length, 4096);
  closeSync(fd);
}

let made = 0;
async function someRecords(n = 3) {
  // Each patient a different person: the same name and birth date twice is refused as a likely duplicate.
  for (let i = 0; i < n; i++) {
    const p = await makePatient(api, { familyName: `Backup${made++}` });
    await api.ok('visits.record', { patientId: p.id, date: '2026-10-01', measurements: twelveMeasurements() });
  }
}

describe('backups', () => {
  it('a backup taken while writes go on passes integrity_check, and a quiet one matches the database exactly', async () => {
    await someRecords(2);
    const writer = new Database(api.dbPath);
    writer.pragma('busy_timeout = 5000');
    let writes = 0;
    let stop = false;
    const insert = writer.prepare(`INSERT INTO app_meta (key, value) VALUES (?, 'x')`);
    const loop = () => {
      if (stop) return;
      insert.run(`k${writes++}`);
      setImmediate(loop);
    };
    loop();
    const during = await createBackup(api.context.db, tmp.dir, 'manual');
    stop = true;
    writer.close();
    expect(writes).toBeGreaterThan(0);
    expect(verifyDatabaseFile(during.path)).toMatchObject({ ok: true, patients: 2 });

    const quiet = await createBackup(api.context.db, tmp.dir, 'manual', new Date(Date.now() + 1000));
    expect(dump(quiet.path)).toEqual(dump(api.dbPath));
    // Nothing half-made or left by SQLite beside the backups: no .partial, no -wal or -shm.
    expect(readdirSync(tmp.dir).filter((f) => /\.partial|-wal$|-shm$|-journal$/.test(f))).toEqual([]);
  });

  it('backs up through the operation into the folder beside the database, and lists it with its size', async () => {
    await someRecords(1);
    const made = await api.ok('backups.create', { folder: null });
    const listed = await api.ok('backups.list', {});
    expect(listed.folder).toBe(backupsFolderFor(api.dbPath));
    expect(listed.backups).toEqual([made]);
    expect(made.sizeBytes).toBeGreaterThan(10_000);
  });

  it('makes one automatic backup a day at start, one at every quit, and rotates', async () => {
    const day = new Date('2026-11-25T08:00:00Z');
    expect(await automaticBackup(api.context.db, api.dbPath, 'start', day)).not.toBeNull();
    expect(await automaticBackup(api.context.db, api.dbPath, 'start', new Date('2026-11-25T09:00:00Z'))).toBeNull();
    expect(await automaticBackup(api.context.db, api.dbPath, 'quit', new Date('2026-11-25T17:00:00Z'))).not.toBeNull();
    // Same day twice: rotation keeps only that day's newest.
    expect((await listBackups(backupsFolderFor(api.dbPath))).map((b) => b.createdAt)).toEqual(['2026-11-25T17:00:00.000Z']);
  });

  it('a restore round trip gives back exactly what was backed up, after a safety backup of the current state', async () => {
    await someRecords(2);
    const backup = await createBackup(api.context.db, tmp.dir, 'manual');
    const before = dump(backup.path);
    await someRecords(1);
    const restored = await restoreChosen(backup.path);
    if (!restored.ok) throw new Error(JSON.stringify(restored.error));
    const result = restored.value;
    const after = dump(api.dbPath);
    expect(after).toEqual(before);
    expect(verifyDatabaseFile(result.safetyBackup.path)).toMatchObject({ ok: true, patients: 3 });
    expect((await api.ok('patients.list', {})).total).toBe(2);
    // The app goes on working on the restored file.
    await makePatient(api, { familyName: 'AfterRestore' });
    expect((await api.ok('patients.list', {})).total).toBe(3);
  });

  it('refuses a backup with flipped bytes, on restore and on start-up, and changes nothing', async () => {
    await someRecords(2);
    const backup = await createBackup(api.context.db, tmp.dir, 'manual');
    const damaged = join(tmp.dir, 'damaged.sqlite');
    copyFileSync(backup.path, damaged);
    corrupt(damaged);
    const before = dump(api.dbPath);
    const r = await restoreChosen(damaged);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/cannot be restored: .*(damaged|cannot be read)/) } });
    expect(dump(api.dbPath)).toEqual(before);
    expect(await listBackups(backupsFolderFor(api.dbPath))).toEqual([]);
    expect(() => openDatabase(damaged)).toThrow(/integrity check|not a readable ROMtrack database/);
  });

  it('refuses a file that is not SQLite, or not ours', async () => {
    const text = join(tmp.dir, 'notes.sqlite');
    copyFileSync(join(__dirname, '..', '..', 'package.json'), text);
    expect(await restoreChosen(text)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not a database/) } });
    const other = join(tmp.dir, 'other.sqlite');
    new Database(other).exec('CREATE TABLE x (y)');
    expect(await restoreChosen(other)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not a ROMtrack one/) } });
  });

  it('a backup to a read-only folder fails with a clear message and leaves the database untouched', async (ctx) => {
    await someRecords(1);
    const ro = makeReadOnlyFolder(tmp.dir);
    if (!ro) ctx.skip(); // neither chmod nor chattr can make a folder read-only on this machine
    try {
      const before = dump(api.dbPath);
      const r = await api.call('backups.create', { folder: ro!.dir });
      expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/cannot write to .*read-only/) } });
      expect(dump(api.dbPath)).toEqual(before);
      expect(verifyDatabaseFile(api.dbPath)).toMatchObject({ ok: true });
    } finally {
      ro!.release();
    }
  });

  it('a backup folder that is gone (USB stick pulled) fails with a clear message', async () => {
    const r = await api.call('backups.create', { folder: join(api.dbPath, 'not-a-folder') });
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not there any more \(was the USB stick removed\?\)/) } });
  });

  it('a full disk fails with a clear message and leaves no partial file', async (ctx) => {
    await someRecords(3);
    const disk = makeFullDisk(tmp.dir);
    if (!disk) ctx.skip(); // mounting a tiny file system needs root
    try {
      const r = await api.call('backups.create', { folder: disk!.dir });
      expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/is full/) } });
      expect(readdirSync(disk!.dir)).toEqual([]);
      expect(existsSync(api.dbPath)).toBe(true);
    } finally {
      disk!.release();
    }
  });
});

describe('start-up with a damaged database', () => {
  it('never starts empty: it names the newest good backup, and restoring it keeps the damaged file aside', async () => {
    const { replaceFromBackup, startupFailureAdvice } = await import('../../electron/backup/startup');
    await someRecords(2);
    const folder = backupsFolderFor(api.dbPath);
    const good = await createBackup(api.context.db, folder, 'auto', new Date('2026-11-20T10:00:00Z'));
    const newerButBad = await createBackup(api.context.db, folder, 'auto', new Date('2026-11-21T10:00:00Z'));
    corrupt(newerButBad.path);
    api.close();
    corrupt(api.dbPath);
    let reason = '';
    try {
      openDatabase(api.dbPath);
    } catch (err) {
      reason = (err as Error).message;
    }
    expect(reason).toMatch(/failed its integrity check/);
    const advice = await startupFailureAdvice(api.dbPath, reason, (p) => `restore ${p}`);
    expect(advice).toContain('did not start a new, empty database');
    expect(advice).toContain(`restore ${good.path}`);

    const { keptDamagedAs } = await replaceFromBackup(api.dbPath, good.path);
    expect(keptDamagedAs && existsSync(keptDamagedAs)).toBe(true);
    const db = openDatabase(api.dbPath);
    expect(db.prepare('SELECT count(*) AS n FROM patients').get()).toEqual({ n: 2 });
    db.close();
  });
});

describe('large databases: the check on open is deferred to the start-up backup', () => {
  it('a small file is checked in full on open; a large one is checked through its start-up backup copy', async () => {
    const { checkOnOpen } = await import('../../electron/db/open');
    const { startupBackupAndCheck } = await import('../../electron/backup/startup-check');
    await someRecords(2);
    expect(checkOnOpen(api.context.db)).toBe('checked');
    api.close();
    corrupt(api.dbPath);
    expect(() => openDatabase(api.dbPath)).toThrow(/integrity check/);

    // Pretend the file is large: the damage is not seen on open, but the start-up check finds it.
    const db = openDatabase(api.dbPath, { quickCheckMaxBytes: 1024 });
    expect(checkOnOpen(db)).toBe('deferred');
    const check = await startupBackupAndCheck(db, api.dbPath);
    db.close();
    expect(check.backup).toBeNull();
    expect(check.damage).toMatch(/start-up check found the database .* damaged/);
    expect(await listBackups(backupsFolderFor(api.dbPath))).toEqual([]);
  });

  it('a sound large database gets a verified backup at its first start of the day only (tests/integration/startup-check.test.ts)', async () => {
    const { startupBackupAndCheck } = await import('../../electron/backup/startup-check');
    await someRecords(1);
    api.close();
    for (const hour of [8, 9]) {
      const db = openDatabase(api.dbPath, { quickCheckMaxBytes: 1024 });
      const check = await startupBackupAndCheck(db, api.dbPath, new Date(2026, 10, 25, hour));
      db.close();
      expect(check).toMatchObject({ damage: null, warning: null, auditLog: null });
      expect(check.backup === null).toBe(hour === 9);
    }
  });
});
