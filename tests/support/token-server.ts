import { randomUUID, verify, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A SMART Backend Services token endpoint on loopback, as a district's authorization server would be: it checks
// the client assertion's signature with the public key it was given for the client, and its claims (issuer and
// subject the client id, audience this endpoint, not expired, not replayed), then issues a short-lived token.

export interface TokenRequestSeen {
  ok: boolean;
  /** Why it was refused, when it was. */
  error: string | null;
  alg: string | null;
  kid: string | null;
}

export interface TestTokenServer {
  url: string;
  requests: TokenRequestSeen[];
  /** Every token it issued: the FHIR test server is told to accept them. */
  issued: string[];
  /** Seconds each token lives. */
  expiresIn: number;
  close(): Promise<void>;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function decode(part: string | undefined): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v)) : null;
  } catch {
    return null;
  }
}

export async function startTokenServer(client: { clientId: string; publicKey: KeyObject }, onIssue?: (token: string) => void): Promise<TestTokenServer> {
  const seenJti = new Set<string>();
  const state: TestTokenServer = {
    url: '',
    requests: [],
    issued: [],
    expiresIn: 300,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };

  function check(form: URLSearchParams): { error: string | null; alg: string | null; kid: string | null } {
    if (form.get('grant_type') !== 'client_credentials') return { error: 'unsupported_grant_type', alg: null, kid: null };
    if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') return { error: 'invalid_request', alg: null, kid: null };
    const [h, c, s] = (form.get('client_assertion') ?? '').split('.');
    const header = decode(h);
    const claims = decode(c);
    const alg = typeof header?.alg === 'string' ? header.alg : null;
    const kid = typeof header?.kid === 'string' ? header.kid : null;
    if (!header || !claims || !s || (alg !== 'RS384' && alg !== 'ES384')) return { error: 'invalid_client', alg, kid };
    const signed = verify('sha384', Buffer.from(`${h}.${c}`), alg === 'ES384' ? { key: client.publicKey, dsaEncoding: 'ieee-p1363' } : client.publicKey, Buffer.from(s, 'base64url'));
    if (!signed) return { error: 'invalid_client', alg, kid };
    const now = Date.now() / 1000;
    if (claims.iss !== client.clientId || claims.sub !== client.clientId) return { error: 'invalid_client', alg, kid };
    if (claims.aud !== state.url) return { error: 'invalid_client', alg, kid };
    if (typeof claims.exp !== 'number' || claims.exp < now || claims.exp > now + 300 + 5) return { error: 'invalid_client', alg, kid };
    if (typeof claims.jti !== 'string' || seenJti.has(claims.jti)) return { error: 'invalid_client', alg, kid };
    seenJti.add(claims.jti);
    return { error: null, alg, kid };
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const form = await readForm(req);
      const { error, alg, kid } = req.method === 'POST' ? check(form) : { error: 'invalid_request', alg: null, kid: null };
      state.requests.push({ ok: error === null, error, alg, kid });
      res.setHeader('content-type', 'application/json');
      if (error) {
        res.writeHead(error === 'invalid_client' ? 401 : 400);
        res.end(JSON.stringify({ error, error_description: error === 'invalid_client' ? 'The client assertion could not be verified.' : 'Bad request.' }));
        return;
      }
      const token = `smart-${randomUUID()}`;
      state.issued.push(token);
      onIssue?.(token);
      res.writeHead(200);
      res.end(JSON.stringify({ access_token: token, token_type: 'bearer', expires_in: state.expiresIn, scope: form.get('scope') }));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/auth/token`;
  return state;
}
