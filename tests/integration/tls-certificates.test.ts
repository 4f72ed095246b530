// The clinic's own authority, as a workstation meets it: a client that trusts the authority connects to a server
// using the certificate it signed, by name and by address; a client that does not trust it is refused.
import { createServer, type Server } from 'node:https';
import { connect } from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCertificates } from '../../electron/tls/certificate-files';
import { createClinicAuthority, createServerCertificate, type CertificatePair } from '../../electron/tls/certificates';

let authority: CertificatePair;
let server: Server;
let port: number;

beforeAll(async () => {
  authority = createClinicAuthority('Riverside Physiotherapy');
  const cert = createServerCertificate(authority, ['clinic-server', 'localhost', '127.0.0.1']);
  server = createServer({ cert: cert.certPem, key: cert.keyPem }, (_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function handshake(options: { ca?: string; servername?: string }): Promise<'connected' | string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, ...options }, () => {
      socket.end();
      resolve('connected');
    });
    socket.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

describe('TLS with the clinic certificate authority', () => {
  it('lets a client that trusts the authority connect, by host name and by address', async () => {
    expect(await handshake({ ca: authority.certPem, servername: 'clinic-server' })).toBe('connected');
    expect(await handshake({ ca: authority.certPem })).toBe('connected');
  });

  it('refuses a client that does not trust it, and a host name the certificate does not carry', async () => {
    expect(await handshake({ servername: 'clinic-server' })).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    expect(await handshake({ ca: authority.certPem, servername: 'other-host' })).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
  });

  it('makes an authority that can sign only server certificates, and a server certificate browsers accept', () => {
    const ca = new X509Certificate(authority.certPem);
    expect(ca.ca).toBe(true);
    expect(ca.subject).toContain('Riverside Physiotherapy');
    const leaf = new X509Certificate(createServerCertificate(authority, ['192.168.1.20']).certPem);
    expect(leaf.ca).toBe(false);
    expect(leaf.checkIssued(ca)).toBe(true);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.subjectAltName).toBe('IP Address:192.168.1.20');
    const days = (Date.parse(leaf.validTo) - Date.parse(leaf.validFrom)) / 86_400_000;
    expect(days).toBeLessThanOrEqual(826);
  });
});

describe('the certificates folder', () => {
  it('creates the authority once, keeps it for the next server certificate, and keeps private keys private', () => {
    const folder = mkdtempSync(join(tmpdir(), 'romtrack-certs-'));
    try {
      const first = writeCertificates(folder, { clinicName: 'Riverside', names: ['clinic-server'] });
      expect(first.authorityCreated).toBe(true);
      const ca = readFileSync(first.paths.authorityCert, 'utf8');
      const second = writeCertificates(folder, { clinicName: 'Riverside', names: ['clinic-server', '10.0.0.5'] });
      expect(second.authorityCreated).toBe(false);
      expect(readFileSync(second.paths.authorityCert, 'utf8')).toBe(ca);
      const leaf = new X509Certificate(readFileSync(second.paths.serverCert));
      expect(leaf.checkIssued(new X509Certificate(ca))).toBe(true);
      expect(leaf.subjectAltName).toBe('DNS:clinic-server, IP Address:10.0.0.5');
      for (const key of [second.paths.authorityKey, second.paths.serverKey]) expect(statSync(key).mode & 0o777).toBe(0o600);
      unlinkSync(second.paths.authorityKey);
      expect(() => writeCertificates(folder, { clinicName: 'Riverside', names: ['x'] })).toThrow(/clinic-ca\.key is missing/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
