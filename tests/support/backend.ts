import { createBackend, type Backend } from '../../electron/api/backend';
import type { OperationInput, OperationName, OperationOutput } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import { makeTempDir } from './temp-dir';

export interface TestBackend extends Backend {
  dbPath: string;
  call<K extends OperationName>(op: K, input: OperationInput<K>): Promise<Envelope<OperationOutput<K>>>;
  /** Calls and fails the test unless the operation succeeded. */
  ok<K extends OperationName>(op: K, input: OperationInput<K>): Promise<OperationOutput<K>>;
  dispose(): void;
}

export const TEST_CLINIC = { name: 'Riverside Rehabilitation Clinic', address: '12 River Road, Tamale', phone: '+233 37 000 0000' };
export const TEST_THERAPIST = { name: 'Abena Owusu', title: 'Physiotherapist', registrationNumber: 'PT-1001' };

/**
 * A back end on a fresh SQLite file in a temp folder. Unless `setup: false`, the clinic is set up
 * and its first therapist is working, as after first run.
 */
export function openTestBackend(options: { setup?: boolean } = {}): TestBackend {
  const tmp = makeTempDir();
  const backend = createBackend({ databasePath: tmp.dbPath, mode: 'server' });
  if (options.setup ?? true) {
    backend.context.transaction(() => {
      const at = backend.context.now();
      const therapist = backend.context.repos.therapists.insert({ ...TEST_THERAPIST, initials: 'AO' }, at);
      backend.context.repos.clinic.insert({ ...TEST_CLINIC, logo: null, paperSize: 'A4', dateFormat: 'D MMM YYYY' }, at);
      backend.context.session.select(therapist.id);
    });
  }
  const call = <K extends OperationName>(op: K, input: OperationInput<K>) =>
    backend.dispatch(op, input) as Promise<Envelope<OperationOutput<K>>>;
  return {
    ...backend,
    dbPath: tmp.dbPath,
    call,
    ok: async (op, input) => {
      const r = await call(op, input);
      if (!r.ok) throw new Error(`${op} failed: ${JSON.stringify(r.error)}`);
      return r.value;
    },
    dispose: () => {
      backend.close();
      tmp.cleanup();
    },
  };
}
