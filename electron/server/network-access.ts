import { X509Certificate } from 'node:crypto';

/** The server certificate and key, as PEM text (read from the files given to `npm run serve`). */
export interface TlsFiles {
  certPem: string;
  keyPem: string;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Off this machine, patient records cross the clinic's network: plain HTTP there would show them, and the
 * sign-in, to anyone on the same network. So listening beyond loopback needs TLS; the message says how.
 */
export function plainHttpRefusal(host: string): string {
  return [
    `Listening on ${host} without TLS is refused: records would cross the network readable by anyone on it.`,
    'Make the clinic\'s certificates once:  npm run certificates',
    `then start with them:  npm run serve -- --host ${host} --tls-cert certificates/server.crt --tls-key certificates/server.key`,
    '(README: "TLS on the clinic network" says how each workstation trusts them).',
  ].join('\n');
}

/** The host names and addresses a certificate is valid for (its subject alternative names). */
export function certificateNames(certPem: string): string[] {
  const san = new X509Certificate(certPem).subjectAltName ?? '';
  return san
    .split(', ')
    .map((entry) => /^(?:DNS|IP Address):(.+)$/.exec(entry)?.[1])
    .filter((name): name is string => name !== undefined)
    .map((name) => name.toLowerCase());
}

/**
 * The Host headers the server answers (against DNS rebinding): this machine's own names, and when it listens
 * on the network, the names its certificate carries, which are how the workstations reach it.
 */
export function allowedHostHeaders(host: string, port: number, tls: TlsFiles | undefined): Set<string> {
  const withPort = (name: string) => `${name.includes(':') ? `[${name}]` : name}:${port}`;
  const names = ['localhost', '127.0.0.1', '::1', host, ...(tls ? certificateNames(tls.certPem) : [])];
  return new Set(names.filter((n) => n !== '0.0.0.0' && n !== '::').map(withPort));
}
