// A clinic's own certificate authority and the server certificate it signs, for TLS on the clinic's network
// without IT staff or the internet: each workstation trusts the clinic's authority once (README), and the
// server's certificate names the host the way the workstations reach it (its name and its addresses).
//
// node-forge builds and signs the certificates; its RSA key generation uses Node's native crypto, so a key
// takes a tenth of a second, not minutes of JavaScript.
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import forge from 'node-forge';

export interface CertificatePair {
  certPem: string;
  keyPem: string;
}

const DAY = 86_400_000;
/** The authority outlives several server certificates; replacing it means visiting every workstation. */
const AUTHORITY_DAYS = 3650;
/** Browsers refuse server certificates valid for longer than 825 days, even from an authority a person added. */
const SERVER_DAYS = 825;

function serial(): string {
  // Positive (first bit clear) and random, as RFC 5280 asks.
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f;
  return bytes.toString('hex');
}

function newCertificate(publicKey: forge.pki.PublicKey, now: Date, days: number): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serial();
  // An hour back: a workstation whose clock is a little behind the server's still accepts a new certificate.
  cert.validity.notBefore = new Date(now.getTime() - 3_600_000);
  cert.validity.notAfter = new Date(now.getTime() + days * DAY);
  return cert;
}

/** A new certificate authority for the clinic, named after it. */
export function createClinicAuthority(clinicName: string, now = new Date()): CertificatePair {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 3072 });
  const cert = newCertificate(keys.publicKey, now, AUTHORITY_DAYS);
  const subject = [
    { name: 'commonName', value: `ROMtrack ${clinicName} certificate authority`.slice(0, 64) },
    { name: 'organizationName', value: clinicName.slice(0, 64) },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: forge.pki.privateKeyToPem(keys.privateKey) };
}

/**
 * A server certificate signed by the clinic's authority, for the host names and IP addresses the workstations
 * use to reach the server. At least one name or address is needed.
 */
export function createServerCertificate(authority: CertificatePair, names: readonly string[], now = new Date()): CertificatePair {
  if (names.length === 0) throw new Error('Give at least one host name or address for the server certificate.');
  const caCert = forge.pki.certificateFromPem(authority.certPem);
  const caKey = forge.pki.privateKeyFromPem(authority.keyPem);
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
  const cert = newCertificate(keys.publicKey, now, SERVER_DAYS);
  cert.setSubject([{ name: 'commonName', value: names[0]!.slice(0, 64) }]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    // type 2 is a DNS name, 7 an IP address (RFC 5280 GeneralName).
    { name: 'subjectAltName', altNames: names.map((n) => (isIP(n) ? { type: 7, ip: n } : { type: 2, value: n })) },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: forge.pki.privateKeyToPem(keys.privateKey) };
}
