import { useState } from 'react';
import { ROLE_LABELS } from '../../../shared/domain/account';
import { call } from '../api/client';
import { dropCachedRecords } from '../api/query-client';
import { useSession } from './session-context';
import { useSignedIn } from './SignedIn';

/**
 * Who is signed in, always in the header, and the ways to leave: lock for a moment away, switch to another person
 * (who signs in with their own credential), or sign out.
 */
export function AccountMenu() {
  const { state, setState } = useSession();
  const { lock, switchPerson } = useSignedIn();
  const [error, setError] = useState<string | null>(null);
  const person = state.currentTherapist;

  async function signOut() {
    const r = await call('session.signOut', {});
    if (r.ok) {
      dropCachedRecords();
      setState(r.value);
    } else setError(r.error.message);
  }

  return (
    <div className="account-menu">
      <span className="account-name">
        Signed in: <strong>{person?.name}</strong>
        {person?.role === 'administrator' ? <span className="tag">{ROLE_LABELS.administrator}</span> : null}
      </span>
      <button type="button" onClick={lock}>
        Lock
      </button>
      <button type="button" onClick={switchPerson}>
        Switch person
      </button>
      <button type="button" onClick={() => void signOut()}>
        Sign out
      </button>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
