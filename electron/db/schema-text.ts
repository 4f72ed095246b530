import Database from 'better-sqlite3';
import { migrate, schemaVersion } from './migrate';

/**
 * The schema of a database as one stable text: every table, index, trigger and view from sqlite_master
 * (SQLite's own automatic indexes left out), grouped by kind and sorted by name, each statement's lines
 * stripped of the indentation the migrations' template strings gave them. The same schema always gives
 * the same text, whatever order the migrations created things in. The committed snapshot
 * (tests/integration/__snapshots__/schema.sql) is this text.
 */
export function schemaText(db: Database.Database): string {
  const version = schemaVersion(db);
  const statements = schemaObjects(db).map((o) => `-- ${o.type} ${o.name}\n${o.sql};`);
  return `-- ROMtrack schema at user_version ${version}. Generated: npm run schema:snapshot\n\n${statements.join('\n\n')}\n`;
}

export interface SchemaObject {
  type: string;
  name: string;
  /** Normalised as in schemaText. */
  sql: string;
}

export function schemaObjects(db: Database.Database): SchemaObject[] {
  const rows = db
    .prepare<[], { type: string; name: string; sql: string }>(
      `SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
       ORDER BY CASE type WHEN 'table' THEN 1 WHEN 'index' THEN 2 WHEN 'trigger' THEN 3 ELSE 4 END, name`,
    )
    .all();
  return rows.map((row) => ({ type: row.type, name: row.name, sql: normalise(row.sql) }));
}

function normalise(sql: string): string {
  const lines = sql
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return lines.map((line, i) => (i === 0 || line.startsWith(')') ? line : `  ${line}`)).join('\n');
}

const references = new Map<number, SchemaObject[]>();

/** What the migrations make of an empty database at `version`: the shape a ROMtrack file of that version must have. */
export function referenceSchema(version: number): SchemaObject[] {
  let objects = references.get(version);
  if (!objects) {
    const db = new Database(':memory:');
    try {
      migrate(db, version);
      objects = schemaObjects(db);
    } finally {
      db.close();
    }
    references.set(version, objects);
  }
  return objects;
}

/**
 * How a database's schema differs from the one its user_version promises, in words (at most a few names), or
 * null when every table, index and trigger is there exactly as the migrations made it and nothing else is.
 */
export function schemaDifference(db: Database.Database, version: number): string | null {
  const expected = new Map(referenceSchema(version).map((o) => [`${o.type} ${o.name}`, o.sql]));
  const actual = new Map(schemaObjects(db).map((o) => [`${o.type} ${o.name}`, o.sql]));
  const missing = [...expected.keys()].filter((k) => !actual.has(k));
  const changed = [...expected.keys()].filter((k) => actual.has(k) && actual.get(k) !== expected.get(k));
  const extra = [...actual.keys()].filter((k) => !expected.has(k));
  if (missing.length + changed.length + extra.length === 0) return null;
  const some = (label: string, keys: string[]) => (keys.length ? [`${label} ${keys.slice(0, 3).join(', ')}${keys.length > 3 ? ` and ${keys.length - 3} more` : ''}`] : []);
  return [...some('missing:', missing), ...some('changed:', changed), ...some('not ROMtrack’s:', extra)].join('; ');
}
