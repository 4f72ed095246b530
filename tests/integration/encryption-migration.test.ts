// A clinic's plain database from the previous version is encrypted at the first start of this one, after a
// backup, with every row of every table kept; the plain backups beside it are encrypted too.
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/api/backend';
import { backupsFolderFor, createBackup } from '../../electron/backup/backup';
import { prepareDatabaseKey, rowCounts } from '../../electron/backup/encrypt-at-rest';
import { verifyDatabaseFile, withReadOnly } from '../../electron/backup/verify';
import { defaultKeyFilePath, fileKind, keyFileSource } from '../../electron/db/database-key';
import { databaseAt, type DatabaseAtVersion } from '../support/migrate-to';
import { putRowsUpTo } from '../support/rows-by-version';

/** The last schema of the version before encryption came. */
const PREVIOUS_VERSION = 11;
const NAMES = ['Mensah', 'Kwame Kofi', 'Zoë'];

let d: DatabaseAtVersion | undefined;
afterEach(() => d?.dispose());

const sqliteHeader = (path: string) => readFileSync(path).subarray(0, 15).toString('latin1') === 'SQLite format 3';
const namesIn = (path: string) => NAMES.filter((n) => readFileSync(path).includes(Buffer.from(n, 'utf8')));

describe('a plain database from the previous version', () => {
  it('is encrypted at the first start after an encrypted backup, nothing lost, and its plain backups are encrypted too', async () => {
    d = databaseAt(PREVIOUS_VERSION);
    putRowsUpTo(d, PREVIOUS_VERSION);
    const before = rowCounts(d.db);
    // Every table has rows, so a table emptied on the way would show.
    expect(Object.entries(before).filter(([, n]) => n === 0)).toEqual([]);
    // The backups the previous version left, plain: its own daily one.
    const oldBackup = await createBackup(d.db, backupsFolderFor(d.path), 'auto', new Date('2026-11-01T08:00:00Z'));
    expect(namesIn(oldBackup.path)).toEqual(NAMES);
    d.db.close();
    expect(sqliteHeader(d.path)).toBe(true);
    // What an earlier start cut short by a power cut would have left: plain copies, which must not stay behind.
    const leftovers = [`${d.path}.encrypting`, join(backupsFolderFor(d.path), `.${oldBackup.name}.encrypting.partial`)];
    for (const f of leftovers) copyFileSync(oldBackup.path, f);

    const { key, encrypted } = await prepareDatabaseKey(d.path, keyFileSource(defaultKeyFilePath(d.path)), new Date('2026-12-02T07:00:00Z'));

    expect(encrypted).not.toBeNull();
    expect(encrypted!.rows).toEqual(before);
    expect(fileKind(d.path)).toBe('other');
    for (const f of leftovers) expect(existsSync(f), f).toBe(false);
    expect(withReadOnly(d.path, rowCounts, key)).toEqual(before);
    expect(namesIn(d.path)).toEqual([]);
    // The backup taken first holds the same rows, encrypted, and passes the app's check with the key.
    expect(verifyDatabaseFile(encrypted!.backup, { key })).toMatchObject({ ok: true, schemaVersion: PREVIOUS_VERSION });
    expect(withReadOnly(encrypted!.backup, rowCounts, key)).toEqual(before);
    // Every backup in the folder is encrypted now, the old one included, and still a sound backup.
    expect(encrypted).toMatchObject({ backupsEncrypted: 1, backupsLeftPlain: [] });
    const folder = backupsFolderFor(d.path);
    const files = readdirSync(folder).map((f) => join(folder, f));
    expect(files.sort()).toEqual([oldBackup.path, encrypted!.backup].sort());
    for (const f of files) {
      expect(sqliteHeader(f), f).toBe(false);
      expect(namesIn(f), f).toEqual([]);
    }
    expect(verifyDatabaseFile(oldBackup.path, { key })).toMatchObject({ ok: true, patients: 2 });

    // The next start finds it encrypted and opens it (bringing it up to this version's schema): nothing to do again.
    const again = await prepareDatabaseKey(d.path, keyFileSource(defaultKeyFilePath(d.path)));
    expect(again.encrypted).toBeNull();
    expect(again.key.equals(key)).toBe(true);
    const backend = createBackend({ databasePath: d.path, mode: 'server', key });
    try {
      const after = rowCounts(backend.context.db);
      // Tables added by later migrations may hold rows of their own; the previous version's keep theirs exactly.
      expect(Object.fromEntries(Object.keys(before).map((t) => [t, after[t]]))).toEqual(before);
    } finally {
      backend.close();
    }
  });
});
