import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { SessionState } from '../../../shared/api/operations/settings';
import type { ApiError } from '../../../shared/api/errors';
import { createFormatter, type Formatter } from '../../../shared/format';
import { operationKey, useOperation } from '../api/use-operation';

interface SessionValue {
  state: SessionState;
  /** Replace the state with a fresh one from an operation that returns it. */
  setState(state: SessionState): void;
  reload(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** Dates, instants and degrees everywhere in the UI read as the clinic chose (shared/format.ts). */
export function useFormatter(): Formatter {
  const dateFormat = useContext(SessionContext)?.state.clinic?.dateFormat ?? 'D MMM YYYY';
  return useMemo(() => createFormatter({ dateFormat }), [dateFormat]);
}

export function useFormatDate(): (date: string) => string {
  return useFormatter().date;
}

/** `retry` is given with an error: asks for the session again. */
export function SessionProvider({ children, fallback }: { children: (value: SessionValue) => ReactNode; fallback: (error: ApiError | null, retry?: () => void) => ReactNode }) {
  // The session is one more cached read, so a change (a therapist renamed, the clinic's date format) refreshes it
  // like any other (api/client.ts); an operation that answers with the new state puts it in the cache directly.
  const [session] = useOperation('session.get', {});
  const queryClient = useQueryClient();
  const setState = useCallback((next: SessionState) => queryClient.setQueryData(operationKey('session.get', {}), next), [queryClient]);
  const reload = useCallback(() => queryClient.invalidateQueries({ queryKey: operationKey('session.get', {}) }), [queryClient]);
  if (session.state === 'loading') return <>{fallback(null)}</>;
  if (session.state === 'error') return <>{fallback(session.error, session.retry)}</>;
  const value: SessionValue = { state: session.value, setState, reload };
  return <SessionContext.Provider value={value}>{children(value)}</SessionContext.Provider>;
}
