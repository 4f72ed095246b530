import type Database from 'better-sqlite3';

// better-sqlite3 types a pragma's answer as unknown: these read the one-value pragmas the app asks (in
// `simple` mode, the first column of the first row) and check the value is what that pragma answers.

/** A pragma answering one number: user_version, data_version. */
export function pragmaNumber(db: Database.Database, pragma: string): number {
  const value = db.pragma(pragma, { simple: true });
  if (typeof value !== 'number') throw new Error(`PRAGMA ${pragma} answered ${String(value)}, not a number`);
  return value;
}

/** A pragma answering one text: quick_check and integrity_check ("ok", or their first finding). */
export function pragmaText(db: Database.Database, pragma: string): string {
  const value = db.pragma(pragma, { simple: true });
  if (typeof value !== 'string') throw new Error(`PRAGMA ${pragma} answered ${String(value)}, not a text`);
  return value;
}
