import { prepared } from './statement-cache';
import type Database from 'better-sqlite3';
import type { ClinicalEvent } from '../../shared/domain/event';
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

interface EventRow extends VersionColumns {
  patient_id: string;
  kind: ClinicalEvent['kind'];
  event_date: string;
  end_date: string | null;
  joint: ClinicalEvent['joint'];
  side: ClinicalEvent['side'];
  title: string | null;
  value: number | null;
  unit: string | null;
  classification: string | null;
  note: string | null;
}

export type EventValues = Omit<ClinicalEvent, keyof ReturnType<typeof metaOf>>;

function toEvent(r: EventRow): ClinicalEvent {
  return {
    ...metaOf(r),
    patientId: r.patient_id,
    kind: r.kind,
    date: r.event_date,
    endDate: r.end_date,
    joint: r.joint,
    side: r.side,
    title: r.title,
    value: r.value,
    unit: r.unit,
    classification: r.classification,
    note: r.note,
  };
}

export class EventRepository {
  readonly versions: VersionedRecords<EventRow>;

  constructor(private readonly db: Database.Database) {
    this.versions = new VersionedRecords<EventRow>(db, 'clinical_events', 'event');
  }

  insert(version: NewVersion, e: EventValues): ClinicalEvent {
    prepared(this.db, 
        `INSERT INTO clinical_events (${VERSION_INSERT_COLUMNS}, patient_id, kind, event_date, end_date, joint, side, title, value, unit, classification, note)
         VALUES (${VERSION_INSERT_VALUES}, @patient_id, @kind, @event_date, @end_date, @joint, @side, @title, @value, @unit, @classification, @note)`,
      )
      .run({
        ...versionParams(version),
        patient_id: e.patientId,
        kind: e.kind,
        event_date: e.date,
        end_date: e.endDate,
        joint: e.joint,
        side: e.side,
        title: e.title,
        value: e.value,
        unit: e.unit,
        classification: e.classification,
        note: e.note,
      });
    return this.get(version.id)!;
  }

  get(id: string): ClinicalEvent | null {
    const row = this.versions.get(id);
    return row ? toEvent(row) : null;
  }

  history(id: string): ClinicalEvent[] {
    return this.versions.history(id).map(toEvent);
  }

  voidedOf(patientId: string): ClinicalEvent[] {
    const rows = prepared<[string], EventRow>(this.db, `SELECT * FROM clinical_events WHERE patient_id = ? AND voided_at IS NOT NULL ORDER BY voided_at DESC`).all(patientId);
    return rows.map(toEvent);
  }

  /** Current events of a patient, newest first. */
  eventsOf(patientId: string): ClinicalEvent[] {
    const rows = prepared<[string], EventRow>(this.db, `SELECT * FROM clinical_events WHERE patient_id = ? AND ${currentOnly()} ORDER BY event_date DESC, recorded_at DESC`)
      .all(patientId);
    return rows.map(toEvent);
  }
}
