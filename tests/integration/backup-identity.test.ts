import { closeSync, copyFileSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/api/backend';
import { automaticBackup, backupsFolderFor, createBackup } from '../../electron/backup/backup';
import { backupName } from '../../electron/backup/backup-files';
import { backupsIn, legacyBackupsFolderFor } from '../../electron/backup/folders';
import { auditLogProblem, startupBackupAndCheck } from '../../electron/backup/startup-check';
import { newestGoodBackup, startupFailureAdvice } from '../../electron/backup/startup';
import { openDatabase } from '../../electron/db/open';
import { openTestBackend, TEST_CLINIC, TEST_THERAPIST, type TestBackend } from '../support/backend';
import { makePatient } from '../support/clinical-fixtures';

// Two database files in one folder (a sample database beside the clinic's) used to share one backups/ folder:
// the sample's start-up backup was skipped because the clinic's counted as today's, its quit backup rotated the
// clinic's only backup of the day away, and after the clinic's file was damaged start-up offered the sample's
// backup as "the newest good backup". Each database now has its own folder and identity.

let clinic: TestBackend;
let sample: Backend;
let samplePath: string;

/** A second database beside the clinic's, set up as after first run. */
function openBeside(path: string): Backend {
  const backend = createBackend({ databasePath: path, mode: 'server' });
  backend.context.transaction(() => {
    const at = backend.context.now();
    const therapist = backend.context.repos.therapists.insert({ ...TEST_THERAPIST, initials: 'AO' }, at);
    backend.context.repos.clinic.insert({ ...TEST_CLINIC, name: 'Sample Clinic', logo: null, paperSize: 'A4', dateFormat: 'D MMM YYYY', lockAfterMinutes: 5 }, at);
    backend.context.repos.accounts.setRole(therapist.id, 'administrator');
  });
  return backend;
}

beforeEach(() => {
  clinic = openTestBackend();
  samplePath = join(clinic.dbPath, '..', 'sample.sqlite');
  sample = openBeside(samplePath);
});
afterEach(() => {
  sample.close();
  clinic.dispose();
});

function corrupt(path: string): void {
  const fd = openSync(path, 'r+');
  const garbage = Buffer.alloc(4096 * 3, 0xa5);
  writeSync(fd, garbage, 0, garbage.length, 4096);
  closeSync(fd);
}

const at = (hhmm: string) => new Date(`2026-11-25T${hhmm}:00Z`);

describe('two databases in one folder', () => {
  it('each gets its own start and quit backups; neither rotates the other’s away', async () => {
    expect(await automaticBackup(clinic.context.db, clinic.dbPath, 'start', at('08:00'))).not.toBeNull();
    // The sample's start-up backup is not skipped because of the clinic's.
    expect(await automaticBackup(sample.context.db, samplePath, 'start', at('08:30'))).not.toBeNull();
    await automaticBackup(clinic.context.db, clinic.dbPath, 'quit', at('17:00'));
    await automaticBackup(sample.context.db, samplePath, 'quit', at('18:00'));
    const clinicFolder = backupsFolderFor(clinic.dbPath);
    const sampleFolder = backupsFolderFor(samplePath);
    expect(clinicFolder).not.toBe(sampleFolder);
    expect((await backupsIn(clinicFolder)).backups.map((b) => b.createdAt)).toEqual(['2026-11-25T17:00:00.000Z']);
    expect((await backupsIn(sampleFolder)).backups.map((b) => b.createdAt)).toEqual(['2026-11-25T18:00:00.000Z']);
    // The list of each shows its own only.
    const listed = await clinic.ok('backups.list', {});
    expect(listed.backups.map((b) => b.folder)).toEqual([clinicFolder]);
  });

  it('after the clinic’s file is damaged, start-up offers the clinic’s newest good backup, never the sample’s, also from the old shared folder', async () => {
    await makePatient(clinic, { familyName: 'Clinic' });
    const own = await createBackup(clinic.context.db, backupsFolderFor(clinic.dbPath), 'auto', at('08:00'));
    // The old layout: both databases' backups side by side in backups/, named without a tag. The sample's is the
    // newest file there, and a newer clinic one is damaged.
    const legacy = legacyBackupsFolderFor(clinic.dbPath);
    mkdirSync(legacy, { recursive: true });
    const clinicOld = join(legacy, backupName(at('09:00'), 'auto'));
    copyFileSync((await createBackup(clinic.context.db, join(clinic.dbPath, '..', 'elsewhere'), 'manual', at('09:00'))).path, clinicOld);
    const clinicBad = join(legacy, backupName(at('10:00'), 'auto'));
    copyFileSync(clinicOld, clinicBad);
    corrupt(clinicBad);
    const sampleNewest = join(legacy, backupName(at('11:00'), 'auto'));
    copyFileSync((await createBackup(sample.context.db, join(clinic.dbPath, '..', 'elsewhere-sample'), 'manual', at('11:00'))).path, sampleNewest);

    // Listed: the clinic's own and its old-layout backup; never the sample's.
    const listed = (await clinic.ok('backups.list', {})).backups.map((b) => b.path);
    expect(listed).toContain(own.path);
    expect(listed).toContain(clinicOld);
    expect(listed).not.toContain(sampleNewest);

    // Damage that leaves the identity readable: the clinic's old-layout backup (newest good one of its own) is offered.
    expect((await newestGoodBackup(clinic.dbPath))?.path).toBe(clinicOld);
    clinic.close();
    corrupt(clinic.dbPath);
    expect(() => openDatabase(clinic.dbPath)).toThrow(/integrity check|not a readable/);
    // Damage that takes the identity with it: the clinic's own folder still says which database it is.
    const offered = await newestGoodBackup(clinic.dbPath);
    expect(offered?.path).not.toBe(sampleNewest);
    expect([own.path, clinicOld]).toContain(offered?.path);
    const advice = await startupFailureAdvice(clinic.dbPath, 'damaged', (p) => `restore ${p}`);
    expect(advice).not.toContain(sampleNewest);
    expect(advice).toContain(`restore ${offered!.path}`);
  });
});

describe('the audit log is append-only and chained', () => {
  it('refuses UPDATE and DELETE on the live database', async () => {
    await makePatient(clinic, { familyName: 'Audited' });
    const db = clinic.context.db;
    const n = db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    expect(() => db.prepare('UPDATE audit_log SET actor_id = NULL').run()).toThrow(/never edited/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/never deleted/);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(n);
  });

  it('a chain broken outside the app is reported loudly at start-up, never repaired', async () => {
    await makePatient(clinic, { familyName: 'First' });
    await makePatient(clinic, { familyName: 'Second' });
    expect(await auditLogProblem(clinic.dbPath)).toBeNull();
    // Someone with an SQLite tool drops the trigger and rewrites who did something.
    const tool = new Database(clinic.dbPath);
    const trigger = tool.prepare(`SELECT sql FROM sqlite_master WHERE name = 'audit_log_never_edited'`).pluck().get() as string;
    tool.exec('DROP TRIGGER audit_log_never_edited');
    tool.prepare("UPDATE audit_log SET actor_id = 'someone-else' WHERE seq = 1").run();
    tool.exec(trigger);
    tool.close();
    const check = await startupBackupAndCheck(clinic.context.db, clinic.dbPath, at('08:00'));
    expect(check.auditLog).toMatch(/audit log of .* was changed outside ROMtrack: the audit row numbered 1 \(patients.create at .*\) was changed after it was written/);
    expect(check.damage).toBeNull();
    // The backup is still made (it is the evidence), and the log is left as it was.
    expect(check.backup).not.toBeNull();
    expect(clinic.context.db.prepare('SELECT actor_id FROM audit_log WHERE seq = 1').pluck().get()).toBe('someone-else');
    expect(await auditLogProblem(clinic.dbPath)).toMatch(/changed after it was written/);
  });

  it('rows cut off the end of the log are reported too', async () => {
    await makePatient(clinic, { familyName: 'First' });
    await makePatient(clinic, { familyName: 'Second' });
    const tool = new Database(clinic.dbPath);
    tool.exec('DROP TRIGGER audit_log_never_deleted');
    tool.prepare('DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)').run();
    tool.close();
    expect(await auditLogProblem(clinic.dbPath)).toMatch(/audit rows after number \d+ were removed/);
  });
});
