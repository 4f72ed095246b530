// Server mode's sessions as a browser meets them (issue 18, item 2): no cookie, no records; the cookie set at
// sign-in with its flags, cleared at sign-out; and a session that ends by age or locks by idle time.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { operationRules, operations, type OperationName } from '../../shared/api/contract';
import { startServer, type RunningServer } from '../../electron/server/http-server';
import { createClinicAuthority, createServerCertificate } from '../../electron/tls/certificates';
import { openTestBackend, TEST_PIN, type TestBackend } from '../support/backend';

let api: TestBackend | undefined;
let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  api?.dispose();
  server = api = undefined;
});

async function serve(options: { now?: () => string } = {}): Promise<{ api: TestBackend; server: RunningServer }> {
  api = openTestBackend(options);
  const staticDir = join(api.dbPath, '..', 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>ROMtrack</title>');
  server = await startServer({ dispatch: api.dispatch, staticDir });
  return { api, server };
}

function post(s: RunningServer, op: string, body: unknown, cookie?: string) {
  return fetch(`${s.url}/api/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}

/** Signs in over HTTP; returns the Set-Cookie header and the Cookie a browser then sends. */
async function signIn(s: RunningServer, therapistId: string, credential = TEST_PIN) {
  const res = await post(s, 'session.signIn', { therapistId, credential });
  const setCookie = res.headers.get('set-cookie') ?? '';
  return { res, setCookie, cookie: setCookie.split(';')[0]! };
}

describe('server mode without a session', () => {
  it('answers 401 to every operation but the public ones, before reading the input', async () => {
    const { server: s } = await serve();
    const names = Object.keys(operations) as OperationName[];
    const publicOnes: string[] = [];
    for (const op of names) {
      const res = await post(s, op, {});
      if (!operationRules(op).needsActor) {
        publicOnes.push(op);
        continue;
      }
      expect([op, res.status]).toEqual([op, 401]);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unauthorized', message: 'Sign in to go on.' } });
    }
    expect(publicOnes.sort()).toEqual(['app.info', 'app.startup', 'session.get', 'session.recoverAdministrator', 'session.setUpAccounts', 'session.signIn', 'session.signOut', 'session.unlock', 'setup.complete']);
    expect((await post(s, 'app.info', {})).status).toBe(200);
    expect(await (await post(s, 'session.get', {})).json()).toMatchObject({ ok: true, value: { currentTherapist: null, needsSetup: false } });
  });
});

describe('the session cookie', () => {
  it('is set at sign-in HttpOnly, SameSite=Strict, for the whole app, and opens the records; sign-out clears it', async () => {
    const { api: b, server: s } = await serve();
    const { res, setCookie, cookie } = await signIn(s, b.actorId()!);
    expect(res.status).toBe(200);
    expect(setCookie).toMatch(/^romtrack_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
    expect((await post(s, 'patients.list', {}, cookie)).status).toBe(200);
    // A wrong credential sets nothing.
    const wrong = await post(s, 'session.signIn', { therapistId: b.actorId(), credential: '000111' });
    expect([wrong.status, wrong.headers.get('set-cookie')]).toEqual([401, null]);

    const out = await post(s, 'session.signOut', {}, cookie);
    expect(out.headers.get('set-cookie')).toBe('romtrack_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0');
    // The old cookie, kept by a careless client, opens nothing any more.
    expect((await post(s, 'patients.list', {}, cookie)).status).toBe(401);
  });

  it('is Secure under TLS', async () => {
    api = openTestBackend();
    const staticDir = join(api.dbPath, '..', 'renderer');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>ROMtrack</title>');
    const authority = createClinicAuthority('Riverside');
    server = await startServer({ dispatch: api.dispatch, staticDir, tls: createServerCertificate(authority, ['localhost', '127.0.0.1']) });
    const { request } = await import('node:https');
    const setCookie = await new Promise<string>((resolve, reject) => {
      const req = request(
        `${server!.url}/api/session.signIn`,
        { method: 'POST', ca: authority.certPem, headers: { 'content-type': 'application/json' } },
        (res) => {
          res.resume();
          resolve(String(res.headers['set-cookie'] ?? ''));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ therapistId: api!.actorId(), credential: TEST_PIN }));
    });
    expect(setCookie).toMatch(/^romtrack_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/; Secure$/);
  });

  it('keeps two browsers apart: each change is recorded as the person signed in on the browser that sent it', async () => {
    const { api: b, server: s } = await serve();
    const maria = await b.ok('therapists.create', { name: 'Maria Santos', credential: '735194' });
    const abenaCookie = (await signIn(s, b.actorId()!)).cookie;
    const temporary = (await signIn(s, maria.id, '735194')).cookie;
    // Changing the credential ends her sessions, this one too: the answer carries the new cookie.
    const changed = await post(s, 'session.changeCredential', { current: '735194', next: 'river stones 42' }, temporary);
    const mariaCookie = (changed.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(mariaCookie).not.toBe(temporary);
    expect((await post(s, 'patients.list', {}, temporary)).status).toBe(401);
    const sent = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        post(s, 'patients.create', { familyName: 'Okafor', givenNames: `Ada ${i}`, dateOfBirth: '1970-02-03', sex: 'female' }, i % 2 ? mariaCookie : abenaCookie).then((r) => r.json()),
      ),
    );
    const actors = sent.map((r: { value: { id: string } }) => b.context.db.prepare("SELECT actor_id FROM audit_log WHERE entity = 'patient' AND entity_id = ?").pluck().get(r.value.id));
    expect(actors).toEqual(Array.from({ length: 10 }, (_, i) => (i % 2 ? maria.id : b.actorId())));
  });
});

describe('a session’s time', () => {
  it('locks after the clinic’s idle time (401 saying so) and ends 12 hours after sign-in, locked or not', async () => {
    let at = Date.parse('2026-11-02T07:00:00.000Z');
    const { api: b, server: s } = await serve({ now: () => new Date(at).toISOString() });
    const { cookie } = await signIn(s, b.actorId()!);
    at += 6 * 60_000;
    const locked = await post(s, 'patients.list', {}, cookie);
    expect([locked.status, (await locked.json()).error.message]).toEqual([401, 'The screen is locked: enter your PIN or password.']);
    expect((await post(s, 'session.unlock', { credential: TEST_PIN }, cookie)).status).toBe(200);
    expect((await post(s, 'patients.list', {}, cookie)).status).toBe(200);

    at += 12 * 3_600_000;
    const ended = await post(s, 'patients.list', {}, cookie);
    expect([ended.status, (await ended.json()).error.message]).toEqual([401, 'Sign in to go on.']);
    expect(await (await post(s, 'session.get', {}, cookie)).json()).toMatchObject({ value: { currentTherapist: null, locked: false } });
  });
});
