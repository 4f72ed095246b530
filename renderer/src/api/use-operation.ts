import { hashKey, keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { OperationInput, OperationName, OperationOutput } from '../../../shared/api/contract';
import type { PatientFile } from '../../../shared/api/operations/clinical';
import type { ApiError } from '../../../shared/api/errors';
import type { Patient } from '../../../shared/domain/patient';
import { callOrThrow } from './client';
import { apiErrorOf } from './failure';
import { readsAllowed } from './query-client';

/** A read as a screen sees it. A failed read carries `retry`, so every error box can offer to ask again. */
export type Loadable<T> = { state: 'loading' } | { state: 'error'; error: ApiError; retry: () => void } | { state: 'ready'; value: T };

/** The cache key of a read: the operation and its typed input (compared by value, key order aside). */
export function operationKey<K extends OperationName>(operation: K, input: OperationInput<K>): readonly [K, OperationInput<K>] {
  return [operation, input];
}

export interface ReadOptions<T> {
  /** Keep showing the previous input's answer while the next one loads (a list being searched or paged). */
  keepPrevious?: boolean;
  /** Ask again after this many milliseconds while the answer calls for it (the worklist while summaries are pending). */
  pollEvery?: (value: T) => number | false;
}

/**
 * The lock drops the cache (query-client.ts dropCachedRecords) under a screen that stays open, hidden, so its form
 * keeps what was typed. Once unlocked, that screen reads again: meanwhile it keeps its own last answer to the very
 * same read, never another read's, so it is not swapped for "Loading…" (which would empty its form).
 */
function sameAnswer<T>(previous: T | undefined, previousQuery: { queryKey: readonly unknown[] } | undefined, key: readonly unknown[]): T | undefined {
  return previousQuery && hashKey(previousQuery.queryKey) === hashKey(key) ? previous : undefined;
}

/**
 * A read through the one query cache (query-client.ts): screens asking the same operation with the same input
 * share one answer, and a change that succeeds refreshes it (client.ts). The second element reads it again now.
 */
export function useOperation<K extends OperationName>(
  operation: K,
  input: OperationInput<K>,
  options: ReadOptions<OperationOutput<K>> = {},
): [Loadable<OperationOutput<K>>, () => void] {
  const { keepPrevious = false, pollEvery } = options;
  const queryKey = operationKey(operation, input);
  const query = useQuery({
    queryKey,
    queryFn: async () => {
      await readsAllowed(operation);
      return callOrThrow(operation, input);
    },
    placeholderData: keepPrevious ? keepPreviousData : (previous, previousQuery) => sameAnswer(previous, previousQuery, queryKey),
    ...(pollEvery ? { refetchInterval: (q: { state: { data: OperationOutput<K> | undefined } }) => (q.state.data === undefined ? false : pollEvery(q.state.data)) } : {}),
  });
  const { data, error, isFetching, refetch } = query;
  const loadable = useMemo((): Loadable<OperationOutput<K>> => {
    // Data first: a refresh that fails keeps what is shown (a form open on it is not wiped); a first read that
    // fails is an error until Retry, which shows "Loading" again while it asks.
    if (data !== undefined) return { state: 'ready', value: data };
    if (error && !isFetching) return { state: 'error', error: apiErrorOf(error), retry: () => void refetch() };
    return { state: 'loading' };
  }, [data, error, isFetching, refetch]);
  const reload = useMemo(() => () => void refetch(), [refetch]);
  return [loadable, reload];
}

/** The patient's whole file, the one copy every screen of that patient reads. */
export function usePatientFile(patientId: string): Loadable<PatientFile> {
  return useOperation('patients.file', { patientId })[0];
}

/** The patient's details, from that same cached file rather than a read of their own. */
export function usePatient(patientId: string): Loadable<Patient> {
  const file = usePatientFile(patientId);
  return useMemo(() => (file.state === 'ready' ? { state: 'ready', value: file.value.patient } : file), [file]);
}
