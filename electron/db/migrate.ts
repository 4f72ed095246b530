import type Database from 'better-sqlite3';
import { migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/types';
import { pragmaNumber } from './pragmas';

export function schemaVersion(db: Database.Database): number {
  return pragmaNumber(db, 'user_version');
}

/**
 * How far the pending migrations have come: the `index`-th of `count` (version `version`) has done `done` of its
 * `total` units of work. A migration that says nothing of its own is one unit, reported as it starts and ends.
 */
export interface MigrationProgress {
  version: number;
  name: string;
  index: number;
  count: number;
  done: number;
  total: number;
}

/**
 * Applies each pending migration in its own transaction, bumping user_version inside it, so a
 * crash leaves the file at the last complete version. `target` lets tests stop part-way; `onProgress` is told
 * as each migration goes (the database update at start, db/update-steps.ts).
 */
export function migrate(
  db: Database.Database,
  target = allMigrations.length,
  migrations: readonly Migration[] = allMigrations,
  onProgress?: (progress: MigrationProgress) => void,
): { from: number; to: number } {
  const from = schemaVersion(db);
  const pending = migrations.filter((m) => m.version > from && m.version <= target);
  pending.forEach((m, i) => {
    const tell = (done: number, total: number) => onProgress?.({ version: m.version, name: m.name, index: i + 1, count: pending.length, done, total });
    tell(0, 1);
    db.transaction(() => {
      db.exec(m.up);
      m.run?.(db, tell);
      db.pragma(`user_version = ${m.version}`);
    })();
    tell(1, 1);
  });
  return { from, to: schemaVersion(db) };
}
