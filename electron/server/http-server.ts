import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { resolve } from 'node:path';
import type { Envelope, ErrorCode } from '../../shared/api/errors';
import { HTTP_API_PREFIX, MAX_REQUEST_BYTES } from '../../shared/api/transport';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import type { Dispatch } from '../api/dispatch';
import { requestActor, type ClientScope } from '../auth/sessions';
import { allowedHostHeaders, isLoopback, plainHttpRefusal, type TlsFiles } from './network-access';
import { announcesBody, decodeUtf8, nestsDeeperThan, readBody } from './request-body';
import { readStatic } from './static-files';

/**
 * The limits of server mode, sized for a clinic's LAN: a browser sends its headers and small JSON
 * bodies in milliseconds, so anything far slower is a broken or hostile client holding a socket.
 */
export const SERVER_LIMITS = {
  /** Time to receive a request's headers (slow headers, "slowloris"). */
  headersTimeoutMs: 10_000,
  /** Time to receive a whole request, body included (slow bodies). */
  requestTimeoutMs: 30_000,
  /** An idle kept-alive connection is closed after this. */
  keepAliveTimeoutMs: 5_000,
  /** How often the two request timeouts are checked (Node's default is 30 s, which would triple them). */
  connectionsCheckingIntervalMs: 1_000,
  /** A connection with no traffic at all for this long is closed (e.g. a client that never reads the answer). */
  idleTimeoutMs: 120_000,
  /** Request line and headers together. */
  maxHeaderBytes: 16 * 1024,
  maxHeadersCount: 100,
  maxConnections: 256,
  /** After an early answer (413, 401, ...), at most this much of the unread upload is read and thrown away. */
  maxDrainBytes: 64 * 1024 * 1024,
  /** Deepest nesting of arrays and objects accepted in a JSON body; real inputs nest 4 deep at most. */
  maxJsonDepth: 32,
} as const;

export interface ServerOptions {
  dispatch: Dispatch;
  /** The built renderer (build/renderer). */
  staticDir: string;
  host?: string;
  port?: number;
  /** Required to listen beyond loopback: the server then speaks HTTPS only. */
  tls?: TlsFiles;
  /** The limits below default to SERVER_LIMITS; tests shorten them. */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  keepAliveTimeoutMs?: number;
  connectionsCheckingIntervalMs?: number;
  idleTimeoutMs?: number;
  maxDrainBytes?: number;
}

export interface RunningServer {
  /** The address to open: the same at every start with the same host and port; the sign-in page is the way in. */
  url: string;
  close(): Promise<void>;
}

/** The session cookie: set at sign-in, cleared at sign-out. Its value is the session's random token. */
export const SESSION_COOKIE = 'romtrack_session';

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
  internal: 500,
};

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

const JSON_HEADERS = { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

/** The session token in a request's Cookie header, or null. */
export function sessionCookieOf(header: string | undefined): string | null {
  for (const part of String(header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

/**
 * HttpOnly: no script on the page can read it. SameSite=Strict: no other site's page can send it. Secure under
 * TLS: never sent in clear. No Max-Age: it lasts the browser session, and the server ends it sooner anyway.
 */
function sessionCookie(token: string | null, secure: boolean): string {
  const flags = `HttpOnly; SameSite=Strict; Path=/${secure ? '; Secure' : ''}`;
  return token ? `${SESSION_COOKIE}=${token}; ${flags}` : `${SESSION_COOKIE}=; ${flags}; Max-Age=0`;
}

/** application/json, optionally with charset=utf-8; nothing else (not application/jsonp, not latin-1). */
function isJsonContentType(header: string | undefined): boolean {
  const [type, ...params] = String(header ?? '').toLowerCase().split(';').map((p) => p.trim());
  if (type !== 'application/json') return false;
  return params.every((p) => !p.startsWith('charset=') || /^charset="?utf-8"?$/.test(p));
}

/**
 * Server mode: the same operation table as the desktop app, over HTTP on loopback.
 * Only this machine may call it (loopback by default, Host header checked against DNS rebinding). Beyond
 * loopback it needs TLS, and the Host check takes the names in the server's certificate. Each browser is one
 * client: its session cookie names who is signed in on it, and dispatch runs in that client's scope, so every
 * operation but the public ones (app info, sign-in) answers 401 until someone signs in on that browser.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const staticDir = resolve(options.staticDir);
  const maxDrainBytes = options.maxDrainBytes ?? SERVER_LIMITS.maxDrainBytes;
  const headersTimeout = options.headersTimeoutMs ?? SERVER_LIMITS.headersTimeoutMs;
  const requestTimeout = options.requestTimeoutMs ?? SERVER_LIMITS.requestTimeoutMs;
  const keepAliveTimeout = options.keepAliveTimeoutMs ?? SERVER_LIMITS.keepAliveTimeoutMs;
  if (!isLoopback(host) && !options.tls) throw new Error(plainHttpRefusal(host));
  // Filled once the port is known; empty until then, so nothing is answered early.
  let allowedHosts = new Set<string>();

  const httpOptions = {
    headersTimeout,
    requestTimeout,
    keepAliveTimeout,
    connectionsCheckingInterval: options.connectionsCheckingIntervalMs ?? SERVER_LIMITS.connectionsCheckingIntervalMs,
    maxHeaderSize: SERVER_LIMITS.maxHeaderBytes,
    requireHostHeader: true,
    insecureHTTPParser: false,
  };
  const onRequest = (req: IncomingMessage, res: ServerResponse) => run(req, res);
  const server = options.tls
    ? createTlsServer({ ...httpOptions, cert: options.tls.certPem, key: options.tls.keyPem, minVersion: 'TLSv1.2' }, onRequest)
    : createServer(httpOptions, onRequest);
  server.headersTimeout = headersTimeout;
  server.requestTimeout = requestTimeout;
  server.keepAliveTimeout = keepAliveTimeout;
  server.maxHeadersCount = SERVER_LIMITS.maxHeadersCount;
  server.maxConnections = SERVER_LIMITS.maxConnections;
  server.setTimeout(options.idleTimeoutMs ?? SERVER_LIMITS.idleTimeoutMs);
  // "Expect: 100-continue": an upload declared over the limit is refused before the client sends it.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_REQUEST_BYTES) {
      tooLarge(req, res);
      return;
    }
    res.writeContinue();
    run(req, res);
  });

  function run(req: IncomingMessage, res: ServerResponse): void {
    handle(req, res).catch((err: unknown) => {
      console.error('[romtrack] request failed', err);
      if (!res.headersSent) fail(req, res, 500, 'internal', 'The server could not answer this request.');
      else res.destroy();
    });
  }

  /**
   * Every answer goes through here. When the request's body has not been read (an answer given before
   * or instead of reading it), the answer is written and flushed at once, then the rest of the upload is
   * read and thrown away (up to maxDrainBytes, within requestTimeout) before the connection is closed:
   * closing a socket with unread data makes TCP send a reset, and the client would lose the answer.
   */
  function send(req: IncomingMessage, res: ServerResponse, status: number, headers: OutgoingHttpHeaders, body?: string | Buffer): void {
    const payload = body === undefined ? undefined : typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    const unread = announcesBody(req) && !req.readableEnded && !req.destroyed;
    if (!unread) {
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : payload);
      return;
    }
    res.writeHead(status, { ...headers, connection: 'close', 'content-length': String(payload?.length ?? 0) });
    if (payload && req.method !== 'HEAD') res.write(payload);
    drainThenEnd(req, res);
  }

  function drainThenEnd(req: IncomingMessage, res: ServerResponse): void {
    let seen = 0;
    let finished = false;
    const finish = (cut: boolean) => {
      if (finished) return;
      finished = true;
      req.off('data', onData);
      if (cut) {
        // Past the cap: the answer went out long before; stop reading and drop the connection.
        req.socket?.destroy();
        return;
      }
      res.end();
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > maxDrainBytes) finish(true);
    };
    req.on('data', onData);
    req.once('end', () => finish(false));
    req.once('error', () => finish(true));
    req.once('close', () => finish(!req.complete));
    req.resume();
  }

  function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: Envelope<unknown>, extra: OutgoingHttpHeaders = {}): void {
    send(req, res, status, { ...JSON_HEADERS, ...extra }, JSON.stringify(body));
  }

  function fail(req: IncomingMessage, res: ServerResponse, status: number, code: ErrorCode, message: string, extra: OutgoingHttpHeaders = {}): void {
    sendJson(req, res, status, { ok: false, error: { code, message } }, extra);
  }

  function tooLarge(req: IncomingMessage, res: ServerResponse): void {
    fail(req, res, 413, 'invalid_input', `The request is larger than ${MAX_REQUEST_BYTES / 1024} KiB and was refused.`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(String(req.headers.host ?? '').toLowerCase())) {
      fail(req, res, 421, 'unauthorized', 'This server answers only on the address it printed at start.');
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://local');
    } catch {
      fail(req, res, 400, 'invalid_input', 'The address of this request cannot be read.');
      return;
    }
    if (url.pathname.startsWith(HTTP_API_PREFIX)) {
      await handleApi(req, res, url.pathname.slice(HTTP_API_PREFIX.length));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(req, res, 405, { ...SECURITY_HEADERS, allow: 'GET, HEAD' });
      return;
    }
    const file = await readStatic(staticDir, url.pathname);
    if (!file) {
      send(req, res, 404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' }, 'Not found');
      return;
    }
    send(
      req,
      res,
      200,
      {
        ...SECURITY_HEADERS,
        'content-type': file.contentType,
        'cache-control': file.contentType.startsWith('text/html') ? 'no-store' : 'no-cache',
      },
      file.body,
    );
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, operation: string): Promise<void> {
    if (req.method !== 'POST') {
      fail(req, res, 405, 'invalid_input', 'API operations are called with POST.', { allow: 'POST' });
      return;
    }
    if (!isJsonContentType(req.headers['content-type'])) {
      fail(req, res, 415, 'invalid_input', 'Send the request body as JSON in UTF-8 (content-type: application/json).');
      return;
    }
    const read = await readBody(req, MAX_REQUEST_BYTES);
    if (read.kind === 'aborted') return;
    if (read.kind === 'too_large') {
      tooLarge(req, res);
      return;
    }
    const text = decodeUtf8(read.body);
    if (text === null) {
      fail(req, res, 400, 'invalid_input', 'The request body is not valid UTF-8 text.');
      return;
    }
    if (nestsDeeperThan(text, SERVER_LIMITS.maxJsonDepth)) {
      fail(req, res, 400, 'invalid_input', `The request body nests more than ${SERVER_LIMITS.maxJsonDepth} levels deep and was refused.`);
      return;
    }
    let input: unknown;
    try {
      input = text.length === 0 ? {} : JSON.parse(text);
    } catch {
      fail(req, res, 400, 'invalid_input', 'The request body is not valid JSON.');
      return;
    }
    const sent = sessionCookieOf(req.headers.cookie);
    const scope: ClientScope = { token: sent };
    const result = await requestActor.run(scope, () => options.dispatch(operation, input));
    // Signing in or out changed this client's session: the browser keeps the new cookie, or drops it.
    const cookie = scope.token !== sent ? { 'set-cookie': sessionCookie(scope.token, options.tls !== undefined) } : {};
    sendJson(req, res, result.ok ? 200 : STATUS[result.error.code], result, cookie);
  }

  await new Promise<void>((ok, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => ok());
  });
  const address = server.address();
  // A server listening on a TCP port (not a pipe) has an address object.
  if (address === null || typeof address === 'string') throw new Error(`the server is not listening on a TCP port (${String(address)})`);
  const { port } = address;
  const hostForUrl = host.includes(':') ? `[${host}]` : host;
  allowedHosts = allowedHostHeaders(host, port, options.tls);
  const url = `${options.tls ? 'https' : 'http'}://${hostForUrl}:${port}`;
  return {
    url,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
