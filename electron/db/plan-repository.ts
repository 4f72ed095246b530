import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { parseJsonColumn, type JsonText } from './json-column';
import { prepared } from './statement-cache';
import { versionPeriods } from '../../shared/domain/plan-periods';
import type { PlanSite } from '../../shared/domain/plan';
import type { PlanItem, PlanVersion } from '../../shared/domain/plan-records';
import { AppError } from './errors';
import {
  metaOf,
  VERSION_INSERT_COLUMNS,
  VERSION_INSERT_VALUES,
  versionParams,
  VersionedRecords,
  type NewVersion,
  type VersionColumns,
} from './versioned-records';
import { message } from '../../shared/i18n/message';

export interface PlanVersionRow extends VersionColumns {
  patient_id: string;
  title: string;
  effective_from: string;
  end_date: string | null;
  sites_json: JsonText<PlanSite[]>;
  passive_rom_allowed: number;
  precautions: string | null;
  ended_on: string | null;
  ended_at: string | null;
  ended_by: string | null;
  end_reason: string | null;
}

export interface PlanItemRow {
  id: string;
  plan_version_id: string;
  position: number;
  intervention: PlanItem['intervention'];
  motions_json: JsonText<PlanItem['motions']>;
  dose_kind: PlanItem['doseKind'];
  sets: number | null;
  repetitions: number | null;
  minutes: number | null;
  frequency_count: number;
  frequency_per: PlanItem['frequencyPer'];
  instructions: string | null;
}

export interface PlanVersionValues {
  patientId: string;
  title: string;
  effectiveFrom: string;
  endDate: string | null;
  sites: PlanSite[];
  passiveRomAllowed: boolean;
  precautions: string | null;
}

export type PlanItemValues = Omit<PlanItem, 'id' | 'position'>;

function toItem(r: PlanItemRow): PlanItem {
  return {
    id: r.id,
    position: r.position,
    intervention: r.intervention,
    motions: parseJsonColumn(r.motions_json),
    doseKind: r.dose_kind,
    sets: r.sets,
    repetitions: r.repetitions,
    minutes: r.minutes,
    frequencyCount: r.frequency_count,
    frequencyPer: r.frequency_per,
    instructions: r.instructions,
  };
}

/**
 * Plan versions and their items. A plan is the lineage of its versions; each version is a whole row with its
 * own items, so an earlier version reads exactly as it was prescribed.
 */
export class PlanRepository {
  readonly versions: VersionedRecords<PlanVersionRow>;

  constructor(private readonly db: Database.Database) {
    this.versions = new VersionedRecords<PlanVersionRow>(db, 'plan_versions', 'plan version');
  }

  /** A version with its items, in one go: a version is never without them. */
  insertVersion(version: NewVersion, v: PlanVersionValues, items: readonly PlanItemValues[]): void {
    prepared(
      this.db,
      `INSERT INTO plan_versions (${VERSION_INSERT_COLUMNS}, patient_id, title, effective_from, end_date, sites_json, passive_rom_allowed, precautions)
       VALUES (${VERSION_INSERT_VALUES}, @patient_id, @title, @effective_from, @end_date, @sites_json, @passive_rom_allowed, @precautions)`,
    )
      .run({
        ...versionParams(version),
        patient_id: v.patientId,
        title: v.title,
        effective_from: v.effectiveFrom,
        end_date: v.endDate,
        sites_json: JSON.stringify(v.sites.map((s) => ({ joint: s.joint, side: s.side }))),
        passive_rom_allowed: v.passiveRomAllowed ? 1 : 0,
        precautions: v.precautions,
      });
    const insertItem = prepared(
      this.db,
      `INSERT INTO plan_items (id, plan_version_id, position, intervention, motions_json, dose_kind, sets, repetitions, minutes, frequency_count, frequency_per, instructions)
       VALUES (@id, @plan_version_id, @position, @intervention, @motions_json, @dose_kind, @sets, @repetitions, @minutes, @frequency_count, @frequency_per, @instructions)`,
    );
    items.forEach((item, i) => {
      insertItem.run({
        id: randomUUID(),
        plan_version_id: version.id,
        position: i + 1,
        intervention: item.intervention,
        motions_json: JSON.stringify(item.motions),
        dose_kind: item.doseKind,
        sets: item.sets,
        repetitions: item.repetitions,
        minutes: item.minutes,
        frequency_count: item.frequencyCount,
        frequency_per: item.frequencyPer,
        instructions: item.instructions,
      });
    });
  }

  /** Stops the plan: set once on its current version; the guard trigger refuses a second time. */
  end(id: string, endedOn: string, at: string, by: string, reason: string): void {
    const info = prepared(
      this.db,
      `UPDATE plan_versions SET ended_on = ?, ended_at = ?, ended_by = ?, end_reason = ?
       WHERE id = ? AND superseded_by IS NULL AND voided_at IS NULL AND ended_on IS NULL`,
    )
      .run(endedOn, at, by, reason, id);
    if (info.changes !== 1) throw new AppError('conflict', message('domain.plans.changed'));
  }

  item(id: string): PlanItemRow | null {
    return prepared<[string], PlanItemRow>(this.db, `SELECT * FROM plan_items WHERE id = ?`).get(id) ?? null;
  }

  /** Every version of a plan, oldest first, with items, numbers and periods in force. */
  versionsOf(lineageId: string): PlanVersion[] {
    // effective_from increases strictly along a plan (plan_versions_no_overlap), so it orders the versions.
    const rows = prepared<[string], PlanVersionRow>(this.db, `SELECT * FROM plan_versions WHERE lineage_id = ? ORDER BY effective_from`).all(lineageId);
    const items = prepared<[string], PlanItemRow>(
      this.db,
      `SELECT i.* FROM plan_items i JOIN plan_versions v ON v.id = i.plan_version_id
       WHERE v.lineage_id = ? ORDER BY i.position`,
    )
      .all(lineageId);
    const byVersion = new Map<string, PlanItem[]>();
    for (const r of items) byVersion.set(r.plan_version_id, [...(byVersion.get(r.plan_version_id) ?? []), toItem(r)]);
    const periods = versionPeriods(rows.map((r) => ({ effectiveFrom: r.effective_from, endDate: r.end_date, endedOn: r.ended_on })));
    return rows.map((r, i) => ({
      ...metaOf(r),
      patientId: r.patient_id,
      number: i + 1,
      title: r.title,
      effectiveFrom: r.effective_from,
      endDate: r.end_date,
      inForceUntil: periods[i]!.until,
      sites: parseJsonColumn(r.sites_json),
      passiveRomAllowed: r.passive_rom_allowed === 1,
      precautions: r.precautions,
      items: byVersion.get(r.id) ?? [],
      ended: r.ended_on && r.ended_at && r.end_reason ? { on: r.ended_on, at: r.ended_at, by: r.ended_by, reason: r.end_reason } : null,
    }));
  }

  /** The patient's plans (lineage ids), the most recently started first. */
  plansOf(patientId: string): string[] {
    const rows = prepared<[string], { lineage_id: string }>(
      this.db,
      `SELECT lineage_id, min(effective_from) AS start FROM plan_versions WHERE patient_id = ? AND voided_at IS NULL
       GROUP BY lineage_id ORDER BY start DESC, min(recorded_at) DESC`,
    )
      .all(patientId);
    return rows.map((r) => r.lineage_id);
  }
}
