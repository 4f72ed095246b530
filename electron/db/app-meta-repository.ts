import { prepared } from './statement-cache';
import type Database from 'better-sqlite3';

const BACKUP_FOLDERS_KEY = 'backup_folders';
/** Enough for a few USB sticks and a network share; the oldest choice is forgotten first. */
const MAX_BACKUP_FOLDERS = 10;

/** Small workstation facts that are not clinical records (such as the last therapist chosen). */
export class AppMetaRepository {
  constructor(private readonly db: Database.Database) {}

  get(key: string): string | null {
    const row = prepared<[string], { value: string }>(this.db, 'SELECT value FROM app_meta WHERE key = ?').get(key);
    return row?.value ?? null;
  }

  set(key: string, value: string): void {
    prepared(this.db, 'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** Folders a person backed up to (besides the database's own), most recent first: listed with their backups. */
  backupFolders(): string[] {
    const raw = this.get(BACKUP_FOLDERS_KEY);
    if (raw === null) return [];
    try {
      const value: unknown = JSON.parse(raw);
      return Array.isArray(value) ? value.filter((f): f is string => typeof f === 'string') : [];
    } catch {
      return [];
    }
  }

  rememberBackupFolders(folders: readonly string[]): void {
    const merged = [...new Set([...folders, ...this.backupFolders()])].slice(0, MAX_BACKUP_FOLDERS);
    this.set(BACKUP_FOLDERS_KEY, JSON.stringify(merged));
  }
}
