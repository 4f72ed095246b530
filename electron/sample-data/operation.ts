import { operations, type OperationOutput } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import { refusalOf } from '../../shared/api/issues';
import type { ApiContext } from '../api/context';
import type { Dispatch } from '../api/dispatch';
import { requireActor } from '../api/session';
import { AppError } from '../db/errors';
import { createSampleData } from './generator';
import { message } from '../../shared/i18n/message';

const SPEC = operations['sampleData.create'];
type Summary = OperationOutput<'sampleData.create'>;

/**
 * Puts the sampleData.create operation in front of the operation table. Sample data is made by calling the
 * other operations, like a transport would, so it sits one layer above the table rather than inside it: the
 * table needs no reference to itself, and every sample record is still validated, audited and versioned
 * exactly like one a therapist types. Every other operation passes straight through.
 */
export function withSampleData(table: Dispatch, ctx: ApiContext, log: (msg: string, err?: unknown) => void = defaultLog): Dispatch {
  return async (operation, input) => {
    if (operation !== 'sampleData.create') return table(operation, input);
    // The same checks the table makes: input against the contract, output against it too.
    const parsed = SPEC.input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: refusalOf(parsed.error) };
    try {
      return { ok: true, value: SPEC.output.parse(await createInOneTransaction(table, ctx)) };
    } catch (err) {
      return failure(err, log);
    }
  };
}

/**
 * All of it runs in one transaction: a failure part-way leaves no half-made patients behind (and the refusal
 * below would then block a retry). ctx.transaction cannot take an async function, so BEGIN and COMMIT are
 * explicit; the inner operations' own transactions become savepoints inside it. Nothing else can write in the
 * meantime: the handlers are synchronous, so the whole run is one chain of microtasks and no IPC or HTTP
 * request (a macrotask) is handled until it has committed or rolled back.
 */
async function createInOneTransaction(table: Dispatch, ctx: ApiContext): Promise<Summary> {
  requireActor(ctx);
  // ctx.db is read each time: a restore replaces the connection.
  const db = ctx.db;
  if (db.inTransaction) throw new Error('sampleData.create cannot run inside another transaction.');
  db.exec('BEGIN IMMEDIATE');
  try {
    const existing = ctx.repos.patients.search('', 0, 1).total;
    if (existing > 0) {
      throw new AppError('conflict', message('domain.sample.notEmpty', { count: existing }));
    }
    const made = await createSampleData(table);
    db.exec('COMMIT');
    return { patients: made.patients, visits: made.visits, measurements: made.measurements, events: made.events };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

function failure(err: unknown, log: (msg: string, err?: unknown) => void): Envelope<never> {
  if (err instanceof AppError) {
    return { ok: false, error: err.toApiError() };
  }
  log('operation sampleData.create failed', err);
  return {
    ok: false,
    error: { code: 'internal', message: 'The sample patients could not be made, and nothing of them was saved. Try again, and if it repeats, tell your support contact.' },
  };
}

function defaultLog(msg: string, err?: unknown): void {
  console.error(`[romtrack] ${msg}`, err);
}
