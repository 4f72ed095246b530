import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { createClinicAuthority, createServerCertificate, type CertificatePair } from './certificates';

/** The files in the certificates folder. Only the authority's certificate leaves it, to each workstation. */
export const CERTIFICATE_FILES = {
  authorityCert: 'clinic-ca.crt',
  authorityKey: 'clinic-ca.key',
  serverCert: 'server.crt',
  serverKey: 'server.key',
} as const;

export interface WrittenCertificates {
  folder: string;
  authorityCreated: boolean;
  names: string[];
  paths: Record<keyof typeof CERTIFICATE_FILES, string>;
}

/** This machine's name and its network addresses (IPv4 and IPv6, loopback included): how workstations reach it. */
export function defaultServerNames(): string[] {
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined)
    .map((a) => a.address.split('%')[0]!);
  return [...new Set([hostname(), 'localhost', ...addresses])];
}

/**
 * Writes a server certificate for `names`, signed by the clinic's authority in `folder`, creating the authority
 * the first time. An existing authority is kept, so a new server certificate (another name, a renewal) needs no
 * visit to the workstations. Private keys are readable by this user only.
 */
export function writeCertificates(folder: string, options: { clinicName: string; names: readonly string[] }): WrittenCertificates {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const paths = {
    authorityCert: join(folder, CERTIFICATE_FILES.authorityCert),
    authorityKey: join(folder, CERTIFICATE_FILES.authorityKey),
    serverCert: join(folder, CERTIFICATE_FILES.serverCert),
    serverKey: join(folder, CERTIFICATE_FILES.serverKey),
  };
  const haveCert = existsSync(paths.authorityCert);
  const haveKey = existsSync(paths.authorityKey);
  if (haveCert !== haveKey) {
    const missing = haveCert ? paths.authorityKey : paths.authorityCert;
    throw new Error(`${missing} is missing, so the clinic's authority cannot sign. Put it back, or move the folder's files away to start a new authority (every workstation will then need the new ${CERTIFICATE_FILES.authorityCert}).`);
  }
  let authority: CertificatePair;
  if (haveCert) {
    authority = { certPem: readFileSync(paths.authorityCert, 'utf8'), keyPem: readFileSync(paths.authorityKey, 'utf8') };
  } else {
    authority = createClinicAuthority(options.clinicName);
    writePrivate(paths.authorityKey, authority.keyPem);
    writeFileSync(paths.authorityCert, authority.certPem);
  }
  const server = createServerCertificate(authority, options.names);
  writePrivate(paths.serverKey, server.keyPem);
  writeFileSync(paths.serverCert, server.certPem);
  return { folder, authorityCreated: !haveCert, names: [...options.names], paths };
}

function writePrivate(path: string, text: string): void {
  writeFileSync(path, text, { mode: 0o600 });
  // mode applies only when the file is created; a renewal rewrites an existing key.
  chmodSync(path, 0o600);
}
