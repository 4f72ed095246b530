import { useState, type FormEvent } from 'react';
import { therapistLabel } from '../../../shared/domain/therapist';
import { call } from '../api/client';
import { useSession } from './session-context';

/** At start: who is working? The last therapist is preselected, so Enter is usually enough. */
export function WhoIsWorking() {
  const { state, setState } = useSession();
  const active = state.activeTherapists;
  const preselected = active.find((t) => t.id === state.lastTherapistId)?.id ?? active[0]?.id ?? '';
  const [chosen, setChosen] = useState(preselected);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const r = await call('session.selectTherapist', { therapistId: chosen });
    if (r.ok) setState(r.value);
    else setError(r.error.message);
  }

  return (
    <main id="main" className="setup">
      <h1>Who is working?</h1>
      <p>{state.clinic?.name}</p>
      <form className="form" onSubmit={onSubmit}>
        {error ? (
          <div className="error-box" role="alert">
            {error}
          </div>
        ) : null}
        <fieldset>
          <legend>Therapist</legend>
          {active.map((t, i) => (
            <label key={t.id} className="choice">
              <input type="radio" name="therapist" value={t.id} checked={chosen === t.id} onChange={() => setChosen(t.id)} autoFocus={t.id === preselected || (i === 0 && !preselected)} />
              {therapistLabel(t)}
            </label>
          ))}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!chosen}>
            Start
          </button>
        </div>
      </form>
    </main>
  );
}
