import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Identifier, Observation, Patient, Resource } from '@medplum/fhirtypes';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditRowsWhere } from '../../electron/db/audit-rows';
import { SYSTEM } from '../../shared/exchange/codes';
import { patientEntries } from '../../shared/exchange/bundle';
import { DEFAULT_RUNNER_OPTIONS, syncRunnerOf, type SyncRunner } from '../../electron/api/exchange/sync-runner';
import { exchangeClinic, readExchangeSource } from '../../electron/api/exchange/read-source';
import { openTestBackend, type TestBackend } from '../support/backend';
import { makePatient, twelveMeasurements } from '../support/clinical-fixtures';
import { startFhirServer, type FhirTestServer } from '../support/fhir-server';

// Sync against a real FHIR engine on loopback (tests/support/fhir-server.ts): what the district's server holds
// after each push is read back from it, not from ROMtrack's own bookkeeping.

const TOKEN = 'district-token';
const FAST = { ...DEFAULT_RUNNER_OPTIONS, intervalMs: 3_600_000, backoffMs: 3_600_000, requestRetries: 1, requestBackoffMs: 10, requestTimeoutMs: 10_000 };

let server: FhirTestServer;
let api: TestBackend;
let runner: SyncRunner;

const recordId = (r: Resource): string | undefined =>
  ('identifier' in r && Array.isArray(r.identifier) ? (r.identifier as Identifier[]) : []).find((i) => i.system === SYSTEM.record)?.value;

/** Every resource the server holds, by type. */
async function serverCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const type of ['Organization', 'Patient', 'Practitioner', 'Encounter', 'Observation', 'Condition', 'Procedure', 'CarePlan', 'Goal'] as const) {
    const n = (await server.all(type)).length;
    if (n) out[type] = n;
  }
  return out;
}

async function rangeObservations(): Promise<Observation[]> {
  return (await server.all<Observation>('Observation')).filter((o) => o.code?.coding?.some((c) => c.code === '364564000'));
}

async function configure(): Promise<void> {
  await api.ok('exchange.configureSync', { baseUrl: server.baseUrl, bearerToken: TOKEN });
  // Setting a server schedules a first push a second later; each test pushes when it means to instead.
  runner.schedule(FAST.intervalMs);
}

async function recordVisit(patientId: string, date: string) {
  return api.ok('visits.record', { patientId, date, measurements: twelveMeasurements() });
}

beforeEach(async () => {
  server = await startFhirServer(TOKEN);
  api = openTestBackend();
  // Made before any operation reaches it, so the back end's runner uses the test's timings.
  runner = syncRunnerOf(api.context, FAST);
  // The first start indexes the FHIR definitions (seconds on a loaded machine).
}, 60_000);

afterEach(async () => {
  runner.stop();
  api.dispose();
  await server.close();
});

describe('settings', () => {
  it('refuses what is not an http(s) FHIR base, and plain http beyond this computer', async () => {
    for (const [baseUrl, words] of [
      ['ftp://fhir.district.example/R4', 'https://'],
      ['http://fhir.district.example/R4', 'unencrypted'],
      ['https://user:secret@fhir.district.example/R4', 'user name'],
      ['https://fhir.district.example/R4?x=1', 'query'],
      ['not an address', 'not a web address'],
    ] as const) {
      const r = await api.call('exchange.configureSync', { baseUrl });
      expect(r.ok, baseUrl).toBe(false);
      if (!r.ok) expect(r.error.fields?.baseUrl ?? r.error.message).toContain(words);
    }
    expect((await api.ok('exchange.syncStatus', {})).configured).toBe(false);
  });

  it('keeps the token as a secret: a read says only that one is set, and nothing is sent before a server is set', async () => {
    const before = await api.ok('exchange.syncStatus', {});
    await runner.runNow();
    expect(before.configured).toBe(false);
    expect(server.received).toHaveLength(0);

    const status = await api.ok('exchange.configureSync', { baseUrl: `${server.baseUrl}/`, bearerToken: TOKEN });
    expect(status).toMatchObject({ configured: true, baseUrl: server.baseUrl, bearerToken: 'set' });
    expect(JSON.stringify(status)).not.toContain(TOKEN);
    const audit = auditRowsWhere(api.context.db, `operation = 'exchange.configureSync'`).map((r) => r.after_json ?? '');
    expect(audit.join('')).not.toContain(TOKEN);
    // Changing the address keeps the token; removing the server stops everything.
    expect((await api.ok('exchange.configureSync', { baseUrl: server.baseUrl })).bearerToken).toBe('set');
    expect((await api.ok('exchange.configureSync', { baseUrl: null })).configured).toBe(false);
  });
});

describe('push', () => {
  it('first push creates every record once, a resend creates nothing new, and the status says all is sent', async () => {
    const patient = await makePatient(api);
    await recordVisit(patient.id, '2026-03-02');
    await recordVisit(patient.id, '2026-03-09');
    await configure();
    expect((await api.ok('exchange.syncStatus', {})).waiting).toBe(1);

    await runner.runNow();
    const status = await api.ok('exchange.syncStatus', {});
    expect(status).toMatchObject({ waiting: 0, lastError: null, conflicts: [] });
    expect(status.lastSyncedAt).not.toBeNull();
    expect(server.received.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
    const first = await serverCounts();
    expect(first).toMatchObject({ Organization: 1, Patient: 1, Practitioner: 1, Encounter: 2 });
    const observations = await rangeObservations();
    expect(observations).toHaveLength(24);
    expect(new Set(observations.map(recordId)).size).toBe(24);
    // The Observation names the server's Patient, not a placeholder.
    const serverPatient = (await server.all<Patient>('Patient'))[0]!;
    expect(observations[0]!.subject?.reference).toBe(`Patient/${serverPatient.id}`);

    // Nothing changed: nothing is sent.
    const requests = server.received.length;
    await runner.runNow();
    expect(server.received).toHaveLength(requests);

    // What the server acknowledged is forgotten (an older backup restored): everything goes again, and the
    // server's conditional creates match what it holds.
    api.context.db.exec(`DELETE FROM sync_resources; UPDATE sync_state SET acknowledged_seq = 0`);
    await runner.runNow();
    expect(server.received.length).toBeGreaterThan(requests);
    expect((await api.ok('exchange.syncStatus', {})).lastError).toBeNull();
    expect(await serverCounts()).toEqual(first);
    for (const o of await rangeObservations()) expect(await server.versionsOf('Observation', o.id!)).toBe(1);
  });

  it('sync now answers at once and the clinic works on while the server takes its time', async () => {
    const patient = await makePatient(api);
    await recordVisit(patient.id, '2026-03-02');
    await configure();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    server.afterProcessing = () => held;

    const answer = await api.ok('exchange.syncNow', {});
    expect(answer.running).toBe(true);
    // A visit recorded while the push waits on the network.
    await recordVisit(patient.id, '2026-03-09');
    expect((await api.ok('exchange.syncStatus', {})).running).toBe(true);
    server.afterProcessing = null;
    release();
    await runner.runNow();
    // The visit made during the push is sent by the next one.
    await runner.runNow();
    expect(await rangeObservations()).toHaveLength(24);
    expect((await api.ok('exchange.syncStatus', {})).waiting).toBe(0);
  });

  it('a correction makes one new version of the same Observation, marked amended', async () => {
    const patient = await makePatient(api);
    const visit = await recordVisit(patient.id, '2026-03-02');
    await configure();
    await runner.runNow();
    const counts = await serverCounts();

    const original = visit.measurements.find((m) => m.motion === 'elbow.flexion' && m.mode === 'active')!;
    await api.ok('measurements.correct', { id: original.id, reason: 'Read the wrong scale', degrees: 102, instrument: original.instrument, endFeel: original.endFeel, pain: original.pain, note: original.note });
    expect((await api.ok('exchange.syncStatus', {})).waiting).toBe(1);
    await runner.runNow();

    expect(await serverCounts()).toEqual(counts);
    const corrected = (await rangeObservations()).filter((o) => recordId(o) === original.lineageId);
    expect(corrected).toHaveLength(1);
    expect(corrected[0]).toMatchObject({ status: 'amended', valueQuantity: { value: 102 } });
    expect(await server.versionsOf('Observation', corrected[0]!.id!)).toBe(2);
    const others = (await rangeObservations()).filter((o) => recordId(o) !== original.lineageId);
    for (const o of others) expect(await server.versionsOf('Observation', o.id!)).toBe(1);
    expect((await api.ok('exchange.syncStatus', {})).waiting).toBe(0);
  });

  it('a server that is down leaves the changes waiting with the error shown, and they go when it is back', async () => {
    const patient = await makePatient(api);
    await recordVisit(patient.id, '2026-03-02');
    await configure();
    server.failWith = 503;
    await runner.runNow();
    let status = await api.ok('exchange.syncStatus', {});
    expect(status.waiting).toBe(1);
    expect(status.lastError?.message).toContain('503');
    expect(status.lastSyncedAt).toBeNull();
    // Retried with back-off inside the run before giving up; the next run is scheduled, not immediate.
    expect(server.received.length).toBe(FAST.requestRetries + 1);
    expect(status.nextAttemptAt).not.toBeNull();

    server.failWith = null;
    await runner.runNow();
    status = await api.ok('exchange.syncStatus', {});
    expect(status).toMatchObject({ waiting: 0, lastError: null });
    expect(await rangeObservations()).toHaveLength(12);
  });

  it('a stale update of the demographics gets 412 and is reported, not retried, and nothing is overwritten', async () => {
    const patient = await makePatient(api, { givenNames: 'Kofi' });
    await configure();
    await runner.runNow();
    const onServer = (await server.all<Patient>('Patient'))[0]!;
    // Someone at the district corrects the patient's name there.
    await server.repo.updateResource({ ...onServer, name: [{ family: 'Mensah', given: ['Kofi', 'Atta'] }] });

    await api.ok('patients.update', { id: patient.id, version: patient.version, familyName: 'Mensah', givenNames: 'Kwaku', dateOfBirth: patient.dateOfBirth, sex: patient.sex });
    await runner.runNow();
    const status = await api.ok('exchange.syncStatus', {});
    expect(status.conflicts).toHaveLength(1);
    expect(status.conflicts[0]).toMatchObject({ resourceType: 'Patient', lineage: patient.id, serverId: onServer.id });
    expect(status.lastError).toBeNull();
    expect(server.received.filter((r) => r.method === 'PUT').map((r) => r.status)).toEqual([412]);
    expect((await server.all<Patient>('Patient'))[0]!.name?.[0]?.given).toEqual(['Kofi', 'Atta']);

    // Not sent again while the record stays as it is.
    await api.ok('visits.record', { patientId: patient.id, date: '2026-03-02', measurements: twelveMeasurements() });
    await runner.runNow();
    expect(server.received.filter((r) => r.method === 'PUT')).toHaveLength(1);
    expect(await rangeObservations()).toHaveLength(12);
  });
});

const child = join(__dirname, '..', '..', 'build', 'node', 'tests', 'support', 'sync-child.js');

describe.skipIf(!existsSync(child))('a push killed in the middle', () => {
  it('leaves, once run again, every record on the server exactly once', async () => {
    const patient = await makePatient(api);
    for (const date of ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23']) await recordVisit(patient.id, date);
    await configure();

    const proc = spawn(process.execPath, [child, api.dbPath, '8'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    proc.stdout.on('data', (d: Buffer) => (output += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => proc.on('exit', (_code, signal) => resolve(signal)));
    // The server applies the first Bundle; the client dies before it hears the answer.
    server.afterProcessing = async (req) => {
      if (req.method !== 'POST' || req.status !== 200) return;
      server.afterProcessing = null;
      proc.kill('SIGKILL');
      await exited;
    };
    expect(await exited).toBe('SIGKILL');
    expect(output).not.toContain('done');
    const applied = server.received.filter((r) => r.method === 'POST' && r.status === 200);
    expect(applied).toHaveLength(1);
    expect(applied[0]!.entries).toBeGreaterThan(0);

    await runner.runNow();
    expect((await api.ok('exchange.syncStatus', {})).lastError).toBeNull();

    const expected = api.context.transaction(() => [...patientEntries(readExchangeSource(api.context, exchangeClinic(api.context), patient.id))]);
    const want = expected.map((e) => `${e.resource!.resourceType} ${recordId(e.resource!)}`).sort();
    const have: string[] = [];
    for (const type of new Set(expected.map((e) => e.resource!.resourceType))) {
      for (const r of await server.all(type)) have.push(`${type} ${recordId(r)}`);
    }
    expect(have.sort()).toEqual(want);
    expect(await rangeObservations()).toHaveLength(48);
    // A child process, a kill and a second push: well over the default 20 s on a loaded machine.
  }, 90_000);
});
