import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { clinicAt } from '../bench/clinic-cache';
import { makeTempDir } from '../support/temp-dir';

// The bench keeps its generated clinic for the next run (tests/bench/clinic-cache.ts): a second run must get the
// same file as a copy of its own, and --fresh a new one.
const temps: { cleanup(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

const count = (path: string, sql: string, ...params: string[]) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).pluck().get(...params);
  } finally {
    db.close();
  }
};

describe("the bench's kept clinic", () => {
  it('is generated once, then copied for the next run with the same code; fresh generates anew', () => {
    const sizes = { patients: 30, withHistory: 2, years: 1 };
    const cache = makeTempDir();
    const [a, b, c] = [makeTempDir(), makeTempDir(), makeTempDir()];
    temps.push(cache, a, b, c);
    const first = clinicAt(a.dbPath, sizes, 'tiny', false, join(cache.dir, 'kept'));
    expect(first.reusedFrom).toBeNull();
    const second = clinicAt(b.dbPath, sizes, 'tiny', false, join(cache.dir, 'kept'));
    expect(second.reusedFrom).not.toBeNull();
    expect(second.key).toBe(first.key);
    expect(second.clinic).toEqual(first.clinic);
    // The copy is the whole database (no rows left behind in a WAL), with every record's audit row.
    expect(count(b.dbPath, 'SELECT count(*) FROM measurements')).toBe(first.clinic.measurements);
    expect(count(b.dbPath, 'SELECT count(*) FROM audit_log')).toBe(first.clinic.auditRows);
    expect(count(b.dbPath, 'SELECT count(*) FROM patients WHERE id = ?', first.clinic.largestPatientId)).toBe(1);

    const third = clinicAt(c.dbPath, sizes, 'tiny', true, join(cache.dir, 'kept'));
    expect(third.reusedFrom).toBeNull();
    expect(third.clinic.largestPatientId).not.toBe(first.clinic.largestPatientId);
    expect(count(c.dbPath, 'SELECT count(*) FROM measurements')).toBe(first.clinic.measurements);
    // Only the newest file of a size is kept.
    expect(readdirSync(join(cache.dir, 'kept')).filter((f) => f.endsWith('.sqlite'))).toHaveLength(1);
  }, 120_000);
});
