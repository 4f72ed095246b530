import { prepared } from './statement-cache';
import type Database from 'better-sqlite3';
import { AppError } from './errors';
import { inner, message, type MessageParam } from '../../shared/i18n/message';

/** The tables whose rows are clinical facts: corrected by new versions, voided with a reason, never deleted. */
export type VersionedTable =
  | 'risk_factors'
  | 'watched_sites'
  | 'measurements'
  | 'clinical_events'
  // 0004's plan tables have the same version columns.
  | 'plan_versions'
  | 'plan_goals'
  | 'plan_adherence';

export interface VersionColumns {
  id: string;
  lineage_id: string;
  supersedes_id: string | null;
  superseded_by: string | null;
  recorded_at: string;
  recorded_by: string | null;
  correction_reason: string | null;
  voided_at: string | null;
  voided_by: string | null;
  void_reason: string | null;
}

export interface RecordMetaValues extends NewVersion {
  voided: { at: string; by: string | null; reason: string } | null;
}

export function metaOf(r: VersionColumns): RecordMetaValues {
  return {
    id: r.id,
    lineageId: r.lineage_id,
    supersedesId: r.supersedes_id,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
    correctionReason: r.correction_reason,
    voided: r.voided_at && r.void_reason ? { at: r.voided_at, by: r.voided_by, reason: r.void_reason } : null,
  };
}

/** How a new row enters the version chain: a first version is its own lineage. */
export interface NewVersion {
  id: string;
  lineageId: string;
  supersedesId: string | null;
  recordedAt: string;
  recordedBy: string | null;
  correctionReason: string | null;
}

export const CURRENT_ONLY = currentOnly();

/** The condition for current versions; it matches the partial indexes' WHERE so they are used. */
export function currentOnly(alias?: string): string {
  const a = alias ? `${alias}.` : '';
  return `${a}superseded_by IS NULL AND ${a}voided_at IS NULL`;
}

/** What a versioned record is called in a refusal, by the English word its repository gives. */
const RECORD_WORDS = {
  event: message('domain.record.event'),
  'risk factor': message('domain.record.riskFactor'),
  'watched site': message('domain.record.watchedSite'),
  goal: message('domain.record.goal'),
  'adherence count': message('domain.record.adherence'),
  'plan version': message('domain.record.planVersion'),
  measurement: message('domain.record.measurement'),
} as const;

export class VersionedRecords<Row extends VersionColumns> {
  private readonly word: MessageParam;

  constructor(
    private readonly db: Database.Database,
    private readonly table: VersionedTable,
    what: keyof typeof RECORD_WORDS,
  ) {
    this.word = inner(RECORD_WORDS[what]);
  }

  get(id: string): Row | null {
    return prepared<[string], Row>(this.db, `SELECT * FROM ${this.table} WHERE id = ?`).get(id) ?? null;
  }

  /** The version that may be corrected or voided: it must exist and still be current. */
  current(id: string): Row {
    const row = this.get(id);
    if (!row) throw new AppError('not_found', message('domain.record.missing', { what: this.word }));
    if (row.voided_at) throw new AppError('conflict', message('domain.record.voided', { what: this.word, date: { date: row.voided_at.slice(0, 10) } }));
    if (row.superseded_by) throw new AppError('conflict', message('domain.record.corrected', { what: this.word }));
    return row;
  }

  /** Links `newId` as the correction of `oldId`; the guard trigger allows only this change to the old row. */
  markSuperseded(oldId: string, newId: string): void {
    const info = prepared(this.db, `UPDATE ${this.table} SET superseded_by = ? WHERE id = ? AND ${CURRENT_ONLY}`).run(newId, oldId);
    if (info.changes !== 1) throw new AppError('conflict', message('domain.record.changed', { what: this.word }));
  }

  void(id: string, at: string, by: string, reason: string): Row {
    const info = prepared(this.db, `UPDATE ${this.table} SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ? AND ${CURRENT_ONLY}`)
      .run(at, by, reason, id);
    if (info.changes !== 1) throw new AppError('conflict', message('domain.record.changed', { what: this.word }));
    return this.get(id)!;
  }

  /** Every version of the record `id` belongs to, oldest first. */
  history(id: string): Row[] {
    const row = this.get(id);
    if (!row) throw new AppError('not_found', message('domain.record.missingPlain', { what: this.word }));
    return prepared<[string], Row>(this.db, `SELECT * FROM ${this.table} WHERE lineage_id = ? ORDER BY recorded_at, rowid`).all(row.lineage_id);
  }
}

export function versionParams(v: NewVersion) {
  return {
    id: v.id,
    lineage_id: v.lineageId,
    supersedes_id: v.supersedesId,
    recorded_at: v.recordedAt,
    recorded_by: v.recordedBy,
    correction_reason: v.correctionReason,
  };
}

export const VERSION_INSERT_COLUMNS = 'id, lineage_id, supersedes_id, recorded_at, recorded_by, correction_reason';
export const VERSION_INSERT_VALUES = '@id, @lineage_id, @supersedes_id, @recorded_at, @recorded_by, @correction_reason';
