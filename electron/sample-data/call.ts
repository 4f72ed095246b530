import type { OperationInput, OperationName, OperationOutput } from '../../shared/api/contract';
import type { Dispatch } from '../api/dispatch';

/** A failed operation while making sample data: names the operation and the error, so a broken generator is loud. */
export class SampleDataError extends Error {
  constructor(
    readonly operation: string,
    readonly error: { code: string; message: string; fields?: Record<string, string> },
  ) {
    const fields = error.fields ? ` ${JSON.stringify(error.fields)}` : '';
    super(`Sample data: ${operation} failed (${error.code}): ${error.message}${fields}`);
    this.name = 'SampleDataError';
  }
}

export type Caller = <K extends OperationName>(operation: K, input: OperationInput<K>) => Promise<OperationOutput<K>>;

/** Typed calls through the operation table; every envelope is checked and a failure throws. */
export function caller(dispatch: Dispatch): Caller {
  return async (operation, input) => {
    const result = await dispatch(operation, input);
    if (!result.ok) throw new SampleDataError(operation, result.error);
    return result.value as OperationOutput<typeof operation>;
  };
}
