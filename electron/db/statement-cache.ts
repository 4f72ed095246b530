import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * Compiles each SQL text once per connection. Preparing is most of the cost of a small query, and
 * repositories run the same few statements thousands of times (a visit, a patient's page, a bulk load).
 * Keyed by connection, so a restore's new connection starts its own cache.
 *
 * Typed like better-sqlite3's own `db.prepare<Params, Row>`: the caller names the parameters it binds and the
 * row its SELECT returns (after `.pluck()` the one value, after `.raw()` the tuple of columns in SELECT order),
 * and reads come back typed, e.g. `prepared<[string], VisitRow>(db, sql).all(id)` is a `VisitRow[]`.
 */
export function prepared<Params extends unknown[] | object = unknown[], Row = unknown>(
  db: Database.Database,
  sql: string,
): Database.Statement<Params, Row> {
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
  // The one unchecked step, as in db.prepare<Params, Row>: SQLite cannot say at compile time what a SELECT
  // returns, so the row type is the caller's statement about its SQL (the repositories' tests read real rows).
  return statement as Database.Statement<Params, Row>;
}

/** The SQL texts prepared so far on a connection: lets a test check the plans of the statements the app really runs. */
export function preparedSql(db: Database.Database): string[] {
  return [...(caches.get(db)?.keys() ?? [])];
}
