import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparedSql } from '../../electron/db/statement-cache';
import { openTestBackend, type TestBackend } from '../support/backend';
import { makePatient, twelveMeasurements } from '../support/clinical-fixtures';

// The hot reads of a patient page must use their indexes; a full scan of a two-million-row table would pass
// every functional test and still make a clinic wait. (The patient search runs over an in-memory index of the
// names, db/patient-search-index.ts, built by one scan per connection; its speed is in the bench.)
let api: TestBackend;
let patientId: string;
beforeAll(async () => {
  api = openTestBackend();
  const p = await makePatient(api);
  patientId = p.id;
  await api.ok('sites.add', { patientId, joint: 'elbow', side: 'right', status: 'confirmed', since: '2026-01-01' });
  await api.ok('visits.record', { patientId, date: '2026-10-01', measurements: twelveMeasurements() });
  await api.ok('events.record', { patientId, kind: 'xray', date: '2026-10-02', joint: 'elbow', side: 'right', classification: 'hastings:IIA' });
  // Run the hot paths so their statements are prepared, then read back exactly the SQL they used.
  await api.ok('patients.list', { query: 'Men' });
  await api.ok('patients.file', { patientId });
  await api.ok('patients.voided', { patientId });
});
afterAll(() => api.dispose());

function plan(sql: string): string[] {
  const params = (sql.match(/\?/g) ?? []).map(() => 'x');
  const named = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((m) => [m[1], m[1] === 'limit' || m[1] === 'offset' ? 1 : 'x']));
  const stmt = api.context.db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (Object.keys(named).length ? stmt.all(named) : stmt.all(...params)) as { detail: string }[];
  return rows.map((r) => r.detail);
}

const hot: [string, RegExp, string[]][] = [
  ['measurements of a patient', /FROM measurements\s+WHERE patient = \(SELECT key FROM patients WHERE id = \?\) AND superseded_by/, ['measurements_series']],
  ['visits of a patient', /FROM visits WHERE patient_id = \?/, ['visits_patient']],
  ['events of a patient', /FROM clinical_events WHERE patient_id = \? AND (superseded_by|kind)/, ['clinical_events_patient']],
  ['watched sites of a patient', /FROM watched_sites WHERE patient_id = \? AND superseded_by/, ['watched_sites_current']],
  ['risk factors of a patient', /FROM risk_factors WHERE patient_id = \? AND superseded_by/, ['risk_factors_patient']],
  ['voided measurements of a patient', /m\.patient = \(SELECT key FROM patients WHERE id = \?\) AND m\.voided_at IS NOT NULL/, ['measurements_voided']],
  ['voided events of a patient', /FROM clinical_events WHERE patient_id = \? AND voided_at IS NOT NULL/, ['clinical_events_voided']],
];

describe('query plans of the hot reads', () => {
  it.each(hot)('%s uses its index, never a full scan', (_name, pattern, indexes) => {
    const statements = preparedSql(api.context.db).filter((s) => pattern.test(s));
    expect(statements.length, `no prepared statement matched ${pattern}`).toBeGreaterThan(0);
    for (const sql of statements) {
      const details = plan(sql).join('\n');
      for (const index of indexes) expect(details).toContain(`INDEX ${index}`);
      expect(details).not.toMatch(/\bSCAN (patients|measurements|visits|clinical_events|watched_sites|risk_factors)\b(?! USING)/);
    }
  });
});
