import type Database from 'better-sqlite3';
import { migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/types';
import { pragmaNumber } from './pragmas';

export function schemaVersion(db: Database.Database): number {
  return pragmaNumber(db, 'user_version');
}

/**
 * Applies each pending migration in its own transaction, bumping user_version inside it, so a
 * crash leaves the file at the last complete version. `target` lets tests stop part-way.
 */
export function migrate(
  db: Database.Database,
  target = allMigrations.length,
  migrations: readonly Migration[] = allMigrations,
): { from: number; to: number } {
  const from = schemaVersion(db);
  for (const m of migrations) {
    if (m.version <= from || m.version > target) continue;
    db.transaction(() => {
      db.exec(m.up);
      m.run?.(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: schemaVersion(db) };
}
