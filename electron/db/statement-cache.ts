import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * Compiles each SQL text once per connection. Preparing is most of the cost of a small query, and
 * repositories run the same few statements thousands of times (a visit, a patient's page, a bulk load).
 * Keyed by connection, so a restore's new connection starts its own cache.
 */
export function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/** The SQL texts prepared so far on a connection: lets a test check the plans of the statements the app really runs. */
export function preparedSql(db: Database.Database): string[] {
  return [...(caches.get(db)?.keys() ?? [])];
}
