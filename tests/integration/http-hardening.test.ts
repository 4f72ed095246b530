import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { operations } from '../../shared/api/contract';
import { SESSION_COOKIE, startServer, type RunningServer, type ServerOptions } from '../../electron/server/http-server';
import { openTestBackend, startSessionFor, type TestBackend } from '../support/backend';

// Server mode tried as an attacker would: oversized and slow uploads, slow headers, keys that are
// Object.prototype's names, wrong types in fields the UI fills itself, and the static folder.

const MiB = 1024 * 1024;
/** zod's own English wording ("Invalid input: expected string, received number", "Too small: ..."). */
const ZOD_DEFAULT = /^(Invalid|Too (small|big)|Expected|Unrecognized)|expected \w+, received \w+/;
const isPosix = process.platform !== 'win32';

let api: TestBackend | undefined;
let server: RunningServer | undefined;
let staticDir: string;
let outsideDir: string;

afterEach(async () => {
  await server?.close();
  api?.dispose();
  server = undefined;
  api = undefined;
});

async function serve(options: Partial<ServerOptions> = {}): Promise<RunningServer> {
  api = openTestBackend();
  const root = join(api.dbPath, '..');
  staticDir = join(root, 'renderer');
  outsideDir = join(root, 'outside');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  mkdirSync(outsideDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>ROMtrack</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(join(outsideDir, 'secret.txt'), 'outside the static folder');
  server = await startServer({ dispatch: api.dispatch, staticDir, ...options });
  cookie = `${SESSION_COOKIE}=${startSessionFor(api, api.actorId()!)}`;
  return server;
}

/** The Cookie header of a browser the first therapist signed in on. */
let cookie = '';

function apiHeaders(_s: RunningServer, extra: Record<string, string> = {}): Record<string, string> {
  return { 'content-type': 'application/json', cookie, ...extra };
}

function post(s: RunningServer, op: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`${s.url}/api/${op}`, { method: 'POST', headers: apiHeaders(s, headers), body });
}

interface UploadResult {
  status: number;
  body: string;
  /** Bytes of body the client had written when the answer's headers arrived. */
  writtenAtResponse: number;
  written: number;
  finishedUpload: boolean;
  /** The server closed its side with a FIN after answering (not a reset). */
  closedGracefully: boolean;
  error: NodeJS.ErrnoException | null;
  timedOut: boolean;
}

const emptyResult = (): UploadResult => ({
  status: 0,
  body: '',
  writtenAtResponse: -1,
  written: 0,
  finishedUpload: false,
  closedGracefully: false,
  error: null,
  timedOut: false,
});

/**
 * A node:http client streaming `total` bytes with Transfer-Encoding: chunked (64 KiB at a time,
 * honouring back-pressure). Settles once it has read the whole answer: Node's client itself stops
 * uploading when a complete "connection: close" answer arrives.
 */
function chunkedUpload(s: RunningServer, total: number): Promise<UploadResult> {
  return new Promise((resolve) => {
    const url = new URL(`${s.url}/api/patients.create`);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const out = emptyResult();
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      req.destroy();
      resolve(out);
    };
    const guard = setTimeout(() => {
      out.timedOut = true;
      settle();
    }, 15_000);
    const req = http.request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'POST',
      agent: false,
      headers: apiHeaders(s, { 'transfer-encoding': 'chunked' }),
    });
    req.on('response', (res) => {
      out.status = res.statusCode ?? 0;
      out.writtenAtResponse = out.written;
      res.setEncoding('utf8');
      res.on('data', (d: string) => (out.body += d));
      res.on('end', settle);
      res.on('error', () => undefined);
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      out.error ??= err;
      settle();
    });
    const pump = () => {
      while (out.written < total && !req.destroyed) {
        out.written += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!req.destroyed) req.end(() => (out.finishedUpload = true));
    };
    pump();
  });
}

/**
 * A raw TCP client that uploads all `total` bytes (chunked, or with a declared content-length)
 * whatever the server answers meanwhile, as a browser does, then waits for the server to close.
 * Tells whether the close was graceful (FIN) or a reset, which would lose the answer.
 */
function rawUpload(s: RunningServer, total: number, framing: 'chunked' | 'length'): Promise<UploadResult> {
  return new Promise((resolve) => {
    const { port, host } = new URL(s.url);
    const out = emptyResult();
    const data = Buffer.alloc(64 * 1024, 0x20);
    const frame = framing === 'chunked' ? Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')]) : data;
    const head =
      `POST /api/patients.create HTTP/1.1\r\nHost: ${host}\r\ncontent-type: application/json\r\ncookie: ${cookie}\r\n` +
      (framing === 'chunked' ? 'transfer-encoding: chunked\r\n\r\n' : `content-length: ${total}\r\n\r\n`);
    let reply = Buffer.alloc(0);
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      const text = reply.toString('utf8');
      out.status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      out.body = text.slice(text.indexOf('\r\n\r\n') + 4);
      socket.destroy();
      resolve(out);
    };
    const guard = setTimeout(() => {
      out.timedOut = true;
      settle();
    }, 15_000);
    const socket = net.connect(Number(port), '127.0.0.1');
    socket.on('data', (d: Buffer) => {
      if (out.writtenAtResponse < 0) out.writtenAtResponse = out.written;
      reply = Buffer.concat([reply, d]);
    });
    socket.on('end', () => {
      out.closedGracefully = true;
      settle();
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      out.error ??= err;
      settle();
    });
    const pump = () => {
      while (out.written < total && !socket.destroyed) {
        out.written += data.length;
        if (!socket.write(frame)) {
          socket.once('drain', pump);
          return;
        }
      }
      if (socket.destroyed) return;
      socket.write(framing === 'chunked' ? '0\r\n\r\n' : '', () => (out.finishedUpload = true));
    };
    socket.on('connect', () => {
      socket.write(head);
      pump();
    });
  });
}

describe('server mode: oversized uploads are answered, not reset', () => {
  it('answers a chunked 50 MB upload (node:http) with 413, and the client reads it while still uploading', async () => {
    const s = await serve();
    const r = await chunkedUpload(s, 50 * MiB);
    expect(r.timedOut).toBe(false);
    expect(r.error).toBeNull();
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/larger than 1024 KiB/) } });
    // The answer came early, not after the whole upload had been read.
    expect(r.writtenAtResponse).toBeLessThan(50 * MiB);
    expect((await api!.ok('patients.list', {})).total).toBe(0);
  });

  it('reads and discards the rest of a 50 MB upload after the 413, then closes gracefully (no reset)', async () => {
    const s = await serve();
    for (const framing of ['chunked', 'length'] as const) {
      const r = await rawUpload(s, 50 * MiB, framing);
      expect(r.timedOut, framing).toBe(false);
      expect(r.error, framing).toBeNull();
      expect(r.status, framing).toBe(413);
      expect(JSON.parse(r.body).error.message, framing).toMatch(/larger than 1024 KiB/);
      expect(r.finishedUpload, framing).toBe(true);
      expect(r.closedGracefully, framing).toBe(true);
      expect(r.writtenAtResponse, framing).toBeLessThan(50 * MiB);
    }
  });

  it('refuses an "Expect: 100-continue" upload over the limit before the client sends it', async () => {
    const s = await serve();
    const url = new URL(`${s.url}/api/patients.create`);
    const result = await new Promise<{ status: number; continued: boolean }>((resolve, reject) => {
      let continued = false;
      const req = http.request({
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent: false,
        headers: apiHeaders(s, { expect: '100-continue', 'content-length': String(50 * MiB) }),
      });
      req.on('continue', () => (continued = true));
      req.on('response', (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, continued });
        req.destroy();
      });
      req.on('error', reject);
      req.flushHeaders();
      setTimeout(() => reject(new Error('no answer')), 10_000).unref();
    });
    expect(result).toEqual({ status: 413, continued: false });
  });

  it('stops reading an endless upload past the drain cap (the client still got its 413)', async () => {
    const s = await serve({ maxDrainBytes: 4 * MiB });
    const r = await rawUpload(s, 500 * MiB, 'chunked');
    expect(r.timedOut).toBe(false);
    expect(r.status).toBe(413);
    expect(r.finishedUpload).toBe(false);
    expect(r.written).toBeLessThan(100 * MiB);
  });
});

interface SlowResult {
  closedAfterMs: number;
  sent: number;
  total: number;
  reply: string;
}

/** Sends `text` one byte every `everyMs` on a raw socket until the server closes it (or all is sent and 8 s pass). */
function slowClient(s: RunningServer, head: string, slowPart: string, everyMs = 20): Promise<SlowResult> {
  return new Promise((resolve) => {
    const { port } = new URL(s.url);
    const start = Date.now();
    const socket = net.connect(Number(port), '127.0.0.1');
    let sent = 0;
    let reply = '';
    let timer: NodeJS.Timeout | undefined;
    const done = (closedAfterMs: number) => {
      clearInterval(timer);
      clearTimeout(guard);
      socket.destroy();
      resolve({ closedAfterMs, sent, total: slowPart.length, reply });
    };
    const guard = setTimeout(() => done(Number.POSITIVE_INFINITY), 8_000);
    socket.on('connect', () => {
      if (head) socket.write(head);
      timer = setInterval(() => {
        if (sent < slowPart.length && !socket.destroyed) socket.write(slowPart[sent++]!);
      }, everyMs);
    });
    socket.on('data', (d: Buffer) => (reply += d.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => done(Date.now() - start));
  });
}

describe('server mode: slow and idle clients are cut off', () => {
  const short = { headersTimeoutMs: 500, requestTimeoutMs: 1_000, keepAliveTimeoutMs: 300, connectionsCheckingIntervalMs: 100 };

  it('cuts off a client sending its headers byte by byte after the headers timeout, serving others meanwhile', async () => {
    const s = await serve(short);
    const host = new URL(s.url).host;
    const slow = slowClient(s, '', `GET / HTTP/1.1\r\nHost: ${host}\r\nX-Slow: ${'a'.repeat(300)}\r\n\r\n`);
    const served: number[] = [];
    for (let i = 0; i < 6; i++) {
      served.push((await fetch(`${s.url}/`)).status);
      served.push((await post(s, 'app.info', '{}')).status);
      await new Promise((r) => setTimeout(r, 100));
    }
    const r = await slow;
    expect(served.every((status) => status === 200)).toBe(true);
    expect(r.sent).toBeLessThan(r.total);
    expect(r.closedAfterMs).toBeGreaterThanOrEqual(400);
    expect(r.closedAfterMs).toBeLessThan(3_000);
  });

  it('cuts off a client trickling its body after the request timeout, with 408', async () => {
    const s = await serve(short);
    const host = new URL(s.url).host;
    const head = `POST /api/app.info HTTP/1.1\r\nHost: ${host}\r\ncontent-type: application/json\r\ncookie: ${cookie}\r\ncontent-length: 300\r\n\r\n`;
    const r = await slowClient(s, head, ' '.repeat(300));
    expect(r.sent).toBeLessThan(r.total);
    expect(r.closedAfterMs).toBeGreaterThanOrEqual(800);
    expect(r.closedAfterMs).toBeLessThan(3_000);
    expect(r.reply).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes an idle kept-alive connection after the keep-alive timeout', async () => {
    const s = await serve(short);
    const { port, host } = new URL(s.url);
    const idleMs = await new Promise<number>((resolve) => {
      const socket = net.connect(Number(port), '127.0.0.1');
      let answeredAt = 0;
      const guard = setTimeout(() => {
        socket.destroy();
        resolve(Number.POSITIVE_INFINITY);
      }, 8_000);
      socket.on('connect', () => socket.write(`GET / HTTP/1.1\r\nHost: ${host}\r\nConnection: keep-alive\r\n\r\n`));
      socket.on('data', () => (answeredAt ||= Date.now()));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearTimeout(guard);
        resolve(Date.now() - answeredAt);
      });
    });
    expect(idleMs).toBeLessThan(2_500);
  });
});

describe('server mode: request checks', () => {
  it('gives "__proto__", "constructor" and "toString" keys a message each, and the envelope carries them', async () => {
    const s = await serve();
    // Written as text: in a JS object literal "__proto__" would set the prototype instead of a key.
    const body = '{"familyName":"Okafor","givenNames":"Ada","dateOfBirth":"1970-02-03","sex":"female","__proto__":{"x":1},"constructor":1,"toString":"x"}';
    const res = await post(s, 'patients.create', body);
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain('"__proto__":');
    const envelope = JSON.parse(text);
    const fields = envelope.error.fields as Record<string, unknown>;
    expect(Object.keys(fields).sort()).toEqual(['__proto__', 'constructor', 'toString']);
    for (const key of ['__proto__', 'constructor', 'toString']) {
      expect(Object.hasOwn(fields, key)).toBe(true);
      expect(fields[key]).toEqual(expect.stringMatching(/not a field this form accepts|not expected here/));
    }
    expect(envelope.error.message).toBe('3 fields need attention.');
    expect((await api!.ok('patients.list', {})).total).toBe(0);
  });

  it('never answers with zod default texts for wrong-typed fields the UI fills itself', async () => {
    const s = await serve();
    const id = '00000000-0000-4000-8000-000000000000';
    const cases: [string, unknown][] = [
      ['patients.list', { limit: 0, offset: 'x', query: 5 }],
      ['patients.list', { limit: 2.5, offset: -1, extra: true }],
      ['patients.update', { id: 7, version: 0, familyName: 'Okafor', givenNames: 'Ada', dateOfBirth: '1970-02-03', sex: 'female' }],
      ['therapists.update', { id, version: '1' }],
      ['therapists.setActive', { id, active: 'yes' }],
      ['therapists.list', { includeInactive: 1 }],
      ['goals.add', { acknowledgeMet: 'yes', target: null, planId: 3 }],
      ['reports.record', { motions: 'all', paper: 'A3' }],
      ['backups.restore', { path: 'x'.repeat(2000) }],
      ['visits.record', { defaults: true, measurements: {}, symptoms: [] }],
      ['setup.complete', { clinic: 'x', therapist: [] }],
      ['thresholds.clear', 5],
      ['analysis.patient', { patientId: null, today: 20260314 }],
    ];
    for (const [op, input] of cases) {
      const res = await post(s, op, JSON.stringify(input));
      expect(res.status, op).toBe(400);
      const { error } = await res.json();
      const messages = [error.message, ...Object.values(error.fields ?? {})] as string[];
      expect(Object.keys(error.fields ?? {}).length, op).toBeGreaterThan(0);
      for (const m of messages) {
        expect(m, `${op}: ${m}`).not.toMatch(ZOD_DEFAULT);
        expect(m.length, op).toBeGreaterThan(5);
      }
    }
  });

  it('never answers with zod default texts for any operation of the contract (every field, several wrong types)', async () => {
    await serve();
    const wrong: unknown[] = [123, 'text', true, null, [], {}, -1, 0, 1.5, 'x'.repeat(5000), [1, 'a'], { a: 1 }];
    const seen: string[] = [];
    for (const [op, spec] of Object.entries(operations)) {
      const keys = Object.keys(shapeOf(spec.input) ?? {});
      const inputs: unknown[] = [123, 'x', null, [], { unexpectedKey: 1 }, ...keys.flatMap((k) => wrong.map((v) => ({ [k]: v })))];
      for (const input of inputs) {
        const r = await api!.scoped(op, input);
        if (r.ok || r.error.code !== 'invalid_input') continue;
        for (const m of [r.error.message, ...Object.values(r.error.fields ?? {})]) {
          if (ZOD_DEFAULT.test(m)) seen.push(`${op} ${JSON.stringify(input).slice(0, 60)}: ${m}`);
        }
      }
    }
    expect(seen).toEqual([]);
  });

  it('refuses other JSON-like content types, bad UTF-8, deep nesting, other methods and oversized headers', async () => {
    const s = await serve();
    expect((await post(s, 'app.info', '{}', { 'content-type': 'application/jsonp' })).status).toBe(415);
    expect((await post(s, 'app.info', '{}', { 'content-type': 'application/json; charset=iso-8859-1' })).status).toBe(415);
    expect((await post(s, 'app.info', '{}', { 'content-type': 'application/json; charset=UTF-8' })).status).toBe(200);

    const badUtf8 = await fetch(`${s.url}/api/patients.create`, {
      method: 'POST',
      headers: apiHeaders(s),
      body: Buffer.concat([Buffer.from('{"familyName":"Oka'), Buffer.from([0xff, 0xfe]), Buffer.from('for"}')]),
    });
    expect(badUtf8.status).toBe(400);
    expect((await badUtf8.json()).error.message).toMatch(/UTF-8/);

    const deep = await post(s, 'patients.list', `{"query":${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
    expect(deep.status).toBe(400);
    expect((await deep.json()).error.message).toMatch(/nests more than 32 levels/);
    // Brackets inside strings are text, not nesting.
    expect((await post(s, 'patients.list', JSON.stringify({ query: '['.repeat(50) }))).status).toBe(200);

    for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      expect((await fetch(`${s.url}/api/app.info`, { method, headers: apiHeaders(s) })).status, method).toBe(405);
      expect((await fetch(`${s.url}/`, { method })).status, method).toBe(405);
    }

    const big = await fetch(`${s.url}/`, { headers: { 'x-filler': 'a'.repeat(20 * 1024) } }).then(
      (r) => r.status,
      () => 0, // a reset is also a refusal
    );
    expect([431, 0]).toContain(big);
  });
});

describe('server mode: static files', () => {
  async function get(s: RunningServer, path: string) {
    const res = await fetch(`${s.url}${path}`, { signal: AbortSignal.timeout(5_000) });
    return { status: res.status, text: await res.text() };
  }

  it('does not serve source maps', async () => {
    const s = await serve();
    writeFileSync(join(staticDir, 'assets', 'app.js.map'), '{"version":3,"sources":["secret.ts"]}');
    expect((await get(s, '/assets/app.js')).status).toBe(200);
    expect((await get(s, '/assets/app.js.map')).status).toBe(404);
    expect((await get(s, '/assets/app.js.MAP')).status).toBe(404);
  });

  it.skipIf(!isPosix)('refuses symbolic links that lead out of the static folder, and serves those that stay inside', async () => {
    const s = await serve();
    symlinkSync(join(outsideDir, 'secret.txt'), join(staticDir, 'leak.js'));
    symlinkSync(outsideDir, join(staticDir, 'linked'));
    symlinkSync('/etc/hostname', join(staticDir, 'host.js'));
    symlinkSync('/dev/null', join(staticDir, 'device.js'));
    symlinkSync(join(staticDir, 'assets', 'app.js'), join(staticDir, 'inside.js'));
    for (const path of ['/leak.js', '/linked/secret.txt', '/host.js', '/device.js']) {
      const r = await get(s, path);
      expect(r.status, path).toBe(404);
      expect(r.text).not.toContain('outside the static folder');
    }
    expect(await get(s, '/inside.js')).toEqual({ status: 200, text: 'console.log("app");' });
  });

  it.skipIf(!isPosix)('refuses FIFOs and directories without hanging, and hidden files', async () => {
    const s = await serve();
    execFileSync('mkfifo', [join(staticDir, 'pipe.js')]);
    mkdirSync(join(staticDir, 'folder.js'));
    writeFileSync(join(staticDir, '.secret.js'), 'hidden');
    const started = Date.now();
    expect((await get(s, '/pipe.js')).status).toBe(404);
    expect((await get(s, '/folder.js')).status).toBe(404);
    expect((await get(s, '/.secret.js')).status).toBe(404);
    expect(Date.now() - started).toBeLessThan(5_000);
    writeFileSync(join(staticDir, 'assets', '.hidden.js'), 'hidden');
    expect((await get(s, '/assets/.hidden.js')).status).toBe(404);
  });
});

/** The object shape inside an input schema (through pipes, defaults and optionals). */
function shapeOf(schema: unknown): Record<string, unknown> | null {
  let s = schema as { _zod: { def: Record<string, unknown> } } | null;
  for (let i = 0; i < 10 && s; i++) {
    const def = s._zod.def;
    if (def.type === 'object') return def.shape as Record<string, unknown>;
    s = (def.in ?? def.innerType ?? def.schema ?? null) as typeof s;
  }
  return null;
}
