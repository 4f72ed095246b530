import { useCallback, useEffect, useState } from 'react';
import type { OperationInput, OperationName, OperationOutput } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/errors';
import { call } from './client';

export type Loadable<T> = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ready'; value: T };

/** Loads an operation's result and reloads when its input changes (compared by value). */
export function useOperation<K extends OperationName>(
  operation: K,
  input: OperationInput<K>,
): [Loadable<OperationOutput<K>>, () => void] {
  const key = JSON.stringify(input);
  const [result, setResult] = useState<Loadable<OperationOutput<K>>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    void call(operation, JSON.parse(key) as OperationInput<K>).then((r) => {
      if (!live) return;
      setResult(r.ok ? { state: 'ready', value: r.value } : { state: 'error', error: r.error });
    });
    return () => {
      live = false;
    };
  }, [operation, key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return [result, reload];
}
