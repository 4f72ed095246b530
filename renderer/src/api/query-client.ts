import { QueryClient } from '@tanstack/react-query';
import { ApiFailure } from './failure';

// Why each default (an offline desktop app, one user at a time; changes refresh the cache, client.ts):
// - networkMode 'always': the back end is on this machine, so "the browser is offline" must never pause a read
//   (the default would leave a screen "Loading…" on a workstation without a network);
// - no refetch on window focus or reconnect: coming back to the window must not re-read and re-render a screen
//   someone is typing in; a change of our own is what makes data stale;
// - an ApiError is an answer (not found, refused), so it is not retried; only a thrown failure (a transport
//   that rejected) is tried once more;
// - staleTime 30 s: screens opened one after another share one read of a patient's file, while a file changed
//   in another window is read again when a screen opens half a minute later.
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      networkMode: 'always',
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      retry: (failures, error) => !(error instanceof ApiFailure) && failures < 1,
      staleTime: 30_000,
      gcTime: 5 * 60_000,
    },
    mutations: { networkMode: 'always', retry: false },
  },
});

/** The one patient an operation's input is about, if any: `patientId`, or the `id` of the patient's own record. */
export function patientOf(operation: string, input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  if ('patientId' in input && typeof input.patientId === 'string') return input.patientId;
  if ((operation === 'patients.get' || operation === 'patients.update') && 'id' in input && typeof input.id === 'string') return input.id;
  return null;
}

/**
 * Whether a change may alter what a cached read answered. A change about one patient (a visit saved, a plan
 * revised) cannot alter another patient's file or analysis, so those stay cached; it can alter that patient's
 * reads and every read about no one patient (the worklist, the patient list). A change about no one patient
 * (a voided record named by its own id, a setting, a therapist) may alter anything.
 */
export function changeTouches(change: { operation: string; input: unknown }, queryKey: readonly unknown[]): boolean {
  const changed = patientOf(change.operation, change.input);
  if (changed === null) return true;
  const read = typeof queryKey[0] === 'string' ? patientOf(queryKey[0], queryKey[1]) : null;
  return read === null || read === changed;
}

/**
 * After a change succeeds: the reads it may have altered (changeTouches) are dropped where no screen shows them,
 * to be read afresh when one opens, and read again where one does, before the change's caller goes on. Only the
 * reads it touches: another patient's answers, kept in the cache, are neither read again nor dropped (issue 21).
 */
export async function refreshAfterChange(operation: string, input: unknown): Promise<void> {
  const predicate = (query: { queryKey: readonly unknown[] }) => changeTouches({ operation, input }, query.queryKey);
  queryClient.removeQueries({ type: 'inactive', predicate });
  await queryClient.invalidateQueries({ type: 'active', predicate });
}

/**
 * The screen locked or the person changed: every cached answer goes (patients' files, lists, the worklist), only
 * the session stays, which the lock screen needs. A screen kept open under the lock goes on showing what it
 * showed (use-operation.ts) and reads it afresh once someone is signed in again.
 */
export function dropCachedRecords(): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session.get' });
}

// While the screen is locked, reads wait here instead of asking: a screen kept open under the lock that re-renders
// would otherwise ask, be refused, and swap its form for an error. They go on once someone is signed in again.
let held: { until: Promise<void>; release(): void } | null = null;

export function holdReads(): void {
  if (held) return;
  let release = (): void => undefined;
  const until = new Promise<void>((resolve) => {
    release = resolve;
  });
  held = { until, release };
}

export function releaseReads(): void {
  held?.release();
  held = null;
}

/** Resolves at once, or when the lock is lifted. The session's own read never waits: the lock screen needs it. */
export function readsAllowed(operation: string): Promise<void> {
  return held && operation !== 'session.get' ? held.until : Promise.resolve();
}
