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

export function openTestBackend(): TestBackend {
  const tmp = makeTempDir();
  const backend = createBackend({ databasePath: tmp.dbPath, mode: 'server' });
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
