import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditRowsWhere } from '../../electron/db/audit-rows';
import { DEFAULT_RUNNER_OPTIONS, syncRunnerOf, type SyncRunner } from '../../electron/api/exchange/sync-runner';
import { openTestBackend, type TestBackend } from '../support/backend';
import { makePatient, twelveMeasurements } from '../support/clinical-fixtures';
import { startFhirServer, type FhirTestServer } from '../support/fhir-server';
import { otherClinicCorrects, otherClinicVisit } from '../support/other-clinic';

// Pulling what other clinics wrote for one of this clinic's patients, from a real FHIR engine on loopback: stored
// read-only with where it came from, kept apart from the clinic's own records, and asked again only for what is
// newer on the server.

const TOKEN = 'district-token';
const FAST = { ...DEFAULT_RUNNER_OPTIONS, intervalMs: 3_600_000, backoffMs: 3_600_000, requestRetries: 1, requestBackoffMs: 10, requestTimeoutMs: 10_000 };
const HILLTOP = { clinicId: '0b6c7a52-2f52-4d3e-9a57-1f0e3c3b8a11', clinicName: 'Hilltop Health Centre' };

let server: FhirTestServer;
let api: TestBackend;
let runner: SyncRunner;

beforeEach(async () => {
  server = await startFhirServer(TOKEN);
  api = openTestBackend();
  runner = syncRunnerOf(api.context, FAST);
}, 60_000);

afterEach(async () => {
  runner.stop();
  api.dispose();
  await server.close();
});

/** The clinic's own records and verdicts, as the screens read them. */
async function ownView(patientId: string) {
  const file = await api.ok('patients.file', { patientId });
  const analysis = await api.ok('analysis.patient', { patientId, today: '2026-04-30' });
  return JSON.stringify({ file, analysis });
}

async function clinicWithPushedPatient() {
  const patient = await makePatient(api);
  await api.ok('visits.record', { patientId: patient.id, date: '2026-03-02', measurements: twelveMeasurements() });
  await api.ok('exchange.configureSync', { baseUrl: server.baseUrl, bearerToken: TOKEN });
  runner.schedule(FAST.intervalMs);
  await runner.runNow();
  expect((await api.ok('exchange.syncStatus', {})).lastError).toBeNull();
  return patient;
}

describe('pull', () => {
  it('stores only the other clinic’s records, read-only and marked with their origin; the clinic’s own records and verdicts are untouched', async () => {
    const patient = await clinicWithPushedPatient();
    await otherClinicVisit(server, TOKEN, patient.id, { ...HILLTOP, date: '2026-03-20', measurements: [['Left elbow flexion (active)', 95], ['Left elbow extension (active)', -20]] });
    const before = await ownView(patient.id);

    const pulled = await api.ok('exchange.pullForeign', { patientId: patient.id });
    // One visit and two measurements of Hilltop's; none of the clinic's own 12 measurements and visit came back.
    expect(pulled.added).toBe(3);
    expect(pulled.records.map((r) => r.resourceType).sort()).toEqual(['Encounter', 'Observation', 'Observation']);
    const elbow = pulled.records.find((r) => r.summary.startsWith('Left elbow flexion'));
    expect(elbow).toMatchObject({ summary: 'Left elbow flexion (active): 95 °', date: '2026-03-20', status: 'final', origin: { server: server.baseUrl, name: 'Hilltop Health Centre' } });
    expect(pulled.records.find((r) => r.summary.startsWith('Left elbow extension'))?.summary).toBe('Left elbow extension (active): -20 °');
    expect(pulled.lastPulledAt).not.toBeNull();

    expect(await ownView(patient.id)).toBe(before);
    // Read-only: the database itself refuses a change to a fetched record.
    expect(() => api.context.db.prepare(`UPDATE foreign_records SET origin_name = 'x'`).run()).toThrow(/read-only/);
    // Audited: who fetched how many from where.
    const audit = auditRowsWhere(api.context.db, `operation = 'exchange.pullForeign'`);
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after_json!)).toEqual({ server: server.baseUrl, added: 3 });
    // The pull is not a change of the patient's record: nothing waits to be pushed.
    expect((await api.ok('exchange.syncStatus', {})).waiting).toBe(0);
  }, 120_000);

  it('a second pull asks only for what is newer and, with nothing new, changes nothing; a correction there arrives as a second version', async () => {
    const patient = await clinicWithPushedPatient();
    const [obs] = await otherClinicVisit(server, TOKEN, patient.id, { ...HILLTOP, date: '2026-03-20', measurements: [['Left elbow flexion (active)', 95]] });
    await api.ok('exchange.pullForeign', { patientId: patient.id });
    const rows = () => api.context.db.prepare('SELECT * FROM foreign_records ORDER BY server_id, server_version').all();
    const held = rows();

    server.received.length = 0;
    const again = await api.ok('exchange.pullForeign', { patientId: patient.id });
    expect(again.added).toBe(0);
    expect(rows()).toEqual(held);
    // Each search asked for what changed after the newest time seen there.
    const searches = server.received.filter((r) => r.method === 'GET' && r.path === '/Observation');
    expect(searches.length).toBeGreaterThan(0);
    for (const r of searches) expect(decodeURIComponent(r.search)).toMatch(/_lastUpdated=gt\d{4}-\d\d-\d\dT/);
    const auditRows = api.context.db.prepare(`SELECT count(*) FROM audit_log WHERE operation = 'exchange.pullForeign'`).pluck().get();
    expect(auditRows).toBe(1);

    await otherClinicCorrects(server, TOKEN, obs!, 100);
    const third = await api.ok('exchange.pullForeign', { patientId: patient.id });
    expect(third.added).toBe(1);
    const corrected = third.records.find((r) => r.resourceType === 'Observation');
    expect(corrected).toMatchObject({ summary: 'Left elbow flexion (active): 100 °', status: 'amended', versions: 2 });
    // The first version is kept, not overwritten.
    expect(rows()).toHaveLength(held.length + 1);
  }, 120_000);

  it('offline: a clear message, and what was held stays', async () => {
    const patient = await clinicWithPushedPatient();
    await otherClinicVisit(server, TOKEN, patient.id, { ...HILLTOP, date: '2026-03-20', measurements: [['Left elbow flexion (active)', 95]] });
    await api.ok('exchange.pullForeign', { patientId: patient.id });
    server.failWith = 503;
    const r = await api.call('exchange.pullForeign', { patientId: patient.id });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^Nothing was fetched: The server answered HTTP 503.*The records already held here are unchanged/);
    server.failWith = null;
    await server.close();
    const down = await api.call('exchange.pullForeign', { patientId: patient.id });
    if (!down.ok) expect(down.error.message).toContain('did not answer');
    expect(down.ok).toBe(false);
    expect((await api.ok('exchange.foreignRecords', { patientId: patient.id })).records).toHaveLength(2);
    server = await startFhirServer(TOKEN);
  }, 120_000);

  it('without a server set, says so; the list is empty', async () => {
    const patient = await makePatient(api);
    expect(await api.ok('exchange.foreignRecords', { patientId: patient.id })).toEqual({ configured: false, lastPulledAt: null, records: [] });
    const r = await api.call('exchange.pullForeign', { patientId: patient.id });
    expect(r.ok ? null : r.error.message).toContain('No district server is set');
  });
});
