import { closeSync, constants, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditRowsWhere } from '../../electron/db/audit-rows';
import { packAuditTexts } from '../../electron/db/audit-pack';
import { offerChosenBackupFile } from '../../electron/api/backup-sources';
import { backupsFolderFor, createBackup } from '../../electron/backup/backup';
import { backupName } from '../../electron/backup/backup-files';
import { runFileTask } from '../../electron/backup/run-in-worker';
import { identityTag } from '../../electron/db/identity';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import { FULL_PATH_MESSAGE } from '../../shared/api/operations/backups';
import { message } from '../../shared/i18n/message';
import { makeFifo, uncreatableFolder } from '../support/hostile-folders';
import { openTestBackend, type TestBackend } from '../support/backend';
import { makePatient, twelveMeasurements } from '../support/clinical-fixtures';
import { databaseAt } from '../support/migrate-to';
import { putRowsUpTo } from '../support/rows-by-version';
import { makeTempDir } from '../support/temp-dir';

// A restore must never break the live database, and no folder, device or slow stick may freeze the app.

let api: TestBackend;
let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  api = openTestBackend();
  tmp = makeTempDir('romtrack-safety-');
});
afterEach(() => {
  api.dispose();
  tmp.cleanup();
});

const posix = process.platform !== 'win32';
const mode = (path: string) => statSync(path).mode & 0o777;
const count = (table: string) => api.context.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const counts = () => ({ patients: count('patients'), visits: count('visits'), measurements: count('measurements'), audit: count('audit_log') });

let made = 0;
async function someRecords(n = 2) {
  // Each patient a different person: the same name and birth date twice is refused as a likely duplicate.
  for (let i = 0; i < n; i++) {
    const p = await makePatient(api, { familyName: `Safety${made++}` });
    await api.ok('visits.record', { patientId: p.id, date: '2026-10-01', measurements: twelveMeasurements() });
  }
}

function restoreChosen(path: string) {
  return api.call('backups.restore', { id: offerChosenBackupFile(api.context, path) });
}

/** A copy of a fresh backup of the live database, for a test to tamper with. */
async function backupCopy(name: string): Promise<string> {
  const made = await createBackup(api.context.db, join(tmp.dir, 'made'), 'manual');
  const path = join(tmp.dir, name);
  copyFileSync(made.path, path);
  return path;
}

/** Puts a file among this database's own backups under a proper name, so it is listed and restorable by id. */
function asListedBackup(path: string, at: string): string {
  const folder = backupsFolderFor(api.dbPath);
  mkdirSync(folder, { recursive: true });
  const tag = identityTag(api.context.db.prepare(`SELECT value FROM app_meta WHERE key = 'database_id'`).pluck().get() as string);
  const target = join(folder, backupName(new Date(at), 'manual', tag));
  copyFileSync(path, target);
  return target;
}

/** Runs `slow` while timing a cheap call made meanwhile: the app must keep answering. */
async function whileServing<T>(slow: Promise<T>): Promise<{ result: T; slowMs: number; cheapMs: number }> {
  const t0 = performance.now();
  const timed = slow.then((result) => ({ result, slowMs: performance.now() - t0 }));
  const c0 = performance.now();
  await api.ok('patients.list', {});
  const cheapMs = performance.now() - c0;
  return { ...(await timed), cheapMs };
}

describe('restore checks the candidate fully before touching the live file', () => {
  it('refuses a crafted file with only the three tables the old check looked for', async () => {
    await someRecords();
    const before = counts();
    const crafted = join(tmp.dir, 'crafted.sqlite');
    const db = new Database(crafted);
    db.exec('CREATE TABLE app_meta (key TEXT PRIMARY KEY, value TEXT); CREATE TABLE patients (id TEXT); CREATE TABLE audit_log (seq INTEGER PRIMARY KEY)');
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION}`);
    db.close();
    const listed = asListedBackup(crafted, '2026-11-20T10:00:00Z');
    const id = (await api.ok('backups.list', {})).backups.find((b) => b.path === listed)!.id;
    const r = await api.call('backups.restore', { id });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/cannot be restored: This is not a ROMtrack database as schema version \d+ makes it \(missing: table access_log, table clinic.*Nothing was changed/) } });
    expect(counts()).toEqual(before);
    expect((await api.ok('patients.list', {})).total).toBe(2);
  });

  it('refuses a backup whose user_version was set to 0, and the back end keeps a working connection', async () => {
    await someRecords();
    const zero = await backupCopy('zero.sqlite');
    const db = new Database(zero);
    db.pragma('user_version = 0');
    db.close();
    const before = counts();
    const r = await restoreChosen(zero);
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not a ROMtrack one \(it has no ROMtrack schema version\)/) } });
    expect(counts()).toEqual(before);
    await makePatient(api, { familyName: 'StillWorking' });
    expect(count('patients')).toBe(before.patients + 1);
  });

  it('refuses a backup with a rewritten audit log', async () => {
    await someRecords();
    const rewritten = await backupCopy('rewritten.sqlite');
    const db = new Database(rewritten);
    const trigger = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'audit_log_never_edited'`).pluck().get() as string;
    db.exec('DROP TRIGGER audit_log_never_edited');
    const first = db.prepare('SELECT actor_id, entity_id FROM audit_log WHERE seq = 1').get() as { actor_id: string | null; entity_id: string };
    const rewrittenAfter = packAuditTexts({ actorId: first.actor_id, entityId: first.entity_id }, null, '{"familyName":"Someone else"}').after;
    db.prepare('UPDATE audit_log SET after_packed = ? WHERE seq = 1').run(rewrittenAfter);
    db.exec(trigger); // the schema looks untouched again
    db.close();
    const before = counts();
    const r = await restoreChosen(rewritten);
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Its audit log was altered: the audit row numbered 1 .* was changed after it was written/) } });
    expect(counts()).toEqual(before);
  });

  it('a backup from an older version is brought up to date on a copy, then restored', async () => {
    const old = databaseAt(8);
    putRowsUpTo(old, 8);
    old.db.close();
    const r = await restoreChosen(old.path);
    old.dispose();
    expect(r).toMatchObject({ ok: true, value: { schemaVersion: 8, otherDatabase: true } });
    expect(api.context.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(count('patients')).toBe(2);
    // The restore's own audit row continues the chain the migration computed.
    expect(api.context.db.prepare('SELECT operation FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get()).toBe('backups.restore');
    const { auditLogProblem } = await import('../../electron/backup/startup-check');
    expect(await auditLogProblem(api.dbPath)).toBeNull();
  });

  it('a failure after the swap puts the previous file back, and the answer says so', async () => {
    await someRecords(2);
    const backup = await createBackup(api.context.db, tmp.dir, 'manual');
    await someRecords(1);
    const before = counts();
    const real = api.context.replaceDatabase;
    let calls = 0;
    api.context.replaceDatabase = (swap) => {
      real(swap);
      if (++calls === 1) throw new Error('injected: the disk hiccuped after the swap');
    };
    const r = await restoreChosen(backup.path);
    api.context.replaceDatabase = real;
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringMatching(/injected: the disk hiccuped.*so the previous database was put back: the records are exactly as they were before, and nothing was restored/) },
    });
    expect(calls).toBe(2);
    expect(counts()).toEqual(before);
    expect(readdirSync(join(api.dbPath, '..')).filter((f) => /restoring|before-restore/.test(f))).toEqual([]);
    await makePatient(api, { familyName: 'AfterRollback' });
    expect(count('patients')).toBe(before.patients + 1);
  });
});

describe('no folder, device or file freezes the app', () => {
  it('a backup to a folder that cannot be created (under /proc) answers an error within 2 s, while other calls are served', async (ctx) => {
    const proc = uncreatableFolder();
    if (!proc) ctx.skip(); // no /proc on this system
    for (const folder of [proc!, `${proc}/deeper/still`]) {
      const { result, slowMs, cheapMs } = await whileServing(api.call('backups.create', { folder }));
      expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not there any more|cannot write/) } });
      expect(slowMs).toBeLessThan(2000);
      expect(cheapMs).toBeLessThan(1000);
    }
  });

  it('a restore from a FIFO, a device or a folder is refused without opening it, within 2 s', async (ctx) => {
    const fifo = makeFifo(join(tmp.dir, 'backup.sqlite'));
    if (!fifo) ctx.skip(); // no named pipes here
    const { result, slowMs, cheapMs } = await whileServing(restoreChosen(fifo!));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/is a pipe \(FIFO\), not a backup file/) } });
    expect(slowMs).toBeLessThan(2000);
    expect(cheapMs).toBeLessThan(1000);
    expect(await restoreChosen('/dev/zero')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/is a device/) } });
    expect(await restoreChosen(tmp.dir)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/is a folder/) } });
    // A FIFO named like a backup in the backups folder is not listed, and listing does not wait on it.
    const folder = backupsFolderFor(api.dbPath);
    mkdirSync(folder, { recursive: true });
    makeFifo(join(folder, backupName(new Date(), 'manual')));
    expect((await api.ok('backups.list', {})).backups).toEqual([]);
  });

  it('file work that stops answering is given up at its time limit, while other calls are served', async (ctx) => {
    // A FIFO reached without the lstat check stands for a device that never answers: SQLite's open waits on it.
    const fifo = makeFifo(join(tmp.dir, 'stuck.sqlite'));
    if (!fifo) ctx.skip();
    const { result, slowMs, cheapMs } = await whileServing(runFileTask('identify', { paths: [fifo!], key: null }, message('domain.backup.task.reading', { path: fifo! }), 500).catch((err: Error) => err));
    expect(String(result)).toMatch(/Reading \S*stuck\.sqlite stopped: nothing moved/);
    expect(slowMs).toBeLessThan(2000);
    expect(cheapMs).toBeLessThan(1000);
    // Let the abandoned thread's open return (a writer appears), so it can end with the test.
    try {
      closeSync(openSync(fifo!, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // no reader left: it ended already
    }
  });

  it('a restore by an id that is not in the list, or a path instead of an id, changes nothing', async () => {
    expect(await api.call('backups.restore', { id: '0'.repeat(24) })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await api.call('backups.restore', { path: '/etc/passwd' } as never)).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { path: expect.any(String), id: expect.any(String) } } });
  });
});

describe('backup files and folders', () => {
  it('a relative folder is refused with a field message asking for a full path', async () => {
    const r = await api.call('backups.create', { folder: 'usb/backups' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { folder: FULL_PATH_MESSAGE } } });
    expect(existsSync(join(process.cwd(), 'usb'))).toBe(false);
  });

  it('files are owner-only (0600) and the folders made for them 0700; no -wal or -shm is left beside a backup', async (ctx) => {
    if (!posix) ctx.skip();
    await someRecords(1);
    expect(mode(api.dbPath)).toBe(0o600);
    expect(mode(`${api.dbPath}-wal`)).toBe(0o600);
    expect(mode(`${api.dbPath}-shm`)).toBe(0o600);
    const made = await api.ok('backups.create', { folder: null });
    expect(mode(made.path)).toBe(0o600);
    expect(mode(backupsFolderFor(api.dbPath))).toBe(0o700);
    expect(mode(join(api.dbPath, '..', 'backups'))).toBe(0o700);
    const usb = join(tmp.dir, 'usb-backups');
    const onStick = await api.ok('backups.create', { folder: usb });
    expect(mode(usb)).toBe(0o700);
    expect(mode(onStick.path)).toBe(0o600);
    expect(readdirSync(usb)).toEqual([onStick.name]);
    expect(readdirSync(backupsFolderFor(api.dbPath))).toEqual([made.name]);
    // Closed as a plain rollback-journal file: its header says so (bytes 18 and 19 are 1, WAL is 2).
    expect([...readFileSync(onStick.path).subarray(18, 20)]).toEqual([1, 1]);
  });

  it('manual backups to a chosen folder are remembered, listed, audited and rotated by count', async () => {
    await someRecords(1);
    const usb = join(tmp.dir, 'usb');
    mkdirSync(usb);
    const first = await api.ok('backups.create', { folder: usb });
    let listed = await api.ok('backups.list', {});
    expect(listed.folders).toEqual([{ path: usb, reachable: true }]);
    expect(listed.backups).toEqual([first]);
    const audited = auditRowsWhere(api.context.db, `operation = 'backups.create'`);
    expect(audited).toHaveLength(1);
    expect(audited[0]!.actor_id).toBe(api.actorId());
    expect(JSON.parse(audited[0]!.after_json!)).toMatchObject({ folder: usb, name: first.name });

    // 24 older manual backups of this database there, and one of another database's: the next backup keeps 20 of ours.
    const tag = first.name.match(/-([0-9a-f]{8})\.sqlite$/)![1]!;
    for (let d = 1; d <= 24; d++) copyFileSync(first.path, join(usb, backupName(new Date(Date.UTC(2026, 0, d)), 'manual', tag)));
    const foreign = join(usb, backupName(new Date(Date.UTC(2025, 0, 1)), 'manual', 'ffffffff'));
    copyFileSync(first.path, foreign);
    const latest = await api.ok('backups.create', { folder: usb });
    const ours = readdirSync(usb).filter((f) => f.endsWith(`-${tag}.sqlite`));
    expect(ours).toHaveLength(20);
    expect(ours).toContain(latest.name);
    expect(existsSync(foreign)).toBe(true);
    listed = await api.ok('backups.list', {});
    expect(listed.backups.filter((b) => b.folder === usb)).toHaveLength(20);
    expect(listed.backups.map((b) => b.path)).not.toContain(foreign);

    // The stick is pulled: the folder is still named, as not reachable, and the list still answers.
    rmSync(usb, { recursive: true });
    listed = await api.ok('backups.list', {});
    expect(listed.folders).toEqual([{ path: usb, reachable: false }]);
    expect(listed.backups).toEqual([]);
  });

  it('a listed backup on a chosen folder restores by its id', async () => {
    await someRecords(1);
    const usb = join(tmp.dir, 'stick');
    const made = await api.ok('backups.create', { folder: usb });
    await someRecords(1);
    const r = await api.call('backups.restore', { id: made.id });
    expect(r).toMatchObject({ ok: true, value: { restoredFrom: made.path, otherDatabase: false, schemaVersion: LATEST_SCHEMA_VERSION } });
    expect(count('patients')).toBe(1);
    // The folder is still remembered by the restored file, which had not heard of it.
    expect((await api.ok('backups.list', {})).folders).toEqual([{ path: usb, reachable: true }]);
  });
});
