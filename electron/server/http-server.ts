import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Envelope, ErrorCode } from '../../shared/api/errors';
import { HTTP_API_PREFIX, MAX_REQUEST_BYTES, TOKEN_HEADER } from '../../shared/api/transport';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import type { Dispatch } from '../api/dispatch';
import { readStatic } from './static-files';

export interface ServerOptions {
  dispatch: Dispatch;
  /** The built renderer (build/renderer). */
  staticDir: string;
  host?: string;
  port?: number;
  /** Fixed only by tests; otherwise a new random token at each start. */
  token?: string;
}

export interface RunningServer {
  url: string;
  /** The address to open: url with the token, which the renderer then keeps for its API calls. */
  openUrl: string;
  token: string;
  close(): Promise<void>;
}

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

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

function tokensMatch(expected: string, given: string | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: ServerResponse, status: number, body: Envelope<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function fail(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

class TooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_REQUEST_BYTES) {
      reject(new TooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        reject(new TooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Server mode: the same operation table as the desktop app, over HTTP on loopback.
 * Only this machine may call it (loopback by default, Host header checked against DNS
 * rebinding), and only a browser that was given the start-up token.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? newToken();
  const staticDir = resolve(options.staticDir);
  // null: listening beyond loopback on purpose, so any Host is accepted (the token still guards).
  let allowedHosts: Set<string> | null = new Set<string>();

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[romtrack] request failed', err);
      if (!res.headersSent) fail(res, 500, 'internal', 'The server could not answer this request.');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (allowedHosts && !allowedHosts.has(String(req.headers.host ?? '').toLowerCase())) {
      fail(res, 421, 'unauthorized', 'This server answers only on the address it printed at start.');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://local');
    if (url.pathname.startsWith(HTTP_API_PREFIX)) {
      await handleApi(req, res, url.pathname.slice(HTTP_API_PREFIX.length));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...SECURITY_HEADERS, allow: 'GET, HEAD' }).end();
      return;
    }
    const file = await readStatic(staticDir, url.pathname);
    if (!file) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': file.contentType,
      'cache-control': file.contentType.startsWith('text/html') ? 'no-store' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, operation: string): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      fail(res, 405, 'invalid_input', 'API operations are called with POST.');
      return;
    }
    const given = req.headers[TOKEN_HEADER];
    if (!tokensMatch(token, Array.isArray(given) ? given[0] : given)) {
      fail(res, 401, 'unauthorized', 'Missing or wrong access token. Open ROMtrack from the address the server printed at start.');
      return;
    }
    if (!String(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      fail(res, 415, 'invalid_input', 'Send the request body as JSON (content-type: application/json).');
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (err) {
      if (err instanceof TooLarge) {
        res.setHeader('connection', 'close');
        fail(res, 413, 'invalid_input', `The request is larger than ${MAX_REQUEST_BYTES / 1024} KiB and was refused.`);
        return;
      }
      throw err;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      fail(res, 400, 'invalid_input', 'The request body is not valid JSON.');
      return;
    }
    const result = await options.dispatch(operation, input);
    sendJson(res, result.ok ? 200 : STATUS[result.error.code], result);
  }

  await new Promise<void>((ok, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const hostForUrl = host.includes(':') ? `[${host}]` : host;
  allowedHosts = isLoopback(host)
    ? new Set([`${hostForUrl}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`])
    : null;
  const url = `http://${hostForUrl}:${port}`;
  return {
    url,
    openUrl: `${url}/?token=${token}`,
    token,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
