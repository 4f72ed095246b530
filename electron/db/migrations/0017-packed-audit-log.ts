import type Database from 'better-sqlite3';
import { packAuditTexts } from '../audit-pack';
import type { Migration } from './types';

// The audit log was more than half of a clinic's file: each row held its record's JSON text in full (a visit
// with its measurements is some 3 kB, spilling onto overflow pages), its hashes as hex, and two indexes no read
// that matters uses (the UNIQUE index on its UUID, and (entity, entity_id), read only by tests; the change feed
// reads by seq). This copies every row into a table that packs the texts (format 1 of audit-pack.ts, frozen
// like this file) and keeps the hashes as 32-byte BLOBs. Every row keeps its seq, id, hash and prev_hash, and
// its texts unpack to exactly what its hash covers, so the chain is the same chain: rows the old table held
// tampered stay tampered (a hash that is not hex keeps its bytes, and the check names the row).

interface OldRow {
  seq: number;
  id: string;
  at: string;
  actor_id: string | null;
  operation: string;
  entity: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

const bytesOf = (hex: string): Buffer => (/^([0-9a-f]{2})*$/.test(hex) ? Buffer.from(hex, 'hex') : Buffer.from(hex, 'utf8'));

const TRIGGERS = `
  -- Append-only: the database itself refuses to edit or delete a row.
  CREATE TRIGGER audit_log_never_deleted BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: its rows are never deleted'); END;
  CREATE TRIGGER audit_log_never_edited BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: its rows are never edited'); END;
  -- A new row must carry a 32-byte hash and continue the chain from the last row (X'' before the first).
  CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
  WHEN length(NEW.hash) <> 32
    OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), X'')
  BEGIN SELECT RAISE(ABORT, 'an audit row must continue the chain from the last row'); END;
`;

const PAGE = 1000;

export const migration0017: Migration = {
  version: 17,
  name: 'audit log texts packed, hashes as bytes, unused indexes gone',
  up: `
    CREATE TABLE audit_log_packed (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      -- The row's UUID: covered by its hash, and the first row's is an old database's identity. Not indexed.
      id TEXT NOT NULL,
      at TEXT NOT NULL,
      actor_id TEXT,
      operation TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      -- The before and after JSON texts, packed (electron/db/audit-pack.ts: a format byte, then the bytes).
      before_packed BLOB,
      after_packed BLOB,
      -- sha256 of the chain (electron/db/audit-chain.ts): 32 bytes each; prev_hash is empty before the first row.
      prev_hash BLOB NOT NULL,
      hash BLOB NOT NULL
    ) STRICT;
  `,
  run: (db: Database.Database) => {
    // The highest seq ever written: rows cut off the end of the log before this migration must still show.
    const highest = db.prepare<[], number>(`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`).pluck().get();
    const page = db.prepare<[number], OldRow>(
      `SELECT seq, id, at, actor_id, operation, entity, entity_id, before_json, after_json, prev_hash, hash FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ${PAGE}`,
    );
    const insert = db.prepare(
      `INSERT INTO audit_log_packed (seq, id, at, actor_id, operation, entity, entity_id, before_packed, after_packed, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let last = 0;
    for (;;) {
      const rows = page.all(last);
      for (const r of rows) {
        const texts = packAuditTexts({ actorId: r.actor_id, entityId: r.entity_id }, r.before_json, r.after_json);
        insert.run(r.seq, r.id, r.at, r.actor_id, r.operation, r.entity, r.entity_id, texts.before, texts.after, bytesOf(r.prev_hash), bytesOf(r.hash));
        last = r.seq;
      }
      if (rows.length < PAGE) break;
    }
    // Dropping a table fires none of its triggers; the old table's triggers and indexes go with it.
    db.exec(`DROP TABLE audit_log; ALTER TABLE audit_log_packed RENAME TO audit_log;`);
    if (highest !== undefined) {
      db.prepare(`DELETE FROM sqlite_sequence WHERE name = 'audit_log'`).run();
      db.prepare(`INSERT INTO sqlite_sequence (name, seq) VALUES ('audit_log', ?)`).run(Math.max(highest, last));
    }
    db.exec(TRIGGERS);
  },
};
