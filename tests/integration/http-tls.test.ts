// Server mode on the clinic's network, as a workstation and an outsider meet it: off loopback only over TLS;
// a browser that trusts the clinic's authority gets the app, one that does not is refused at the handshake,
// and the Host check still holds with the names the certificate carries.
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../electron/server/http-server';
import { createClinicAuthority, createServerCertificate } from '../../electron/tls/certificates';
import { openTestBackend, type TestBackend } from '../support/backend';

let api: TestBackend | undefined;
let server: RunningServer | undefined;

afterEach(async () => {
  await server?.close();
  api?.dispose();
  server = undefined;
  api = undefined;
});

function staticFolder(backend: TestBackend): string {
  const dir = join(backend.dbPath, '..', 'renderer');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>ROMtrack</title>');
  return dir;
}

function call(url: string, options: { ca?: string; host?: string; operation?: string }): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = request(
      `${url}/api/${options.operation ?? 'app.info'}`,
      {
        method: 'POST',
        ca: options.ca,
        headers: { 'content-type': 'application/json', ...(options.host ? { host: options.host } : {}) },
        servername: 'clinic-server',
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    req.end('{}');
  });
}

describe('server mode beyond loopback', () => {
  it('refuses to listen on the network without TLS, and says how to enable it', async () => {
    api = openTestBackend();
    await expect(startServer({ dispatch: api.dispatch, staticDir: staticFolder(api), host: '0.0.0.0', port: 0 })).rejects.toThrow(
      /Listening on 0\.0\.0\.0 without TLS is refused[\s\S]*npm run certificates[\s\S]*--tls-cert/,
    );
  });

  it('serves over TLS to a client that trusts the clinic authority, by the names in the certificate only', async () => {
    api = openTestBackend();
    const authority = createClinicAuthority('Riverside');
    const cert = createServerCertificate(authority, ['clinic-server', '127.0.0.1']);
    server = await startServer({ dispatch: api.dispatch, staticDir: staticFolder(api), host: '0.0.0.0', port: 0, tls: cert });
    expect(server.url).toMatch(/^https:\/\/0\.0\.0\.0:\d+$/);
    const port = new URL(server.url).port;
    const url = `https://127.0.0.1:${port}`;

    const trusted = await call(url, { ca: authority.certPem, host: `clinic-server:${port}` });
    expect(trusted).toMatchObject({ status: 200 });
    expect('body' in trusted && JSON.parse(trusted.body).ok).toBe(true);

    expect(await call(url, { host: `clinic-server:${port}` })).toEqual({ error: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    expect(await call(url, { ca: authority.certPem, host: `evil.example:${port}` })).toMatchObject({ status: 421 });
    // App info is public; the records need a session cookie.
    expect(await call(url, { ca: authority.certPem, host: `clinic-server:${port}`, operation: 'patients.list' })).toMatchObject({ status: 401 });
  });
});
