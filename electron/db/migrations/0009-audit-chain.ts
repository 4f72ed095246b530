import { createHash, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Migration } from './types';

// A migration is frozen history: it spells out its SQL and its hash, so later code can never change what
// version 9 of a database looks like. (electron/db/audit-chain.ts computes the same hash for new rows;
// tests/integration/migrations-data.test.ts checks the two agree.)

function rowHash(prev: string, r: AuditRow): string {
  return createHash('sha256')
    .update(JSON.stringify([prev, r.id, r.at, r.actor_id, r.operation, r.entity, r.entity_id, r.before_json, r.after_json]))
    .digest('hex');
}

interface AuditRow {
  seq: number;
  id: string;
  at: string;
  actor_id: string | null;
  operation: string;
  entity: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
}

const TRIGGERS = `
  -- Append-only, as the clinical records are: the database itself refuses to edit or delete a row.
  CREATE TRIGGER audit_log_never_deleted BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: its rows are never deleted'); END;
  CREATE TRIGGER audit_log_never_edited BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: its rows are never edited'); END;
  -- A new row must carry a hash and continue the chain from the last row.
  CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
  WHEN length(NEW.hash) <> 64
    OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), '')
  BEGIN SELECT RAISE(ABORT, 'an audit row must continue the chain from the last row'); END;

  -- The database's identity (which backups are its own) is set once and kept.
  CREATE TRIGGER app_meta_identity_kept BEFORE UPDATE ON app_meta WHEN OLD.key = 'database_id'
  BEGIN SELECT RAISE(ABORT, 'the database identity is never changed'); END;
  CREATE TRIGGER app_meta_identity_not_deleted BEFORE DELETE ON app_meta WHEN OLD.key = 'database_id'
  BEGIN SELECT RAISE(ABORT, 'the database identity is never removed'); END;
`;

export const migration0009: Migration = {
  version: 9,
  name: 'audit log hash chain and database identity',
  up: `
    -- Each audit row: the hash of the row before it ('' for the first) and sha256 of that and its own columns.
    ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
    ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT '';
  `,
  run: (db: Database.Database) => {
    // The rows already there get their chain now, a page at a time (a statement cannot write the table it is
    // still reading), before the triggers forbid any update.
    const page = db.prepare<[number], AuditRow>('SELECT seq, id, at, actor_id, operation, entity, entity_id, before_json, after_json FROM audit_log WHERE seq > ? ORDER BY seq LIMIT 1000');
    const update = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
    let prev = '';
    let last = 0;
    for (;;) {
      const rows = page.all(last);
      for (const row of rows) {
        const hash = rowHash(prev, row);
        update.run(prev, hash, row.seq);
        prev = hash;
        last = row.seq;
      }
      if (rows.length < 1000) break;
    }
    // The first audit row's id, where there is one: every backup made before this version carries it too, so
    // they are still recognised as this database's.
    const first = db.prepare<[], string>('SELECT id FROM audit_log ORDER BY seq LIMIT 1').pluck().get();
    db.prepare(`INSERT OR IGNORE INTO app_meta (key, value) VALUES ('database_id', ?)`).run(first ?? randomUUID());
    db.exec(TRIGGERS);
  },
};
