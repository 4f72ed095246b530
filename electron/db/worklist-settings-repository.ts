import type Database from 'better-sqlite3';
import { DEFAULT_WORKLIST_SETTINGS, type WorklistSettings } from '../../shared/worklist/settings';
import { AppError } from './errors';
import { prepared } from './statement-cache';
import { message } from '../../shared/i18n/message';

export interface StoredWorklistSettings extends WorklistSettings {
  /** 0: the clinic has not changed the defaults. */
  version: number;
  setAt: string | null;
  setByName: string | null;
}

interface Row {
  weekly_from_week: number;
  weekly_until_week: number;
  monthly_until_week: number;
  alp_upper_limit: number;
  version: number;
  set_at: string;
  set_by_name: string | null;
}

/** The clinic's worklist settings (migration 10): one row once changed, the defaults before. */
export class WorklistSettingsRepository {
  constructor(private readonly db: Database.Database) {}

  get(): StoredWorklistSettings {
    const r = prepared<[], Row>(this.db, 'SELECT s.*, t.name AS set_by_name FROM worklist_settings s LEFT JOIN therapists t ON t.id = s.set_by WHERE s.id = 1').get();
    if (!r) return { ...DEFAULT_WORKLIST_SETTINGS, version: 0, setAt: null, setByName: null };
    return {
      weeklyFromWeek: r.weekly_from_week,
      weeklyUntilWeek: r.weekly_until_week,
      monthlyUntilWeek: r.monthly_until_week,
      alpUpperLimit: r.alp_upper_limit,
      version: r.version,
      setAt: r.set_at,
      setByName: r.set_by_name,
    };
  }

  /** Saves a change made on `version`; a stale version (a colleague saved meanwhile) is refused. */
  set(s: WorklistSettings, version: number, at: string, by: string): void {
    const current = this.get().version;
    if (current !== version) throw new AppError('conflict', message('domain.worklist.changed'));
    prepared(
      this.db,
      `INSERT INTO worklist_settings (id, weekly_from_week, weekly_until_week, monthly_until_week, alp_upper_limit, version, set_at, set_by)
       VALUES (1, @from, @until, @monthly, @alp, @version, @at, @by)
       ON CONFLICT (id) DO UPDATE SET weekly_from_week = @from, weekly_until_week = @until, monthly_until_week = @monthly,
         alp_upper_limit = @alp, version = @version, set_at = @at, set_by = @by`,
    ).run({ from: s.weeklyFromWeek, until: s.weeklyUntilWeek, monthly: s.monthlyUntilWeek, alp: s.alpUpperLimit, version: current + 1, at, by });
  }
}
