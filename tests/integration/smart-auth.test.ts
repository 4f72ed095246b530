import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditRowsWhere } from '../../electron/db/audit-rows';
import { DEFAULT_RUNNER_OPTIONS, syncRunnerOf, type SyncRunner } from '../../electron/api/exchange/sync-runner';
import { openTestBackend, type TestBackend } from '../support/backend';
import { makePatient, twelveMeasurements } from '../support/clinical-fixtures';
import { startFhirServer, type FhirTestServer } from '../support/fhir-server';
import { startTokenServer, type TestTokenServer } from '../support/token-server';

// SMART Backend Services against a token endpoint on loopback that checks each client assertion's signature with
// the public key it holds for the client, and the FHIR engine that accepts only the tokens it issued.

const FAST = { ...DEFAULT_RUNNER_OPTIONS, intervalMs: 3_600_000, backoffMs: 3_600_000, requestRetries: 1, requestBackoffMs: 10, requestTimeoutMs: 10_000 };
const CLIENT_ID = 'romtrack-riverside';

const ecKey = () => generateKeyPairSync('ec', { namedCurve: 'P-384' });
const pem = (k: KeyObject) => k.export({ format: 'pem', type: 'pkcs8' }).toString();

let fhir: FhirTestServer;
let tokens: TestTokenServer;
let api: TestBackend;
let runner: SyncRunner;
let registered: ReturnType<typeof ecKey>;

beforeEach(async () => {
  // No static token: only what the token service issues opens the FHIR server.
  fhir = await startFhirServer('no-static-token');
  fhir.tokens.clear();
  registered = ecKey();
  tokens = await startTokenServer({ clientId: CLIENT_ID, publicKey: registered.publicKey }, (t) => fhir.tokens.add(t));
  fhir.smartConfiguration = { token_endpoint: tokens.url, token_endpoint_auth_methods_supported: ['private_key_jwt'], token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384'] };
  api = openTestBackend();
  runner = syncRunnerOf(api.context, FAST);
}, 60_000);

afterEach(async () => {
  runner.stop();
  api.dispose();
  await tokens.close();
  await fhir.close();
});

async function patientWithVisit(date = '2026-03-02') {
  const patient = await makePatient(api);
  await api.ok('visits.record', { patientId: patient.id, date, measurements: twelveMeasurements() });
  return patient;
}

async function configure(privateKey: string, tokenUrl: string | null = null) {
  const status = await api.ok('exchange.configureSync', { baseUrl: fhir.baseUrl, smart: { clientId: CLIENT_ID, privateKey, tokenUrl } });
  runner.schedule(FAST.intervalMs);
  return status;
}

describe('SMART Backend Services', () => {
  it('gets a token with an ES384 assertion found through .well-known, pushes with it, and reuses it until it expires', async () => {
    const patient = await patientWithVisit();
    const key = pem(registered.privateKey);
    const status = await configure(key);
    expect(status.smart).toMatchObject({ clientId: CLIENT_ID, tokenUrl: null, privateKey: 'set', algorithm: 'ES384' });
    // Never read back, nor logged.
    expect(JSON.stringify(status)).not.toContain('PRIVATE KEY');
    const audit = auditRowsWhere(api.context.db, `operation = 'exchange.configureSync'`).map((r) => `${r.before_json ?? ''}${r.after_json ?? ''}`);
    expect(audit.join('')).not.toContain('PRIVATE KEY');
    expect(audit.join('')).toContain(CLIENT_ID);

    await runner.runNow();
    const after = await api.ok('exchange.syncStatus', {});
    expect(after).toMatchObject({ lastError: null, waiting: 0 });
    expect(tokens.requests).toEqual([{ ok: true, error: null, alg: 'ES384', kid: status.smart?.keyId }]);
    expect((await fhir.all('Patient')).length).toBe(1);
    expect(fhir.received.filter((r) => r.method === 'POST').every((r) => r.authorization === `Bearer ${tokens.issued[0]}`)).toBe(true);

    // A second push within the token's life asks for no new token.
    await api.ok('visits.record', { patientId: patient.id, date: '2026-03-09', measurements: twelveMeasurements() });
    await runner.runNow();
    expect((await api.ok('exchange.syncStatus', {})).lastError).toBeNull();
    expect(tokens.requests).toHaveLength(1);

    // A token the FHIR server stops taking is replaced once, without a failed run.
    fhir.tokens.clear();
    await api.ok('visits.record', { patientId: patient.id, date: '2026-03-16', measurements: twelveMeasurements() });
    await runner.runNow();
    expect((await api.ok('exchange.syncStatus', {})).lastError).toBeNull();
    expect(tokens.requests).toHaveLength(2);
  }, 120_000);

  it('a wrong key is refused by the token service, and the sync status says why; nothing reaches the FHIR server', async () => {
    await patientWithVisit();
    const status = await configure(pem(ecKey().privateKey));
    await runner.runNow();
    const after = await api.ok('exchange.syncStatus', {});
    expect(after.lastError?.message).toContain("refused ROMtrack's signed request");
    expect(after.lastError?.message).toContain('invalid_client');
    expect(after.lastError?.message).toContain(status.smart?.keyId ?? 'no key id');
    expect(after.waiting).toBe(1);
    expect(tokens.requests).toEqual([{ ok: false, error: 'invalid_client', alg: 'ES384', kid: status.smart?.keyId }]);
    expect(fhir.received.filter((r) => r.path !== '/.well-known/smart-configuration')).toHaveLength(0);
  }, 120_000);

  it('signs RS384 with an RSA key, at a token address set by hand', async () => {
    await tokens.close();
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    tokens = await startTokenServer({ clientId: CLIENT_ID, publicKey: rsa.publicKey }, (t) => fhir.tokens.add(t));
    fhir.smartConfiguration = null;
    await patientWithVisit();
    expect((await configure(pem(rsa.privateKey), tokens.url)).smart).toMatchObject({ algorithm: 'RS384', tokenUrl: tokens.url });
    await runner.runNow();
    expect((await api.ok('exchange.syncStatus', {})).lastError).toBeNull();
    expect(tokens.requests.map((r) => r.alg)).toEqual(['RS384']);
  }, 120_000);

  it('refuses, where it is entered, a key that cannot sign for SMART; the bearer token option stays', async () => {
    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const r = await api.call('exchange.configureSync', { baseUrl: fhir.baseUrl, smart: { clientId: CLIENT_ID, privateKey: pem(p256.privateKey), tokenUrl: null } });
    expect(r.ok ? null : r.error.fields?.['smart.privateKey']).toContain('P-384');
    const text = await api.call('exchange.configureSync', { baseUrl: fhir.baseUrl, smart: { clientId: CLIENT_ID, privateKey: 'my key', tokenUrl: null } });
    expect(text.ok ? null : text.error.fields?.['smart.privateKey']).toContain('PEM');
    const none = await api.call('exchange.configureSync', { baseUrl: fhir.baseUrl, smart: { clientId: CLIENT_ID, tokenUrl: null } });
    expect(none.ok ? null : none.error.fields?.['smart.privateKey']).toContain('none is set');
    expect((await api.ok('exchange.syncStatus', {})).configured).toBe(false);

    // SMART set, then removed: the bearer token is used again.
    await configure(pem(registered.privateKey));
    const back = await api.ok('exchange.configureSync', { baseUrl: fhir.baseUrl, bearerToken: 'district-token', smart: null });
    expect(back).toMatchObject({ smart: null, bearerToken: 'set' });
  });
});
