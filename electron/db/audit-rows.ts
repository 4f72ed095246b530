import type Database from 'better-sqlite3';
import type { AuditEventColumns, ChainedContent } from './audit-chain';
import { packAuditTexts, unpackAuditTexts } from './audit-pack';

// The one place that knows how audit rows lie in the file. Up to schema 16 each row held its before and after
// as JSON text and its hashes as hex; from 17 the texts are packed (audit-pack.ts) and the hashes are 32-byte
// BLOBs. Every reader gets the row as its hash defines it (texts and hex), whichever layout the file has: the
// chain check also reads backups made by older versions.

/** A row as its hash covers it, with its place in the chain. */
export interface AuditChainRow extends ChainedContent {
  seq: number;
  prev_hash: string;
  hash: string;
}

interface PackedRow extends AuditEventColumns {
  seq: number;
  before_packed: Buffer | null;
  after_packed: Buffer | null;
  prev_hash: Buffer;
  hash: Buffer;
}

/** A row as the file holds it: converted only when read (`unpacked`), so one damaged row can be named, not thrown. */
export type StoredAuditRow = { layout: 'text'; row: AuditChainRow } | { layout: 'packed'; row: PackedRow };

const COMMON = 'seq, id, at, actor_id, operation, entity, entity_id';

/** Whether the file's audit_log has the packed layout of schema 17 on. */
export function auditIsPacked(db: Database.Database): boolean {
  return (db.pragma('table_info(audit_log)') as { name: string }[]).some((c) => c.name === 'after_packed');
}

/**
 * Audit rows in seq order, as stored. `where` is SQL written by the caller over the columns every layout
 * has (seq, id, at, actor_id, operation, entity, entity_id), never built from data.
 */
export function storedAuditRows(db: Database.Database, where: string, params: readonly unknown[] = [], limit?: number): StoredAuditRow[] {
  const tail = `WHERE ${where} ORDER BY seq${limit === undefined ? '' : ` LIMIT ${Math.floor(limit)}`}`;
  if (auditIsPacked(db)) {
    const rows = db.prepare<unknown[], PackedRow>(`SELECT ${COMMON}, before_packed, after_packed, prev_hash, hash FROM audit_log ${tail}`).all(...params);
    return rows.map((row) => ({ layout: 'packed', row }));
  }
  const rows = db.prepare<unknown[], AuditChainRow>(`SELECT ${COMMON}, before_json, after_json, prev_hash, hash FROM audit_log ${tail}`).all(...params);
  return rows.map((row) => ({ layout: 'text', row }));
}

/** The row with its exact JSON texts and hex hashes. Throws when its packed bytes are not a packed text. */
export function unpacked(stored: StoredAuditRow): AuditChainRow {
  if (stored.layout === 'text') return stored.row;
  const r = stored.row;
  const texts = unpackAuditTexts({ actorId: r.actor_id, entityId: r.entity_id }, r.before_packed, r.after_packed);
  return {
    seq: r.seq, id: r.id, at: r.at, actor_id: r.actor_id, operation: r.operation, entity: r.entity, entity_id: r.entity_id,
    before_json: texts.before, after_json: texts.after, prev_hash: r.prev_hash.toString('hex'), hash: r.hash.toString('hex'),
  };
}

/** Audit rows with their JSON texts, in seq order (see storedAuditRows for `where`). */
export function auditRowsWhere(db: Database.Database, where: string, params: readonly unknown[] = []): AuditChainRow[] {
  return storedAuditRows(db, where, params).map(unpacked);
}

/** A hash as the packed layout stores it; a text that is not one (only ever from an edit outside the app) keeps its bytes. */
export function hashBytes(hex: string): Buffer {
  return /^([0-9a-f]{2})*$/.test(hex) ? Buffer.from(hex, 'hex') : Buffer.from(hex, 'utf8');
}

/** The values of a packed row, in the column order of INSERT_PACKED. */
export function packedValues(row: ChainedContent, prevHash: string, hash: string): unknown[] {
  const texts = packAuditTexts({ actorId: row.actor_id, entityId: row.entity_id }, row.before_json, row.after_json);
  return [row.id, row.at, row.actor_id, row.operation, row.entity, row.entity_id, texts.before, texts.after, hashBytes(prevHash), hashBytes(hash)];
}

export const INSERT_PACKED = `INSERT INTO audit_log (id, at, actor_id, operation, entity, entity_id, before_packed, after_packed, prev_hash, hash)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** The newest row's hash as hex ('' for an empty log). */
export function lastAuditHash(db: Database.Database): string {
  const hash = db.prepare<[], Buffer | string>('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get();
  if (hash === undefined) return '';
  return typeof hash === 'string' ? hash : hash.toString('hex');
}
