import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { checkAuditChain } from '../../electron/db/audit-chain';
import { writeAudit } from '../../electron/db/audit-repository';
import { openDatabase } from '../../electron/db/open';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import { databaseAt, type DatabaseAtVersion } from '../support/migrate-to';

// The day's full check walks the audit chain of the live file, a page at a time, from a read-only connection
// of its own, while the person goes on saving visits through the app's connection.

const open: DatabaseAtVersion[] = [];
afterEach(() => open.splice(0).forEach((d) => d.dispose()));

const row = (n: number) => ({
  at: '2025-03-04T10:00:00.000Z', actorId: null, operation: 'visits.record', entity: 'visit', entityId: `visit-${n}`, before: null,
  after: { id: `visit-${n}`, measurements: [{ motion: 'knee.flexion', degrees: 90 + (n % 40) }] },
});

describe('the audit chain checked while the app writes', () => {
  it('sees the log as it was when the check began: rows saved meanwhile are neither walked nor taken for rows cut off', () => {
    const d = databaseAt(LATEST_SCHEMA_VERSION);
    open.push(d);
    d.db.transaction(() => {
      for (let n = 0; n < 4500; n++) writeAudit(d.db, row(n));
    })();
    const checker = new Database(d.path, { readonly: true });
    const writer = openDatabase(d.path, { migrate: false });
    try {
      let saved = 0;
      // Between two pages of the walk, the app saves another visit.
      const result = checkAuditChain(checker, () => writer.transaction(() => writeAudit(writer, row(4500 + saved++)))());
      expect(saved).toBeGreaterThanOrEqual(2);
      expect(result).toMatchObject({ ok: true, rows: 4500 });
      // And the next check walks them too.
      expect(checkAuditChain(checker)).toMatchObject({ ok: true, rows: 4500 + saved });
    } finally {
      checker.close();
      writer.close();
    }
  }, 60_000);
});
