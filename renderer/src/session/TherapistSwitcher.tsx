import { useState } from 'react';
import { call } from '../api/client';
import { useSession } from './session-context';

/** The current therapist, always visible in the header; choosing another name switches at once. */
export function TherapistSwitcher() {
  const { state, setState } = useSession();
  const [error, setError] = useState<string | null>(null);
  const current = state.currentTherapist;
  return (
    <div className="therapist-switcher">
      <label htmlFor="current-therapist">Working:</label>
      <select
        id="current-therapist"
        value={current?.id ?? ''}
        onChange={async (e) => {
          const r = await call('session.selectTherapist', { therapistId: e.target.value });
          if (r.ok) {
            setError(null);
            setState(r.value);
          } else setError(r.error.message);
        }}
      >
        {state.activeTherapists.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
