import { prepared } from './statement-cache';
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';

export interface AuditEntry {
  at: string;
  actorId: string | null;
  operation: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface AuditRow {
  id: string;
  at: string;
  actorId: string | null;
  operation: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** Call inside the transaction that makes the change, so the change and its record stand or fall together. */
export function writeAudit(db: Database.Database, entry: AuditEntry): void {
  const info = prepared(db, 
      `INSERT INTO audit_log (id, at, actor_id, operation, entity, entity_id, before_json, after_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      randomUUID(),
      entry.at,
      entry.actorId,
      entry.operation,
      entry.entity,
      entry.entityId,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
    );
  if (info.changes !== 1) throw new Error('audit row was not written');
}

interface AuditDbRow {
  id: string;
  at: string;
  actor_id: string | null;
  operation: string;
  entity: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
}

export function auditFor(db: Database.Database, entity: string, entityId: string): AuditRow[] {
  const rows = prepared(db, `SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY seq`)
    .all(entity, entityId) as AuditDbRow[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    operation: r.operation,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before_json === null ? null : JSON.parse(r.before_json),
    after: r.after_json === null ? null : JSON.parse(r.after_json),
  }));
}
