import { prepared } from './statement-cache';
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { auditRowHash, CHAIN_START, type ChainedContent } from './audit-chain';
import { auditRowsWhere, INSERT_PACKED, lastAuditHash, packedValues } from './audit-rows';

export interface AuditEntry {
  at: string;
  actorId: string | null;
  operation: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface AuditRow extends AuditEntry {
  id: string;
}

// The hash of the last audit row, per connection: each new row chains from it without reading the table. A
// restore's new connection reads it afresh. It can go stale when the transaction that wrote a row rolls back
// (or another connection writes): the database's audit_log_chained trigger then refuses the row, and the
// write reads the real last hash and tries once more.
const heads = new WeakMap<Database.Database, string>();

function lastHash(db: Database.Database): string {
  return lastAuditHash(db) || CHAIN_START;
}

/** The row is stored packed (audit-rows.ts); its hash is over its texts, as the chain defines it. */
function insert(db: Database.Database, row: ChainedContent, prev: string): void {
  const hash = auditRowHash(prev, row);
  const info = prepared(db, INSERT_PACKED).run(...packedValues(row, prev, hash));
  if (info.changes !== 1) throw new Error('audit row was not written');
  heads.set(db, hash);
}

/** Call inside the transaction that makes the change, so the change and its record stand or fall together. */
export function writeAudit(db: Database.Database, entry: AuditEntry): void {
  const row: ChainedContent = {
    id: randomUUID(),
    at: entry.at,
    actor_id: entry.actorId,
    operation: entry.operation,
    entity: entry.entity,
    entity_id: entry.entityId,
    before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
    after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
  };
  let prev = heads.get(db);
  if (prev === undefined) {
    prev = lastHash(db);
    heads.set(db, prev);
  }
  try {
    insert(db, row, prev);
  } catch (err) {
    if (!(err instanceof Error) || !/continue the chain/.test(err.message)) throw err;
    insert(db, row, lastHash(db));
  }
}

/**
 * One record's history. Reads the whole log since schema 17 dropped the (entity, entity_id) index: nothing in
 * the app reads it (only tests); a screen that shows a record's history would bring its own index back.
 */
export function auditFor(db: Database.Database, entity: string, entityId: string): AuditRow[] {
  return auditRowsWhere(db, 'entity = ? AND entity_id = ?', [entity, entityId]).map(toEntry);
}

/** Rows as the app wrote them: the before and after parsed from their JSON texts. */
function toEntry(r: ChainedContent): AuditRow {
  return {
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    operation: r.operation,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before_json === null ? null : JSON.parse(r.before_json),
    after: r.after_json === null ? null : JSON.parse(r.after_json),
  };
}
