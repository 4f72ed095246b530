import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/api/backend';
import { auditLogProblem } from '../../electron/backup/startup-check';
import { auditFor } from '../../electron/db/audit-repository';
import { generateClinic } from '../bench/generate-clinic';
import { signInProcess } from '../support/backend';
import { makeTempDir } from '../support/temp-dir';

// A smoke test of the benchmark's data: the full bench is not part of the test run, but its generator
// must keep writing data the app reads as it reads its own.
const temps: { cleanup(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

describe('benchmark clinic generator', () => {
  it('writes a tiny clinic, deterministically, that the operations read back', async () => {
    const sizes = { patients: 40, withHistory: 3, years: 1 };
    const a = makeTempDir();
    const b = makeTempDir();
    temps.push(a, b);
    const first = generateClinic(a.dbPath, sizes);
    const second = generateClinic(b.dbPath, sizes);
    expect(second.measurements).toBe(first.measurements);
    expect(first.visits).toBeGreaterThan(1000); // three one-year histories and the 1,000-visit series

    const api = createBackend({ databasePath: a.dbPath, mode: 'server' });
    try {
      signInProcess(api, first.therapistId);
      const file = await api.dispatch('patients.file', { patientId: first.largestPatientId });
      expect(file.ok).toBe(true);
      if (file.ok) {
        const value = file.value as { visits: { measurements: unknown[] }[] };
        expect(value.visits.reduce((n, v) => n + v.measurements.length, 0)).toBe(first.largestPatientMeasurements);
      }
      const long = await api.dispatch('patients.file', { patientId: first.longSeriesPatientId });
      expect(long.ok && (long.value as { visits: unknown[] }).visits.length).toBe(1000);
      const search = await api.dispatch('patients.list', { query: first.searchPrefixes[0]! });
      expect(search.ok).toBe(true);

      // Every record carries the audit row its operation writes in the app: a visit's is the visit as read back.
      const db = api.context.db;
      expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(first.auditRows);
      const kinds = { patients: 'patient', visits: 'visit', watched_sites: 'watched_site', clinical_events: 'event' };
      for (const [table, entity] of Object.entries(kinds)) {
        const missing = db.prepare(`SELECT count(*) FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = ? AND a.entity_id = t.${table === 'patients' || table === 'visits' ? 'id' : 'lineage_id'})`).pluck().get(entity);
        expect(missing, `${table} without an audit row`).toBe(0);
      }
      if (file.ok) {
        const visit = (file.value as { visits: { id: string }[] }).visits[0]!;
        expect(auditFor(db, 'visit', visit.id)).toMatchObject([{ operation: 'visits.record', before: null, after: visit }]);
      }
      expect(await auditLogProblem(a.dbPath)).toBeNull();
    } finally {
      api.close();
    }
  });
});
