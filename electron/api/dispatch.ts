import type { z } from 'zod';
import {
  isOperationName,
  operationRules,
  operations,
  type OperationInput,
  type OperationName,
  type OperationOutput,
  type ParsedInput,
} from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import type { DateFormat } from '../../shared/domain/dates';
import { refusalOf } from '../../shared/api/issues';
import { AppError } from '../db/errors';
import { checkAccess, recordAccess } from './access';
import type { ApiContext } from './context';
import { handlers } from './handlers';
import { checkedOutput } from './output-check';

export type Dispatch = (operation: string, input: unknown) => Promise<Envelope<unknown>>;

/**
 * The single entry point both transports call: validate the input, run the handler, validate the
 * output. Whatever the renderer checked, input is checked again here.
 *
 * The contract's marks decide the rest (shared/api/contract.ts, OperationSpec). Who may call it is checked first
 * (access.ts), before the input is even read, so a client nobody signed in on learns nothing but "sign in". A
 * change runs with its audit rows and output check in one transaction, so a handler or an output that fails
 * leaves nothing written. Handlers that open a transaction of their own nest inside it as savepoints. A read,
 * and a change marked `transaction: 'own'`, runs as its handler says. An operation that opens a patient's
 * record leaves its access row once it succeeded.
 */
export function createDispatch(ctx: ApiContext, log: (msg: string, err?: unknown) => void = defaultLog): Dispatch {
  return async (operation, input) => {
    if (!isOperationName(operation)) {
      return { ok: false, error: { code: 'not_found', message: `Unknown operation "${operation}".` } };
    }
    try {
      checkAccess(ctx, operation);
      const parsed = parseInput(operation, input ?? {});
      if (!parsed.success) return { ok: false, error: refusalOf(parsed.error) };
      return { ok: true, value: await run(operation, parsed.data, ctx) };
    } catch (err) {
      if (err instanceof AppError) {
        return { ok: false, error: err.toApiError(clinicDateFormat(ctx)) };
      }
      log(`operation ${operation} failed`, err);
      return {
        ok: false,
        error: { code: 'internal', message: 'Something went wrong inside ROMtrack; nothing was saved by this action. Try again, and if it repeats, note the time and tell your support contact.' },
      };
    }
  };
}

/** The clinic's date format, for a refusal's English dates; undefined (the default) when it cannot be read. */
function clinicDateFormat(ctx: ApiContext): DateFormat | undefined {
  try {
    return ctx.repos.clinic.get()?.dateFormat;
  } catch {
    return undefined;
  }
}

/**
 * The contract seen operation by operation: indexed with a K, each gives that operation's own input and output
 * types, so a handler is called with its parsed input without a cast.
 */
const SCHEMAS: { [K in OperationName]: { input: z.ZodType<ParsedInput<K>>; output: z.ZodType<OperationOutput<K>> } } = operations;

function parseInput<K extends OperationName>(operation: K, input: unknown) {
  return SCHEMAS[operation].input.safeParse(input);
}

async function run<K extends OperationName>(operation: K, input: ParsedInput<K>, ctx: ApiContext): Promise<unknown> {
  const handler = handlers[operation];
  if (operationRules(operation).ownTransaction) {
    const value = checkOutput(operation, await handler(input, ctx));
    recordAccess(ctx, operation, input, value);
    return value;
  }
  return ctx.transaction(() => {
    const value = handler(input, ctx);
    // A promise would let the transaction commit before the work is done: such a change must be marked 'own'.
    if (value instanceof Promise) throw new Error(`${operation} is asynchronous: mark it transaction: 'own' in the contract`);
    const checked = checkOutput(operation, value);
    recordAccess(ctx, operation, input, checked);
    return checked;
  });
}

/**
 * Every output is checked against the contract, in production too: the screens draw what they receive without a
 * second look, so a handler's slip must fail here, inside the transaction, and not reach a chart. The check is a
 * walk compiled once per schema that copies nothing (output-check.ts); zod parses only what the walk is not sure of.
 */
function checkOutput(operation: OperationName, value: unknown): unknown {
  return checkedOutput(operations[operation].output, value, operation);
}

/**
 * For the back end's own callers (the menu, the commands): a call by name with typed input, its value read back
 * through the operation's output schema, so it comes typed without a cast. Dispatch checked it already; these
 * calls are few, and the outputs they read are plain objects.
 */
export async function callOperation<K extends OperationName>(dispatch: Dispatch, operation: K, input: OperationInput<K>): Promise<Envelope<OperationOutput<K>>> {
  const result = await dispatch(operation, input);
  return result.ok ? { ok: true, value: SCHEMAS[operation].output.parse(result.value) } : result;
}

function defaultLog(msg: string, err?: unknown): void {
  console.error(`[romtrack] ${msg}`, err);
}
