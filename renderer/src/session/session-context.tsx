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

// One formatter per date format and language for the whole page: each holds several Intl formatters, costly
// to build, and a report asks for one in every chart and table (35 charts built 35 of each).
const formatters = new Map<string, Formatter>();

/** Dates, instants and degrees everywhere in the UI read as the clinic chose, in the screen's language (shared/format.ts). */
export function useFormatter(): Formatter {
  const dateFormat = useContext(SessionContext)?.state.clinic?.dateFormat ?? 'D MMM YYYY';
  const language = useDisplayLanguage();
  const key = `${dateFormat}\n${language}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = createFormatter({ dateFormat, language });
    formatters.set(key, formatter);
  }
  return formatter;
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
  const languageShown = useClinicLanguage(session.state === 'ready' ? session.value.language : undefined, session.state === 'ready');
  // One value per answer: a refresh that answers the same (the cache keeps its identity) must not redraw every
  // screen that reads the session or formats a date, such as a report being printed (beforeprint notes it).
  const current = session.state === 'ready' ? session.value : null;
  const value = useMemo(
    (): SessionValue | null => (current ? { state: current, setState, reload, isAdministrator: current.currentTherapist?.role === 'administrator' } : null),
    [current, setState, reload],
  );
  if (session.state === 'error') return <>{fallback(session.error, session.retry)}</>;
  // Until the session's language has loaded (i18n/i18n.ts): the first screen never shows in English first.
  if (value === null || !languageShown) return <>{fallback(null)}</>;
  return <SessionContext.Provider value={value}>{children(value)}</SessionContext.Provider>;
}
