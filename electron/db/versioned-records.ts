import { prepared } from './statement-cache';
import type Database from 'better-sqlite3';
import { AppError } from './errors';
import { inner, message, type MessageParam } from '../../shared/i18n/message';
import { idTextSql, keyOfSql, lineageSql, measurementColumns, storedId } from './measurement-keys';

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

/**
 * How a table's rows are read and named: most tables hold UUID text; measurements hold integer keys and 16-byte
 * ids (migration 0018), which their shape converts so callers see the same rows.
 */
interface RowShape {
  /** SELECT of whole rows from the table as `r`, in the VersionColumns shape. */
  select: string;
  /** An id as the table stores it. */
  stored(id: string): unknown;
  /** SQL for the therapist named by the parameter @by, as the table stores it. */
  by: string;
  /** SQL: the rows of the lineage named by the parameter @lineage (stored form). */
  lineage: string;
  /** SQL: the id of the row `r` as text. */
  id: string;
}

const textShape = (table: VersionedTable): RowShape => ({
  select: `SELECT r.* FROM ${table} r`,
  stored: (id) => id,
  by: '@by',
  lineage: 'r.lineage_id = @lineage',
  id: 'r.id',
});

const measurementShape: RowShape = {
  select: `SELECT ${measurementColumns('r')} FROM measurements r`,
  stored: storedId,
  by: keyOfSql('therapists', '@by'),
  lineage: lineageSql('r', '@lineage'),
  id: idTextSql('r.id'),
};

const shapeOf = (table: VersionedTable): RowShape => (table === 'measurements' ? measurementShape : textShape(table));

/**
 * For SQL over a lineage outside the repositories (exchange imports): the condition on rows `r` for the
 * parameter @lineage, its value for a lineage id, and the SQL of a row's id as text.
 */
export function lineageMatch(table: VersionedTable): { where: string; lineage: (lineageId: string) => unknown; id: string } {
  const shape = shapeOf(table);
  return { where: shape.lineage, lineage: shape.stored, id: shape.id };
}

export class VersionedRecords<Row extends VersionColumns> {
  private readonly word: MessageParam;
  private readonly shape: RowShape;

  constructor(
    private readonly db: Database.Database,
    private readonly table: VersionedTable,
    what: keyof typeof RECORD_WORDS,
  ) {
    this.word = inner(RECORD_WORDS[what]);
    this.shape = shapeOf(table);
  }

  get(id: string): Row | null {
    return prepared<[{ id: unknown }], Row>(this.db, `${this.shape.select} WHERE r.id = @id`).get({ id: this.shape.stored(id) }) ?? null;
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
    const info = prepared(this.db, `UPDATE ${this.table} SET superseded_by = @newId WHERE id = @oldId AND ${CURRENT_ONLY}`).run({
      newId: this.shape.stored(newId),
      oldId: this.shape.stored(oldId),
    });
    if (info.changes !== 1) throw new AppError('conflict', message('domain.record.changed', { what: this.word }));
  }

  void(id: string, at: string, by: string, reason: string): Row {
    const info = prepared(this.db, `UPDATE ${this.table} SET voided_at = @at, voided_by = ${this.shape.by}, void_reason = @reason WHERE id = @id AND ${CURRENT_ONLY}`)
      .run({ at, by, reason, id: this.shape.stored(id) });
    if (info.changes !== 1) throw new AppError('conflict', message('domain.record.changed', { what: this.word }));
    return this.get(id)!;
  }

  /** Every version of the record `id` belongs to, oldest first. */
  history(id: string): Row[] {
    const row = this.get(id);
    if (!row) throw new AppError('not_found', message('domain.record.missingPlain', { what: this.word }));
    return prepared<[{ lineage: unknown }], Row>(this.db, `${this.shape.select} WHERE ${this.shape.lineage} ORDER BY r.recorded_at, r.rowid`).all({
      lineage: this.shape.stored(row.lineage_id),
    });
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
