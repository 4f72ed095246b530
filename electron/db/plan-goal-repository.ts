import type Database from 'better-sqlite3';
import { prepared } from './statement-cache';
import type { AdherenceEntry } from '../../shared/domain/adherence';
import type { Goal } from '../../shared/domain/plan-records';
import {
  currentOnly,
  metaOf,
  VERSION_INSERT_COLUMNS,
  VERSION_INSERT_VALUES,
  versionParams,
  VersionedRecords,
  type NewVersion,
  type VersionColumns,
} from './versioned-records';

interface GoalRow extends VersionColumns {
  plan_id: string;
  patient_id: string;
  motion: Goal['motion'];
  side: Goal['side'];
  mode: Goal['mode'];
  target: number;
  target_date: string;
  set_when_met: number;
}

interface AdherenceRow extends VersionColumns {
  item_id: string;
  plan_id: string;
  patient_id: string;
  week_start: string;
  sessions_done: number;
  note: string | null;
}

/** A goal as stored; its status is derived from the measurements when it is read (goal-status.ts). */
export type GoalRecord = Omit<Goal, 'status'>;
/** A week's count as stored; the sessions prescribed that week come from the plan item. */
export type AdherenceRecord = Omit<AdherenceEntry, 'prescribed'>;
export type GoalValues = Omit<GoalRecord, keyof ReturnType<typeof metaOf>>;
export type AdherenceValues = Omit<AdherenceRecord, keyof ReturnType<typeof metaOf>>;

const toGoal = (r: GoalRow): GoalRecord => ({
  ...metaOf(r),
  planId: r.plan_id,
  patientId: r.patient_id,
  motion: r.motion,
  side: r.side,
  mode: r.mode,
  target: r.target,
  targetDate: r.target_date,
  setWhenMet: r.set_when_met === 1,
});

const toAdherence = (r: AdherenceRow): AdherenceRecord => ({
  ...metaOf(r),
  itemId: r.item_id,
  planId: r.plan_id,
  patientId: r.patient_id,
  weekStart: r.week_start,
  sessionsDone: r.sessions_done,
  note: r.note,
});

/** A plan's goals and its weekly adherence counts: both versioned clinical records, voided rather than deleted. */
export class PlanGoalRepository {
  readonly goalVersions: VersionedRecords<GoalRow>;
  readonly adherenceVersions: VersionedRecords<AdherenceRow>;

  constructor(private readonly db: Database.Database) {
    this.goalVersions = new VersionedRecords<GoalRow>(db, 'plan_goals', 'goal');
    this.adherenceVersions = new VersionedRecords<AdherenceRow>(db, 'plan_adherence', 'adherence count');
  }

  insertGoal(version: NewVersion, g: GoalValues): GoalRecord {
    prepared(
      this.db,
      `INSERT INTO plan_goals (${VERSION_INSERT_COLUMNS}, plan_id, patient_id, motion, side, mode, target, target_date, set_when_met)
       VALUES (${VERSION_INSERT_VALUES}, @plan_id, @patient_id, @motion, @side, @mode, @target, @target_date, @set_when_met)`,
    )
      .run({
        ...versionParams(version),
        plan_id: g.planId,
        patient_id: g.patientId,
        motion: g.motion,
        side: g.side,
        mode: g.mode,
        target: g.target,
        target_date: g.targetDate,
        set_when_met: g.setWhenMet ? 1 : 0,
      });
    return this.goal(version.id)!;
  }

  goal(id: string): GoalRecord | null {
    const row = this.goalVersions.get(id);
    return row ? toGoal(row) : null;
  }

  /** Current goals of a plan, by target date. */
  goalsOf(planId: string): GoalRecord[] {
    const rows = prepared<[string], GoalRow>(this.db, `SELECT * FROM plan_goals WHERE plan_id = ? AND ${currentOnly()} ORDER BY target_date, recorded_at`)
      .all(planId);
    return rows.map(toGoal);
  }

  insertAdherence(version: NewVersion, a: AdherenceValues): AdherenceRecord {
    prepared(
      this.db,
      `INSERT INTO plan_adherence (${VERSION_INSERT_COLUMNS}, item_id, plan_id, patient_id, week_start, sessions_done, note)
       VALUES (${VERSION_INSERT_VALUES}, @item_id, @plan_id, @patient_id, @week_start, @sessions_done, @note)`,
    )
      .run({
        ...versionParams(version),
        item_id: a.itemId,
        plan_id: a.planId,
        patient_id: a.patientId,
        week_start: a.weekStart,
        sessions_done: a.sessionsDone,
        note: a.note,
      });
    return toAdherence(this.adherenceVersions.get(version.id)!);
  }

  /** The current count of an item's week, if one was recorded. */
  currentAdherence(itemId: string, weekStart: string): (AdherenceRow & { lineage_id: string }) | null {
    return (
      prepared<[string, string], AdherenceRow>(this.db, `SELECT * FROM plan_adherence WHERE item_id = ? AND week_start = ? AND ${currentOnly()}`).get(itemId, weekStart) ??
      null
    );
  }

  /** Current counts of a plan, by week then by when they were recorded. */
  adherenceOf(planId: string): AdherenceRecord[] {
    const rows = prepared<[string], AdherenceRow>(this.db, `SELECT * FROM plan_adherence WHERE plan_id = ? AND ${currentOnly()} ORDER BY week_start, recorded_at`)
      .all(planId);
    return rows.map(toAdherence);
  }
}
