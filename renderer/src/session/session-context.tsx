import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { SessionState } from '../../../shared/api/operations/settings';
import type { ApiError } from '../../../shared/api/errors';
import { createFormatter, type Formatter } from '../../../shared/format';
import { whenUnauthorized } from '../api/client';
import { operationKey, useOperation } from '../api/use-operation';
import { useClinicLanguage } from '../i18n/use-clinic-language';
import { useDisplayLanguage } from '../i18n/use-language';

interface SessionValue {
  state: SessionState;
  /** Replace the state with a fresh one from an operation that returns it. */
  setState(state: SessionState): void;
  reload(): Promise<void>;
  /** The signed-in person keeps the clinic's settings (the back end checks again on every operation). */
  isAdministrator: boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** Dates, instants and degrees everywhere in the UI read as the clinic chose, in the screen's language (shared/format.ts). */
export function useFormatter(): Formatter {
  const dateFormat = useContext(SessionContext)?.state.clinic?.dateFormat ?? 'D MMM YYYY';
  const language = useDisplayLanguage();
  return useMemo(() => createFormatter({ dateFormat, language }), [dateFormat, language]);
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
  // Any operation refused as unauthorized: the session may have ended or locked on the server (idle there, or
  // signed out from another tab); reading it again shows the sign-in page or the lock screen as it says.
  useEffect(() => {
    whenUnauthorized(() => void reload());
    return () => whenUnauthorized(null);
  }, [reload]);
  useClinicLanguage(session.state === 'ready' ? session.value.language : undefined);
  if (session.state === 'loading') return <>{fallback(null)}</>;
  if (session.state === 'error') return <>{fallback(session.error, session.retry)}</>;
  const value: SessionValue = { state: session.value, setState, reload, isAdministrator: session.value.currentTherapist?.role === 'administrator' };
  return <SessionContext.Provider value={value}>{children(value)}</SessionContext.Provider>;
}
