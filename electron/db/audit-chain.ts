import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { storedAuditRows, unpacked, type AuditChainRow } from './audit-rows';

// The audit log is a hash chain: each row stores the previous row's hash and a hash of that hash and its own
// content. Editing, removing or reordering a row in the file (with any SQLite tool, triggers dropped) leaves a
// row whose hashes no longer add up, and the check below names it. The chain is tamper-evident, not
// tamper-proof: someone who knows the scheme can recompute every hash after an edit. Checked at start-up and
// before a restore; never repaired by the app.

/** The prev_hash of the first row. */
export const CHAIN_START = '';

/** What a row says happened, when and by whom: the columns every layout of audit_log (audit-rows.ts) stores as they are. */
export interface AuditEventColumns {
  id: string;
  at: string;
  actor_id: string | null;
  operation: string;
  entity: string;
  entity_id: string;
}

/** The columns a row's hash covers: the event, with its record's before and after as JSON texts. */
export interface ChainedContent extends AuditEventColumns {
  before_json: string | null;
  after_json: string | null;
}

/**
 * sha256 over the previous hash and the row's columns as one JSON array: every value keeps its place and
 * type (null is not "null"), so no two different rows hash the same text.
 */
export function auditRowHash(prevHash: string, row: ChainedContent): string {
  const text = JSON.stringify([prevHash, row.id, row.at, row.actor_id, row.operation, row.entity, row.entity_id, row.before_json, row.after_json]);
  return createHash('sha256').update(text).digest('hex');
}

export type ChainCheck =
  | { ok: true; rows: number; head: string }
  | { ok: false; rows: number; reason: string; broken: ChainBreak };

/** Where the chain breaks, as values: a restore's refusal writes them in the person's language (backup/verify.ts). */
export type ChainBreak =
  | { kind: 'unreadable' | 'outOfOrder'; seq: number }
  | { kind: 'changed'; seq: number; operation: string; at: string }
  | { kind: 'cut'; seq: number; highest: number };

const PAGE = 2000;

/**
 * Walks the whole log in seq order, a page at a time (a clinic's log grows to hundreds of thousands of rows;
 * `onPage` lets a worker report progress). Reads either layout (audit-rows.ts): a backup of an older version
 * is checked before it is migrated. Also compares the last seq with sqlite_sequence, which AUTOINCREMENT keeps
 * at the highest seq ever written: rows cut off the end of the log show there.
 */
export function checkAuditChain(db: Database.Database, onPage: () => void = () => {}): ChainCheck {
  // One read transaction for every page and sqlite_sequence: the start-up check walks the live file while the
  // person saves visits, and rows appended between two pages would otherwise read as rows cut off the end.
  return db.transaction(() => walkChain(db, onPage))();
}

function walkChain(db: Database.Database, onPage: () => void): ChainCheck {
  let prev = CHAIN_START;
  let lastSeq = 0;
  let rows = 0;
  for (;;) {
    const batch = storedAuditRows(db, 'seq > ?', [lastSeq], PAGE);
    for (const stored of batch) {
      rows++;
      const seq = stored.row.seq;
      let row: AuditChainRow;
      try {
        row = unpacked(stored);
      } catch {
        return { ok: false, rows, reason: `the audit row numbered ${seq} was changed after it was written (its before and after can no longer be read)`, broken: { kind: 'unreadable', seq } };
      }
      if (row.prev_hash !== prev) {
        return { ok: false, rows, reason: `the audit row numbered ${seq} does not follow the row before it (a row was removed, inserted or reordered before it)`, broken: { kind: 'outOfOrder', seq } };
      }
      if (auditRowHash(prev, row) !== row.hash) {
        return { ok: false, rows, reason: `the audit row numbered ${seq} (${row.operation} at ${row.at}) was changed after it was written`, broken: { kind: 'changed', seq, operation: row.operation, at: row.at } };
      }
      prev = row.hash;
      lastSeq = seq;
    }
    onPage();
    if (batch.length < PAGE) break;
  }
  const highest = db.prepare<[], number>(`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`).pluck().get();
  if (highest !== undefined && highest > lastSeq) {
    return { ok: false, rows, reason: `audit rows after number ${lastSeq} were removed (rows up to ${highest} had been written)`, broken: { kind: 'cut', seq: lastSeq, highest } };
  }
  return { ok: true, rows, head: prev };
}
