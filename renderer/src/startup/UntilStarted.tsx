import { useEffect, useState, type ReactNode } from 'react';
import type { OperationOutput } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/errors';
import { call } from '../api/client';
import { UpdateScreen } from './UpdateScreen';

type Status = OperationOutput<'app.startup'>;

/** How often the page asks how far the start has come: often enough for the bar to move smoothly. */
const POLL_MS = 400;

/**
 * Shows the update screen while the back end opens its database (updating one from an older ROMtrack), and the
 * app once it is open. Asked once at every start: a back end that is open answers "ready" at once, and the
 * app's first screen follows without anything else shown.
 */
export function UntilStarted({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let seen = false;
    const ask = async () => {
      const result = await call('app.startup', {});
      if (stopped) return;
      if (result.ok) {
        seen = true;
        setStatus(result.value);
        setError(null);
        // A failure stays until the back end is started again; everything else is asked again until ready.
        if (result.value.phase === 'ready' || result.value.phase === 'failed') return;
      } else {
        setError(result.error);
        // Unreachable from the first ask: the app's own screens say so, with their Retry (api/failure.ts).
        if (!seen) return;
        // The server restarting during an update: said on the screen, and asked again.
      }
      timer = setTimeout(() => void ask(), POLL_MS);
    };
    void ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  if (status?.phase === 'ready' || (!status && error)) return <>{children}</>;
  // Nothing until the first answer: an open back end answers at once, and its first screen needs no other.
  if (!status) return null;
  return <UpdateScreen status={status} error={error} />;
}
