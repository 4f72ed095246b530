import { createHash, createPrivateKey, createPublicKey, randomUUID, sign, type KeyObject } from 'node:crypto';
import { message, type MessageRef } from '../../../shared/i18n/message';
import { SyncHttpError, withWords } from './sync-client';

// SMART Backend Services (client credentials with a private_key_jwt client assertion): ROMtrack signs a short
// JWT with the clinic's private key, the district's token endpoint checks it against the public key it was given
// and answers with an access token, which is kept in memory until shortly before it expires. Signed with
// node:crypto: RS384 for an RSA key, ES384 for an EC P-384 key, the two algorithms SMART asks servers to accept.

/** What ROMtrack asks for: read and write every resource type as a system (SMART v2 scope syntax). */
export const SMART_SCOPE = 'system/*.cruds';
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** A token this close to its end is fetched again rather than used. */
const EXPIRY_MARGIN_MS = 60_000;

export interface SigningKey {
  key: KeyObject;
  alg: 'RS384' | 'ES384';
  /** The public key's JWK thumbprint (RFC 7638): the `kid` the district files the public key under. */
  kid: string;
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/** The key from its PEM text, or a message saying why it cannot sign: checked where it enters. */
export function signingKey(pem: string): { ok: true; value: SigningKey } | { ok: false; message: MessageRef } {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    return { ok: false, message: message('exchange.error.keyUnreadable') };
  }
  const details = key.asymmetricKeyDetails;
  let alg: SigningKey['alg'];
  if (key.asymmetricKeyType === 'rsa' && (details?.modulusLength ?? 0) >= 2048) alg = 'RS384';
  else if (key.asymmetricKeyType === 'ec' && details?.namedCurve === 'secp384r1') alg = 'ES384';
  else return { ok: false, message: message('exchange.error.keyKind') };
  const jwk = createPublicKey(key).export({ format: 'jwk' });
  // RFC 7638: the required members only, in lexicographic order.
  const members = alg === 'RS384' ? { e: jwk.e, kty: jwk.kty, n: jwk.n } : { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y };
  const kid = createHash('sha256').update(JSON.stringify(members)).digest('base64url');
  return { ok: true, value: { key, alg, kid } };
}

/** The client assertion: a JWT the token endpoint checks with the public key; valid for five minutes, used once. */
export function clientAssertion(k: SigningKey, clientId: string, tokenUrl: string, nowMs: number): string {
  const header = { alg: k.alg, typ: 'JWT', kid: k.kid };
  const claims = { iss: clientId, sub: clientId, aud: tokenUrl, exp: Math.floor(nowMs / 1000) + 300, jti: randomUUID() };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  // JWS wants ECDSA signatures as r||s, not DER.
  const signature = sign('sha384', Buffer.from(input), k.alg === 'ES384' ? { key: k.key, dsaEncoding: 'ieee-p1363' } : k.key);
  return `${input}.${b64url(signature)}`;
}

const record = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

async function fetchJson(url: string, init: RequestInit, timeoutMs: number): Promise<{ status: number; body: unknown }> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch (err) {
    const timedOut = err instanceof Error && err.name === 'TimeoutError';
    const said = timedOut ? message('exchange.sync.error.tokenServiceTimeout', { url, seconds: Math.round(timeoutMs / 1000) }) : message('exchange.sync.error.tokenServiceUnreachable', { url });
    throw new SyncHttpError(said, null, true);
  }
  const text = await res.text();
  try {
    return { status: res.status, body: text ? JSON.parse(text) : null };
  } catch {
    return { status: res.status, body: null };
  }
}

export interface SmartConfig {
  baseUrl: string;
  clientId: string;
  privateKey: string;
  /** Set by hand; else read from the server's .well-known/smart-configuration. */
  tokenUrl: string | null;
  timeoutMs: number;
}

/** Access tokens for one configuration, fetched when needed and kept until shortly before they expire. */
export class SmartTokenSource {
  private cached: { token: string; until: number } | null = null;
  private tokenUrl: string | null;

  constructor(
    private readonly config: SmartConfig,
    private readonly nowMs: () => number = Date.now,
  ) {
    this.tokenUrl = config.tokenUrl;
  }

  /** The token endpoint: as configured, or as the server publishes it. */
  private async endpoint(): Promise<string> {
    if (this.tokenUrl) return this.tokenUrl;
    const url = `${this.config.baseUrl}/.well-known/smart-configuration`;
    const { status, body } = await fetchJson(url, { headers: { accept: 'application/json' } }, this.config.timeoutMs);
    if (status >= 500) throw new SyncHttpError(message('exchange.sync.error.discoveryHttp', { status }), status, true);
    if (status !== 200 || !record(body) || typeof body.token_endpoint !== 'string') {
      throw new SyncHttpError(message('exchange.sync.error.noDiscovery', { url, status }), status, false);
    }
    this.tokenUrl = body.token_endpoint;
    return this.tokenUrl;
  }

  async token(): Promise<string> {
    if (this.cached && this.nowMs() < this.cached.until - EXPIRY_MARGIN_MS) return this.cached.token;
    const key = signingKey(this.config.privateKey);
    if (!key.ok) throw new SyncHttpError(key.message, null, false);
    const url = await this.endpoint();
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      scope: SMART_SCOPE,
      client_assertion_type: ASSERTION_TYPE,
      client_assertion: clientAssertion(key.value, this.config.clientId, url, this.nowMs()),
    });
    const { status, body } = await fetchJson(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: form.toString() }, this.config.timeoutMs);
    if (status === 200 && record(body) && typeof body.access_token === 'string' && body.access_token) {
      const seconds = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 300;
      this.cached = { token: body.access_token, until: this.nowMs() + seconds * 1000 };
      return body.access_token;
    }
    // The token service's own words (OAuth's error and description) stay as it wrote them.
    const words = record(body) ? [body.error, body.error_description].filter((v) => typeof v === 'string').join(': ') || null : null;
    if (status >= 500 || status === 429) throw new SyncHttpError(withWords(message('exchange.sync.error.tokenServiceHttp', { status }), words), status, true);
    throw new SyncHttpError(withWords(message('exchange.sync.error.tokenServiceRefused', { status, keyId: key.value.kid }), words), status, false);
  }

  /** After the FHIR server refused a token: the next request fetches a new one. */
  invalidate(): void {
    this.cached = null;
  }
}
