import { prepared } from './statement-cache';
import type Database from 'better-sqlite3';

/** Small workstation facts that are not clinical records (such as the last therapist chosen). */
export class AppMetaRepository {
  constructor(private readonly db: Database.Database) {}

  get(key: string): string | null {
    const row = prepared(this.db, 'SELECT value FROM app_meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  set(key: string, value: string): void {
    prepared(this.db, 'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }
}
