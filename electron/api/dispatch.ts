import { z } from 'zod';
import { isOperationName, operations, type OperationName } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import { copyFieldMessages, fieldMessages, summarize } from '../../shared/api/issues';
import { AppError } from '../db/errors';
import type { ApiContext } from './context';
import { handlers } from './handlers';

export type Dispatch = (operation: string, input: unknown) => Promise<Envelope<unknown>>;

/**
 * The single entry point both transports call: validate the input, run the handler, validate the
 * output. Whatever the renderer checked, input is checked again here.
 */
export function createDispatch(ctx: ApiContext, log: (msg: string, err?: unknown) => void = defaultLog): Dispatch {
  return async (operation, input) => {
    if (!isOperationName(operation)) {
      return { ok: false, error: { code: 'not_found', message: `Unknown operation "${operation}".` } };
    }
    const spec = operations[operation];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const fields = fieldMessages(parsed.error);
      return { ok: false, error: { code: 'invalid_input', message: summarize(fields), fields } };
    }
    try {
      const run = handlers[operation] as (i: unknown, c: ApiContext) => unknown;
      const value = await run(parsed.data, ctx);
      return { ok: true, value: checkOutput(operation, value) };
    } catch (err) {
      if (err instanceof AppError) {
        // Copied into a prototype-free object, so any field name (even "__proto__") keeps its message.
        return { ok: false, error: { code: err.code, message: err.message, ...(err.fields ? { fields: copyFieldMessages(err.fields) } : {}) } };
      }
      log(`operation ${operation} failed`, err);
      return {
        ok: false,
        error: { code: 'internal', message: 'Something went wrong inside ROMtrack; nothing was saved by this action. Try again, and if it repeats, note the time and tell your support contact.' },
      };
    }
  };
}

function checkOutput(operation: OperationName, value: unknown): unknown {
  const out = operations[operation].output.safeParse(value);
  if (!out.success) throw new Error(`output of ${operation} does not match the contract: ${z.prettifyError(out.error)}`);
  return out.data;
}

function defaultLog(msg: string, err?: unknown): void {
  console.error(`[romtrack] ${msg}`, err);
}
