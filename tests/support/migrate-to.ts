import type Database from 'better-sqlite3';
import { migrate, schemaVersion } from '../../electron/db/migrate';
import { openDatabase } from '../../electron/db/open';
import { makeTempDir } from './temp-dir';

/** A row as better-sqlite3 binds it: column name → value. */
export type Row = Record<string, string | number | bigint | Buffer | null>;

/** Each table's rows in rowid order, every value spelled as SQLite's quote() does, so 1, 1.0, '1' and X'01' all differ. */
export type TableContents = Record<string, Record<string, string>[]>;

export interface DatabaseAtVersion {
  db: Database.Database;
  path: string;
  version(): number;
  /** Applies the migrations after the current version up to `target` (default: every migration there is). */
  migrateTo(target?: number): void;
  insert(table: string, ...rows: Row[]): void;
  contents(): TableContents;
  /** Closes the database and removes its folder. */
  dispose(): void;
}

/**
 * A fresh SQLite file migrated to `version` and no further, opened with the app's own pragmas (WAL,
 * synchronous=FULL, foreign keys), so rows can be put in as an older ROMtrack would have left them
 * and the next migration run over them, as on a clinic's machine after an update.
 */
export function databaseAt(version: number): DatabaseAtVersion {
  const tmp = makeTempDir('romtrack-migrate-');
  const db = openDatabase(tmp.dbPath, { migrate: false });
  migrate(db, version);
  if (schemaVersion(db) !== version) throw new Error(`Could not migrate to version ${version}; stopped at ${schemaVersion(db)}.`);
  return {
    db,
    path: tmp.dbPath,
    version: () => schemaVersion(db),
    migrateTo: (target) => {
      migrate(db, target);
    },
    insert: (table, ...rows) => insertRows(db, table, rows),
    contents: () => tableContents(db),
    dispose: () => {
      if (db.open) db.close();
      tmp.cleanup();
    },
  };
}

export function insertRows(db: Database.Database, table: string, rows: readonly Row[]): void {
  for (const row of rows) {
    const columns = Object.keys(row);
    // Table and column names come from the test itself, never from data.
    db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row);
  }
}

export function tableContents(db: Database.Database): TableContents {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const contents: TableContents = {};
  for (const table of tables) {
    const columns = (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
    const select = columns.map((c) => `quote(${c}) AS ${c}`).join(', ');
    contents[table] = db.prepare(`SELECT ${select} FROM ${table} ORDER BY rowid`).all() as Record<string, string>[];
  }
  return contents;
}

/**
 * `after`, cut down to the tables and columns `before` had: what a migration must have carried over
 * unchanged. Tables and columns it added are left out.
 */
export function sameShapeAs(before: TableContents, after: TableContents): TableContents {
  const cut: TableContents = {};
  for (const [table, rows] of Object.entries(before)) {
    const columns = Object.keys(rows[0] ?? {});
    cut[table] = (after[table] ?? []).map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? '(column gone)'])));
  }
  return cut;
}
