import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES } from '../../shared/api/transport';
import { SESSION_COOKIE, startServer, type RunningServer } from '../../electron/server/http-server';
import { openTestBackend, startSessionFor, type TestBackend } from '../support/backend';

let api: TestBackend;
let server: RunningServer;
let staticDir: string;
/** The Cookie header of a browser the first therapist signed in on. */
let cookie: string;

beforeEach(async () => {
  api = openTestBackend();
  staticDir = join(api.dbPath, '..', 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>ROMtrack</title>');
  writeFileSync(join(api.dbPath, '..', 'secret.txt'), 'outside the static folder');
  server = await startServer({ dispatch: api.dispatch, staticDir });
  cookie = `${SESSION_COOKIE}=${startSessionFor(api, api.actorId()!)}`;
});
afterEach(async () => {
  await server.close();
  api.dispose();
});

const ada = { familyName: 'Okafor', givenNames: 'Ada', dateOfBirth: '1970-02-03', sex: 'female' };

function post(op: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, ...headers },
    body,
  });
}

describe('server mode HTTP transport', () => {
  it('runs an operation for a browser signed in', async () => {
    const res = await post('patients.create', JSON.stringify(ada));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { familyName: 'Okafor' } });
  });

  it('answers 401 without a session cookie, or with a wrong one, and changes nothing', async () => {
    for (const headers of [{ cookie: '' }, { cookie: `${SESSION_COOKIE}=wrong-token` }, { cookie: `other=${cookie.split('=')[1]}` }]) {
      const res = await post('patients.create', JSON.stringify(ada), headers);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect((await api.ok('patients.list', {})).total).toBe(0);
  });

  it('answers 400 with a clear message for malformed JSON', async () => {
    const res = await post('patients.create', '{"familyName": "Oka');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'The request body is not valid JSON.' } });
  });

  it('answers 413 for an oversized body, before parsing it', async () => {
    const res = await post('patients.create', JSON.stringify({ ...ada, familyName: 'x'.repeat(MAX_REQUEST_BYTES) }));
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toMatch(/larger than 1024 KiB/);
    expect((await api.ok('patients.list', {})).total).toBe(0);
  });

  it('answers 404 for an unknown operation', async () => {
    const res = await post('patients.delete', '{}');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'not_found', message: 'Unknown operation "patients.delete".' } });
  });

  it('answers 400 with per-field messages for invalid input', async () => {
    const res = await post('patients.create', JSON.stringify({ ...ada, dateOfBirth: '3 March 1970' }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields).toHaveProperty('dateOfBirth');
  });

  it('refuses non-JSON bodies and other methods', async () => {
    expect((await post('patients.list', '{}', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await fetch(`${server.url}/api/patients.list`, { headers: { cookie } })).status).toBe(405);
  });

  it('refuses a request whose Host is not this server (DNS rebinding)', async () => {
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = http.request(`${server.url}/api/app.info`, { method: 'POST', headers: { host: 'evil.example:80', 'content-type': 'application/json', cookie } }, (res) => resolve(res.statusCode ?? 0));
      req.end('{}');
    });
    expect(status).toBe(421);
  });

  it('serves the renderer with a strict CSP and never a file outside its folder', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('<title>ROMtrack</title>');
    for (const path of ['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/../secret.txt']) {
      const res = await fetch(`${server.url}${path}`);
      expect(await res.text()).not.toContain('outside the static folder');
    }
  });

  it('listens on loopback only by default, at an address with no secret in it', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
