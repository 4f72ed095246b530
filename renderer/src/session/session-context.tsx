import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SessionState } from '../../../shared/api/operations/settings';
import type { ApiError } from '../../../shared/api/errors';
import { createFormatter, type Formatter } from '../../../shared/format';
import { call } from '../api/client';

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

export function SessionProvider({ children, fallback }: { children: (value: SessionValue) => ReactNode; fallback: (error: ApiError | null) => ReactNode }) {
  const [state, setState] = useState<SessionState | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const reload = useCallback(async () => {
    const r = await call('session.get', {});
    if (r.ok) setState(r.value);
    else setError(r.error);
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  if (!state) return <>{fallback(error)}</>;
  const value: SessionValue = { state, setState, reload };
  return <SessionContext.Provider value={value}>{children(value)}</SessionContext.Provider>;
}
