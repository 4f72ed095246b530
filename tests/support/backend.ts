import { createBackend, type Backend } from '../../electron/api/backend';
import type { Dispatch } from '../../electron/api/dispatch';
import { newCredentialRowNow } from '../../electron/auth/credentials';
import type { ScryptParams } from '../../electron/auth/password';
import { requestActor, type ClientScope } from '../../electron/auth/sessions';
import type { OperationInput, OperationName, OperationOutput } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import { makeTempDir } from './temp-dir';

/** One client of the back end (a browser, a window): its own session, its own calls. */
export interface TestClient {
  scope: ClientScope;
  call<K extends OperationName>(op: K, input: OperationInput<K>): Promise<Envelope<OperationOutput<K>>>;
  /** Calls and fails the test unless the operation succeeded. */
  ok<K extends OperationName>(op: K, input: OperationInput<K>): Promise<OperationOutput<K>>;
  /** This client is now signed in as the therapist, as after a right credential (and any temporary one changed). */
  signInAs(therapistId: string): void;
  /** Who is signed in on this client (locked or not), or null. */
  actorId(): string | null;
  /** The back end's dispatch, called from this client (untyped, like a transport's). */
  scoped: Dispatch;
}

export interface TestBackend extends Backend, TestClient {
  dbPath: string;
  /** Another client, nobody signed in on it. */
  client(): TestClient;
  dispose(): void;
}

export const TEST_CLINIC = { name: 'Riverside Rehabilitation Clinic', address: '12 River Road, Tamale', phone: '+233 37 000 0000' };
export const TEST_THERAPIST = { name: 'Abena Owusu', title: 'Physiotherapist', registrationNumber: 'PT-1001' };
/** The first therapist's PIN (an administrator). */
export const TEST_PIN = '482916';
/**
 * scrypt at a 32nd of the real cost: the tests hash hundreds of credentials. The stored parameters say so, and
 * the real ones are tested where they matter (tests/unit/auth-credentials.test.ts, the accounts tests).
 */
export const TEST_SCRYPT: ScryptParams = { algorithm: 'scrypt', N: 2 ** 10, r: 8, p: 1, keyLength: 32 };

export function testClient(backend: Backend): TestClient {
  const scope: ClientScope = { token: null };
  const call = <K extends OperationName>(op: K, input: OperationInput<K>) =>
    requestActor.run(scope, () => backend.dispatch(op, input)) as Promise<Envelope<OperationOutput<K>>>;
  return {
    scope,
    call,
    ok: async (op, input) => {
      const r = await call(op, input);
      if (!r.ok) throw new Error(`${op} failed: ${JSON.stringify(r.error)}`);
      return r.value;
    },
    signInAs: (therapistId) => {
      scope.token = startSessionFor(backend, therapistId);
    },
    actorId: () => backend.sessions.peek(scope.token ?? undefined)?.session.therapistId ?? null,
    scoped: (op, input) => requestActor.run(scope, () => backend.dispatch(op, input)),
  };
}

/**
 * A session for the therapist as after a right credential, any temporary one already changed: a shortcut past
 * the credential check for tests about something else (sign-in itself is tested through session.signIn, in
 * tests/integration/accounts*.test.ts). Returns its token (a client's scope token, or a browser's cookie).
 */
export function startSessionFor(backend: Backend, therapistId: string): string {
  backend.context.db.prepare('UPDATE therapists SET must_change_credential = 0 WHERE id = ?').run(therapistId);
  return backend.sessions.start(therapistId).token;
}

/**
 * A back end on a fresh SQLite file in a temp folder. Unless `setup: false`, the clinic is set up and its first
 * therapist, an administrator with TEST_PIN, is signed in on the returned client, as after first run.
 */
export function openTestBackend(options: { setup?: boolean; now?: () => string; credentialParams?: ScryptParams; key?: Buffer } = {}): TestBackend {
  const tmp = makeTempDir();
  // Plain unless a test gives a key: many tests read the file with a raw connection (tests/integration/encryption*.test.ts cover the key).
  const backend = createBackend({ databasePath: tmp.dbPath, mode: 'server', credentialParams: options.credentialParams ?? TEST_SCRYPT, now: options.now, key: options.key ?? null });
  const first = testClient(backend);
  if (options.setup ?? true) {
    const therapistId = backend.context.transaction(() => {
      const at = backend.context.now();
      const therapist = backend.context.repos.therapists.insert({ ...TEST_THERAPIST, initials: 'AO' }, at);
      backend.context.repos.accounts.setRole(therapist.id, 'administrator');
      backend.context.repos.accounts.setCredential(therapist.id, newCredentialRowNow(TEST_PIN, backend.context.credentialParams), false);
      backend.context.repos.clinic.insert({ ...TEST_CLINIC, logo: null, paperSize: 'A4', dateFormat: 'D MMM YYYY', lockAfterMinutes: 5 }, at);
      return therapist.id;
    });
    first.signInAs(therapistId);
  }
  return {
    ...backend,
    ...first,
    dbPath: tmp.dbPath,
    client: () => testClient(backend),
    dispose: () => {
      backend.close();
      tmp.cleanup();
    },
  };
}

/**
 * For a script that is one client of its back end (a benchmark, a crash-test child): from here on, everything
 * it runs, awaited work included, runs signed in as the therapist.
 */
export function signInProcess(backend: Backend, therapistId: string): void {
  requestActor.enterWith({ token: startSessionFor(backend, therapistId) });
}
