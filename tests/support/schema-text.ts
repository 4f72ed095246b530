import type Database from 'better-sqlite3';

/**
 * The schema of a database as one stable text: every table, index, trigger and view from sqlite_master
 * (SQLite's own automatic indexes left out), grouped by kind and sorted by name, each statement's lines
 * stripped of the indentation the migrations' template strings gave them. The same schema always gives
 * the same text, whatever order the migrations created things in.
 */
export function schemaText(db: Database.Database): string {
  const rows = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
       ORDER BY CASE type WHEN 'table' THEN 1 WHEN 'index' THEN 2 WHEN 'trigger' THEN 3 ELSE 4 END, name`,
    )
    .all() as { type: string; name: string; sql: string }[];
  const version = db.pragma('user_version', { simple: true }) as number;
  const statements = rows.map((row) => `-- ${row.type} ${row.name}\n${normalise(row.sql)};`);
  return `-- ROMtrack schema at user_version ${version}. Generated: npm run schema:snapshot\n\n${statements.join('\n\n')}\n`;
}

function normalise(sql: string): string {
  const lines = sql
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return lines.map((line, i) => (i === 0 || line.startsWith(')') ? line : `  ${line}`)).join('\n');
}
