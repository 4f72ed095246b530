import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { dropCachedRecords } from '../api/query-client';
import { LanguagePreference } from './LanguagePreference';
import { useSession } from './session-context';
import { useSignedIn } from './SignedIn';
import { useApiErrorText } from '../api/failure';

/**
 * Who is signed in, always in the header, and the ways to leave: lock for a moment away, switch to another person
 * (who signs in with their own credential), or sign out.
 */
export function AccountMenu() {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const { state, setState } = useSession();
  const { lock, switchPerson } = useSignedIn();
  const [error, setError] = useState<string | null>(null);
  const person = state.currentTherapist;

  async function signOut() {
    const r = await call('session.signOut', {});
    if (r.ok) {
      dropCachedRecords();
      setState(r.value);
    } else setError(errorText(r.error));
  }

  return (
    <div className="account-menu">
      <span className="account-name">
        <Trans i18nKey="session.signedInAs" values={{ name: person?.name ?? '' }} components={[<strong />]} />
        {person?.role === 'administrator' ? <span className="tag">{t('session.administrator')}</span> : null}
      </span>
      <LanguagePreference />
      <button type="button" onClick={lock}>
        {t('session.lock')}
      </button>
      <button type="button" onClick={switchPerson}>
        {t('session.switchPerson')}
      </button>
      <button type="button" onClick={() => void signOut()}>
        {t('session.signOut')}
      </button>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
