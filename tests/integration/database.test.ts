import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../electron/db/migrate';
import { LATEST_SCHEMA_VERSION, migrations } from '../../electron/db/migrations';
import { openDatabase } from '../../electron/db/open';
import { makeTempDir } from '../support/temp-dir';

const temps: { cleanup(): void }[] = [];
function temp() {
  const t = makeTempDir();
  temps.push(t);
  return t;
}
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

describe('openDatabase', () => {
  it('sets WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const db = openDatabase(temp().dbPath);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('migrates an empty file to the latest schema, and reopening changes nothing', () => {
    const { dbPath } = temp();
    const db = openDatabase(dbPath);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
    const again = openDatabase(dbPath);
    expect(schemaVersion(again)).toBe(LATEST_SCHEMA_VERSION);
    again.close();
  });

  it('refuses a file written by a newer app and leaves it untouched', () => {
    const { dbPath } = temp();
    const raw = new Database(dbPath);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.exec('CREATE TABLE future_thing (x INTEGER)');
    raw.close();
    expect(() => openDatabase(dbPath)).toThrow(/newer ROMtrack/);
    const check = new Database(dbPath);
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'patients'").get()).toEqual({ n: 0 });
    check.close();
  });

  it('refuses a file that is not SQLite, with a message saying so', () => {
    const { dbPath } = temp();
    writeFileSync(dbPath, 'these are not the records you are looking for'.repeat(200));
    expect(() => openDatabase(dbPath)).toThrow(/not a readable ROMtrack database/);
  });
});

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it.each(migrations.map((m) => [m.version, m.name] as const))('migration %i (%s) applies on the one before it and bumps user_version', (version) => {
    const db = new Database(':memory:');
    migrate(db, version - 1);
    expect(schemaVersion(db)).toBe(version - 1);
    migrate(db, version);
    expect(schemaVersion(db)).toBe(version);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('rolls back a failing migration whole, leaving the version where it was', () => {
    const db = new Database(':memory:');
    migrate(db);
    const broken = [...migrations, { version: migrations.length + 1, name: 'broken', up: 'CREATE TABLE ok_part (x INTEGER); THIS IS NOT SQL;' }];
    expect(() => migrate(db, broken.length, broken)).toThrow();
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'ok_part'").get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('migration 8: clinic thresholds', () => {
  it('keeps one current value per motion and instrument, and lets a value only be ended, once', () => {
    const db = new Database(':memory:');
    migrate(db, 7);
    migrate(db, 8);
    db.prepare("INSERT INTO therapists (id, name, initials, created_at, updated_at) VALUES ('t1', 'A', 'A', 'x', 'x')").run();
    const insert = db.prepare("INSERT INTO clinic_thresholds (id, motion, instrument, degrees, set_at, set_by) VALUES (?, 'hip.extension', ?, 10, '2026-01-01T00:00:00.000Z', 't1')");
    insert.run('any-1', null);
    insert.run('gonio-1', 'goniometer');
    // A second current value for the same motion and instrument, "any" included, is refused.
    expect(() => insert.run('any-2', null)).toThrow(/UNIQUE/);
    expect(() => insert.run('gonio-2', 'goniometer')).toThrow(/UNIQUE/);
    const end = db.prepare("UPDATE clinic_thresholds SET ended_at = '2026-02-01T00:00:00.000Z', ended_by = 't1' WHERE id = ?");
    end.run('any-1');
    insert.run('any-2', null);
    expect(() => end.run('any-1')).toThrow(/never edited/);
    expect(() => db.prepare("UPDATE clinic_thresholds SET degrees = 5 WHERE id = 'any-2'").run()).toThrow(/never edited/);
    expect(() => db.prepare("DELETE FROM clinic_thresholds WHERE id = 'any-1'").run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE clinic_thresholds SET ended_at = '2026-03-01T00:00:00.000Z' WHERE id = 'gonio-1'").run()).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) AS n FROM clinic_thresholds').get()).toEqual({ n: 3 });
    db.close();
  });
});
