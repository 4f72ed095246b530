import type Database from 'better-sqlite3';

export interface Migration {
  /** Becomes PRAGMA user_version once applied; numbers are consecutive from 1. */
  version: number;
  name: string;
  up: string;
  /**
   * A step SQL cannot express (hashing rows with node:crypto), run after `up` in the same transaction. Frozen
   * like the SQL: it may use only what it spells out itself, never today's repositories. A long one tells
   * `progress` how many of its units of work are done (the update screen's bar); it may ignore it.
   */
  run?: (db: Database.Database, progress: (done: number, total: number) => void) => void;
}
