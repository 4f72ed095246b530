import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparedSql } from '../../electron/db/statement-cache';
import { openTestBackend, type TestBackend } from '../support/backend';

// The worklist reads summary rows only: its statements must never touch the clinical tables (millions of
// measurements in a large clinic), and the due dates are found through their index.
let api: TestBackend;
beforeAll(async () => {
  api = openTestBackend();
  await api.ok('sampleData.create', {});
  await api.ok('worklist.get', {});
  await api.ok('worklist.get', { codes: ['due'], therapistId: api.actorId()! });
}, 60_000);
afterAll(() => api.dispose());

function plan(sql: string): string {
  const named = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((m) => [m[1], m[1] === 'limit' || m[1] === 'offset' || m[1] === 'alpLimit' || m[1] === 'alpRise' ? 1 : null]));
  const stmt = api.context.db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (Object.keys(named).length ? stmt.all(named) : stmt.all(...(sql.match(/\?/g) ?? []).map(() => 'x'))) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

describe('worklist query plans', () => {
  it('read the summary rows only, and find due sites by their index', () => {
    const statements = preparedSql(api.context.db).filter((s) => /worklist_(sites|reasons|patients)/.test(s) && /^\s*(WITH|SELECT)/.test(s));
    expect(statements.length).toBeGreaterThan(3);
    for (const sql of statements) expect(plan(sql)).not.toMatch(/\b(SCAN|SEARCH) (measurements|visits|clinical_events|watched_sites|risk_factors)\b/);
    const page = statements.find((s) => s.includes('LIMIT @limit OFFSET @offset'))!;
    expect(plan(page)).toContain('worklist_sites_due');
  });
});
