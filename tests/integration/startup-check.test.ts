// The start-up check of a large database: the full check (every page through the start-up backup's copy, and the
// audit chain) runs once a day, not at every start, and runs again when it did not complete.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupsFolderFor } from '../../electron/backup/backup';
import { backupsIn } from '../../electron/backup/folders';
import { FULL_CHECK_COMPLETED_KEY, startupBackupAndCheck } from '../../electron/backup/startup-check';
import { openDatabase } from '../../electron/db/open';
import { openTestBackend, type TestBackend } from '../support/backend';
import { makePatient } from '../support/clinical-fixtures';

let api: TestBackend;
beforeEach(async () => {
  api = openTestBackend();
  await makePatient(api, { familyName: 'Checked' });
  await makePatient(api, { familyName: 'Twice' });
  api.close();
});
afterEach(() => api.dispose());

/** Local times: the check's day is the workstation's calendar day. */
const at = (day: number, hour: number) => new Date(2026, 10, day, hour, 0, 0);

/** One start of the app on the file, as large (its full check deferred from open), and what its check said. */
async function start(now: Date) {
  const db = openDatabase(api.dbPath, { quickCheckMaxBytes: 1024 });
  try {
    return await startupBackupAndCheck(db, api.dbPath, now);
  } finally {
    db.close();
  }
}

const backupCount = async () => (await backupsIn(backupsFolderFor(api.dbPath))).backups.length;

/** Someone with an SQLite tool rewrites who created the first patient: only the full check's chain walk sees it. */
function tamperWithAuditLog(): void {
  const tool = new Database(api.dbPath);
  const trigger = tool.prepare<[], string>(`SELECT sql FROM sqlite_master WHERE name = 'audit_log_never_edited'`).pluck().get()!;
  tool.exec('DROP TRIGGER audit_log_never_edited');
  tool.prepare("UPDATE audit_log SET actor_id = 'someone-else' WHERE seq = 1").run();
  tool.exec(trigger);
  tool.close();
}

describe('the full check of a large database runs at most once a day', () => {
  it('a second start the same day skips it; the next day runs it again', async () => {
    const first = await start(at(25, 8));
    expect(first).toMatchObject({ fullCheck: 'ran', damage: null, warning: null, auditLog: null });
    expect(first.backup).not.toBeNull();
    expect(await backupCount()).toBe(1);

    tamperWithAuditLog();
    const second = await start(at(25, 13));
    // No second copy of the whole file, no chain walk: the tampering waits for tomorrow's check.
    expect(second).toMatchObject({ fullCheck: 'done today', backup: null, auditLog: null, damage: null, warning: null });
    expect(await backupCount()).toBe(1);

    const nextDay = await start(at(26, 8));
    expect(nextDay.fullCheck).toBe('ran');
    expect(nextDay.backup).not.toBeNull();
    expect(nextDay.auditLog).toMatch(/was changed outside ROMtrack/);
    expect(await backupCount()).toBe(2);
  });

  it('records when it completed in the database itself', async () => {
    await start(at(25, 8));
    const db = new Database(api.dbPath, { readonly: true });
    const value = db.prepare<[string], string>('SELECT value FROM app_meta WHERE key = ?').pluck().get(FULL_CHECK_COMPLETED_KEY);
    db.close();
    expect(value).toBe(at(25, 8).toISOString());
  });

  it('a check that did not complete runs again at the next start, the same day', async () => {
    // The backups folder cannot be made (a file in its place): the copy, and so the check of every page, fails.
    const folder = backupsFolderFor(api.dbPath);
    mkdirSync(dirname(folder), { recursive: true });
    writeFileSync(folder, 'not a folder');
    const cut = await start(at(25, 8));
    expect(cut.fullCheck).toBe('ran');
    expect(cut.backup).toBeNull();
    expect(cut.warning).toMatch(/start-up backup failed/);

    rmSync(folder);
    const again = await start(at(25, 9));
    expect(again).toMatchObject({ fullCheck: 'ran', warning: null, damage: null });
    expect(again.backup).not.toBeNull();
    expect((await start(at(25, 10))).fullCheck).toBe('done today');
  });

});
