// Accounts as a clinic meets them (issue 18): signing in with a PIN or password, wrong attempts counted and
// locked out, the actor of every change the person signed in on the client that made it, and the
// administrator's work kept for administrators. Real SQLite file, real dispatch, sign-in through session.signIn.
import { afterEach, describe, expect, it } from 'vitest';
import { CURRENT_PARAMS } from '../../electron/auth/password';
import { auditFor } from '../../electron/db/audit-repository';
import { operationRules, operations, type OperationName } from '../../shared/api/contract';
import { openTestBackend, TEST_PIN, type TestBackend, type TestClient } from '../support/backend';

const opened: TestBackend[] = [];
afterEach(() => opened.splice(0).forEach((b) => b.dispose()));

/** A clinic at 09:00 whose clock the test moves on. */
function clinic(options: { credentialParams?: typeof CURRENT_PARAMS } = {}) {
  let at = Date.parse('2026-11-02T09:00:00.000Z');
  const api = openTestBackend({ now: () => new Date(at).toISOString(), ...options });
  opened.push(api);
  return { api, wait: (minutes: number) => (at += minutes * 60_000) };
}

const ADA = { familyName: 'Okafor', givenNames: 'Ada', dateOfBirth: '1970-02-03', sex: 'female' } as const;
const MARIA_PIN = '735194';
const MARIA_OWN = 'river stones 42';

/** Maria, a therapist who has chosen her own password, signed in on a client of her own. */
async function mariaSignedIn(api: TestBackend): Promise<{ maria: TestClient; id: string }> {
  const { id } = await api.ok('therapists.create', { name: 'Maria Santos', credential: MARIA_PIN });
  const maria = api.client();
  await maria.ok('session.signIn', { therapistId: id, credential: MARIA_PIN });
  await maria.ok('session.changeCredential', { current: MARIA_PIN, next: MARIA_OWN });
  return { maria, id };
}

const failures = (api: TestBackend, id: string) => api.context.db.prepare('SELECT failed_attempts FROM therapists WHERE id = ?').pluck().get(id);
const accountAudit = (api: TestBackend, id: string) => auditFor(api.context.db, 'therapist', id).map((a) => a.operation);

describe('signing in', () => {
  it('refuses a wrong credential, says how many attempts are left, counts and audits it', async () => {
    const { api } = clinic();
    const me = api.actorId()!;
    const other = api.client();
    const r = await other.call('session.signIn', { therapistId: me, credential: '000111' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', message: 'That PIN or password is not right. 4 attempts left before this account is locked for 5 minutes.' },
    });
    expect(other.actorId()).toBeNull();
    expect(failures(api, me)).toBe(1);
    expect(auditFor(api.context.db, 'therapist', me).at(-1)).toMatchObject({ operation: 'session.failedAttempt', actorId: me });

    const state = await other.ok('session.signIn', { therapistId: me, credential: TEST_PIN });
    expect(state).toMatchObject({ currentTherapist: { id: me }, locked: false, mustChangeCredential: false });
    expect(failures(api, me)).toBe(0);
    expect(accountAudit(api, me).at(-1)).toBe('session.signIn');
  });

  it('locks the account after five wrong attempts, even to the right credential, and opens it again after 5 minutes', async () => {
    const { api, wait } = clinic();
    const me = api.actorId()!;
    const other = api.client();
    for (let i = 0; i < 4; i++) await other.call('session.signIn', { therapistId: me, credential: '000111' });
    const fifth = await other.call('session.signIn', { therapistId: me, credential: '000111' });
    expect(fifth.ok || fifth.error.message).toMatch(/After 5 wrong attempts this account is locked for 5 minutes, until \d\d:\d\d\./);
    expect(accountAudit(api, me).slice(-2)).toEqual(['session.failedAttempt', 'session.lockedOut']);

    wait(4);
    const stillLocked = await other.call('session.signIn', { therapistId: me, credential: TEST_PIN });
    expect(stillLocked.ok || stillLocked.error).toMatchObject({ code: 'unauthorized', message: expect.stringMatching(/locked after 5 wrong attempts, until \d\d:\d\d \(1 min\)/) });
    expect(other.actorId()).toBeNull();

    wait(1);
    expect(await other.ok('session.signIn', { therapistId: me, credential: TEST_PIN })).toMatchObject({ currentTherapist: { id: me } });
  });

  it('keeps the credential as a scrypt hash with its own salt and the parameters it was made with', async () => {
    const { api } = clinic({ credentialParams: CURRENT_PARAMS });
    const a = await api.ok('therapists.create', { name: 'Maria Santos', credential: MARIA_PIN });
    const b = await api.ok('therapists.create', { name: 'Jonas Meier', credential: MARIA_PIN });
    const rows = api.context.db
      .prepare('SELECT credential_kind, credential_salt, credential_hash, credential_params FROM therapists WHERE id IN (?, ?)')
      .all(a.id, b.id) as { credential_kind: string; credential_salt: Buffer; credential_hash: Buffer; credential_params: string }[];
    for (const row of rows) {
      expect(row.credential_kind).toBe('pin');
      expect(JSON.parse(row.credential_params)).toEqual({ algorithm: 'scrypt', N: 32768, r: 8, p: 1, keyLength: 32 });
      expect(row.credential_hash).toHaveLength(32);
      expect(row.credential_hash.toString('latin1')).not.toContain(MARIA_PIN);
    }
    // The same PIN, two people: different salts, different hashes.
    expect(rows[0]!.credential_salt.equals(rows[1]!.credential_salt)).toBe(false);
    expect(rows[0]!.credential_hash.equals(rows[1]!.credential_hash)).toBe(false);
    // No read ever carries them, nor the audit log.
    const listed = JSON.stringify(await api.ok('therapists.list', {})) + JSON.stringify(auditFor(api.context.db, 'therapist', a.id));
    expect(listed).not.toMatch(/salt|hash|735194/);
  });

  it('makes a temporary credential be changed before anything else, and the change ends the person’s other sessions', async () => {
    const { api } = clinic();
    const { id } = await api.ok('therapists.create', { name: 'Maria Santos', credential: MARIA_PIN });
    const desk = api.client();
    const state = await desk.ok('session.signIn', { therapistId: id, credential: MARIA_PIN });
    expect(state).toMatchObject({ mustChangeCredential: true, currentTherapist: { id, mustChangeCredential: true } });
    expect(await desk.call('patients.list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized', message: expect.stringMatching(/choose your own/) } });

    const tablet = api.client();
    await tablet.ok('session.signIn', { therapistId: id, credential: MARIA_PIN });
    const same = await desk.call('session.changeCredential', { current: MARIA_PIN, next: MARIA_PIN });
    expect(same).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { next: expect.stringMatching(/different/) } } });
    const changed = await desk.ok('session.changeCredential', { current: MARIA_PIN, next: MARIA_OWN });
    expect(changed).toMatchObject({ mustChangeCredential: false, currentTherapist: { id } });
    expect((await desk.ok('patients.list', {})).total).toBe(0);
    expect(await tablet.call('patients.list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized', message: 'Sign in to go on.' } });
    expect(await tablet.call('session.signIn', { therapistId: id, credential: MARIA_PIN })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(accountAudit(api, id)).toContain('session.changeCredential');
  });
});

describe('the actor of each change', () => {
  it('is the person signed in on the client that made it, when two clients’ requests interleave', async () => {
    const { api } = clinic();
    const abena = api.actorId()!;
    const { maria, id: mariaId } = await mariaSignedIn(api);
    const made = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? api : maria).ok('patients.create', { ...ADA, givenNames: `Ada ${i}` })),
    );
    made.forEach((p, i) => expect([p.givenNames, auditFor(api.context.db, 'patient', p.id)[0]!.actorId]).toEqual([`Ada ${i}`, i % 2 === 0 ? abena : mariaId]));
  });

  it('changes only with the other person’s credential: switching therapist on a client is signing in', async () => {
    const { api } = clinic();
    const abena = api.actorId()!;
    const { id: mariaId } = await mariaSignedIn(api);
    const wrong = await api.call('session.signIn', { therapistId: mariaId, credential: TEST_PIN });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(api.actorId()).toBe(abena);

    await api.ok('session.signIn', { therapistId: mariaId, credential: MARIA_OWN });
    expect(api.actorId()).toBe(mariaId);
    const p = await api.ok('patients.create', ADA);
    expect(auditFor(api.context.db, 'patient', p.id)[0]!.actorId).toBe(mariaId);
    // Abena's session on this client ended with the switch, recorded as her sign-out.
    expect(auditFor(api.context.db, 'therapist', abena).at(-1)).toMatchObject({ operation: 'session.signOut', actorId: abena, after: { replacedBy: mariaId } });
  });

  it('is nobody after signing out: every operation but the public ones asks to sign in', async () => {
    const { api } = clinic();
    const me = api.actorId()!;
    expect(await api.ok('session.signOut', {})).toMatchObject({ currentTherapist: null, locked: false });
    expect(accountAudit(api, me).at(-1)).toBe('session.signOut');
    for (const [op, input] of [['patients.list', {}], ['clinic.get', {}], ['patients.create', ADA]] as const) {
      expect(await api.call(op, input)).toMatchObject({ ok: false, error: { code: 'unauthorized', message: 'Sign in to go on.' } });
    }
    expect((await api.ok('app.info', {})).name).toBeTruthy();
  });
});

describe('the lock after idle time', () => {
  it('locks a session idle past the clinic’s lock time, and the same person’s credential unlocks it', async () => {
    const { api, wait } = clinic();
    const me = api.actorId()!;
    const { updatedAt: _at, ...clinicNow } = await api.ok('clinic.get', {});
    await api.ok('clinic.update', { ...clinicNow, lockAfterMinutes: 2 });
    wait(1);
    expect((await api.ok('patients.list', {})).total).toBe(0);
    wait(2);
    expect(await api.call('patients.list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized', message: 'The screen is locked: enter your PIN or password.' } });
    expect(await api.ok('session.get', {})).toMatchObject({ locked: true, currentTherapist: { id: me }, lockAfterMinutes: 2 });

    expect(await api.call('session.unlock', { credential: '999111' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(failures(api, me)).toBe(1);
    expect(await api.ok('session.unlock', { credential: TEST_PIN })).toMatchObject({ locked: false, currentTherapist: { id: me } });
    expect((await api.ok('patients.list', {})).total).toBe(0);
  });

  it('refuses a lock time outside 1 to 60 minutes where it is entered', async () => {
    const { api } = clinic();
    const { updatedAt: _at, ...c } = await api.ok('clinic.get', {});
    for (const lockAfterMinutes of [0, 61, 2.5]) {
      const r = await api.call('clinic.update', { ...c, lockAfterMinutes });
      expect(r.ok || r.error.fields?.lockAfterMinutes).toMatch(/Lock after/);
    }
  });
});

describe('what only an administrator may do', () => {
  it('refuses an administrator’s operation to a therapist, naming whom to ask', async () => {
    const { api } = clinic();
    const { maria } = await mariaSignedIn(api);
    const { updatedAt: _at, ...c } = await maria.ok('clinic.get', {});
    expect(await maria.call('clinic.update', { ...c, name: 'Renamed' })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', message: "Only an administrator can change the clinic's settings: ask Abena Owusu." },
    });
    for (const [op, input] of [
      ['therapists.create', { name: 'X Y', credential: '735194' }],
      ['thresholds.set', { motion: 'hip.extension', instrument: null, degrees: 12 }],
      ['backups.create', { folder: null }],
      ['access.forPatient', { patientId: '6f1c2a9e-0000-4000-8000-000000000001' }],
    ] as const) {
      expect([op, await maria.call(op, input)]).toMatchObject([op, { ok: false, error: { code: 'unauthorized', message: expect.stringMatching(/^Only an administrator can/) } }]);
    }
    expect((await api.ok('clinic.get', {})).name).toBe(c.name);
  });

  it("says, for every administrator's operation, what only an administrator can do", async () => {
    const { api } = clinic();
    const { maria } = await mariaSignedIn(api);
    const adminOnly = (Object.keys(operations) as OperationName[]).filter((op) => operationRules(op).role === 'administrator');
    expect(adminOnly).toContain('exchange.importClinic');
    expect(adminOnly).toContain('exchange.exportClinic');
    for (const op of adminOnly) {
      // The refusal comes before the input is read, so no input is needed to see it.
      const r = await maria.call(op, {});
      expect([op, r]).toMatchObject([op, { ok: false, error: { code: 'unauthorized', message: expect.stringMatching(/^Only an administrator can (?!do this)[a-z]/) } }]);
    }
  });

  it('sets a temporary credential that clears a lock-out and signs the person out everywhere', async () => {
    const { api } = clinic();
    const { maria, id } = await mariaSignedIn(api);
    for (let i = 0; i < 5; i++) await api.client().call('session.signIn', { therapistId: id, credential: 'wrong guess' });
    const reset = await api.ok('therapists.setCredential', { id, credential: '918273' });
    expect(reset).toMatchObject({ mustChangeCredential: true });
    expect(await maria.call('patients.list', {})).toMatchObject({ ok: false, error: { message: 'Sign in to go on.' } });
    expect(await api.client().ok('session.signIn', { therapistId: id, credential: '918273' })).toMatchObject({ mustChangeCredential: true });
    expect(accountAudit(api, id)).toContain('therapists.setCredential');
    expect(await api.call('therapists.setCredential', { id: api.actorId()!, credential: '918273' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('keeps at least one active administrator, and audits role changes', async () => {
    const { api } = clinic();
    const me = api.actorId()!;
    const { id } = await mariaSignedIn(api);
    expect(await api.call('therapists.setRole', { id: me, role: 'therapist' })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/only active administrator/) } });
    expect(await api.call('therapists.setActive', { id: me, active: false })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/only active administrator/) } });
    expect(await api.ok('therapists.setRole', { id, role: 'administrator' })).toMatchObject({ role: 'administrator' });
    expect(await api.ok('therapists.setRole', { id: me, role: 'therapist' })).toMatchObject({ role: 'therapist' });
    expect(auditFor(api.context.db, 'therapist', me).at(-1)).toMatchObject({ operation: 'therapists.setRole', before: { role: 'administrator' }, after: { role: 'therapist' } });
    // A therapist now: the clinic's settings are no longer Abena's to change.
    expect(await api.call('therapists.setRole', { id: me, role: 'administrator' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('signs a deactivated person out at once', async () => {
    const { api } = clinic();
    const { maria, id } = await mariaSignedIn(api);
    await api.ok('therapists.setActive', { id, active: false });
    expect(await maria.call('patients.list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});

describe('a database from before accounts', () => {
  it('asks once who becomes administrator, signs them in, and then only signing in opens it', async () => {
    const { api } = clinic();
    const me = api.actorId()!;
    // As after migration 0012: nobody has a credential, nobody is administrator.
    api.context.db.exec("UPDATE therapists SET role = 'therapist', credential_kind = NULL, credential_salt = NULL, credential_hash = NULL, credential_params = NULL");
    const desk = api.client();
    expect(await desk.ok('session.get', {})).toMatchObject({ needsSetup: false, needsAccounts: true, currentTherapist: null });
    expect(await desk.call('session.signIn', { therapistId: me, credential: TEST_PIN })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const state = await desk.ok('session.setUpAccounts', { therapistId: me, credential: 'a long passphrase' });
    expect(state).toMatchObject({ needsAccounts: false, currentTherapist: { id: me, role: 'administrator', hasCredential: true } });
    expect(await api.client().call('session.setUpAccounts', { therapistId: me, credential: '123987' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await api.client().ok('session.signIn', { therapistId: me, credential: 'a long passphrase' })).toMatchObject({ currentTherapist: { id: me } });
  });
});
