import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SignInInput } from '../../../shared/api/operations/settings';
import { therapistLabel } from '../../../shared/domain/therapist';
import { call } from '../api/client';
import { dropCachedRecords } from '../api/query-client';
import { Field } from '../forms/Field';
import { applyServerErrors, useSchemaForm } from '../forms/schema-form';
import { useRouteTitleAfter, useScreenTitle } from '../layout/use-screen-title';
import { RecoverAdministratorPage } from './RecoverAdministratorPage';
import { useSession } from './session-context';
import './session.css';

// Who last signed in on this workstation is chosen already and the PIN box has the focus: PIN, Enter. A name is not a
// secret here (the list shows every active therapist), so keeping it in this browser's storage is harmless.
const LAST_KEY = 'romtrack.lastSignedIn';

function lastSignedIn(): string | null {
  try {
    return localStorage.getItem(LAST_KEY);
  } catch {
    return null;
  }
}

interface Props {
  /** Given when someone is still signed in ("Switch person"): going back to their session. */
  onCancel?: () => void;
  onSignedIn?: () => void;
}

/** Choose your name, type your PIN or password. The back end's refusal (wrong, locked out) shows at the box. */
export function SignInPage({ onCancel, onSignedIn }: Props) {
  const { t } = useTranslation();
  const { state, setState } = useSession();
  const active = state.activeTherapists;
  useScreenTitle(t('session.signIn'));
  // Over a signed-in app ("Switch person"), SignedIn puts the app's own title back; before the app, the route's.
  useRouteTitleAfter(!onCancel);
  const remembered = lastSignedIn();
  const preselected = active.find((a) => a.id === remembered)?.id ?? (active.length === 1 ? active[0]!.id : '');
  const form = useSchemaForm(SignInInput, { therapistId: preselected, credential: '' });
  const { register, formState } = form;
  const e = formState.errors;
  const [formError, setFormError] = useState<string | null>(null);
  const [recovering, setRecovering] = useState(false);

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const r = await call('session.signIn', values);
    if (r.ok) {
      try {
        localStorage.setItem(LAST_KEY, values.therapistId);
      } catch {
        // Storage refused (a private window): the list simply starts unchosen next time.
      }
      dropCachedRecords();
      setState(r.value);
      onSignedIn?.();
    } else {
      form.resetField('credential', { keepError: true });
      setFormError(applyServerErrors(form, r.error, ['therapistId', 'credential']));
    }
  });

  // Only before the app: over a signed-in person's session, another administrator is at hand.
  if (recovering && !onCancel) return <RecoverAdministratorPage onCancel={() => setRecovering(false)} />;

  return (
    // Over a switched-from app (still mounted, hidden), the page is not #main: that id stays the app's.
    <main id={onCancel ? undefined : 'main'} className="setup sign-in" tabIndex={-1} aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">{t('session.signIn')}</h1>
      <p>{state.clinic?.name}</p>
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="sign-in-heading">
        {formError ? (
          <div className="error-box" role="alert">
            {formError}
          </div>
        ) : null}
        <fieldset aria-describedby={e.therapistId ? 'sign-in-who-error' : undefined}>
          <legend>{t('session.signInPage.who')}</legend>
          {active.map((a) => (
            <label key={a.id} className="choice">
              <input type="radio" value={a.id} autoFocus={!preselected && a === active[0]} {...register('therapistId')} />
              {therapistLabel(a)}
              {a.role === 'administrator' ? <span className="tag">{t('session.administrator')}</span> : null}
            </label>
          ))}
          {e.therapistId ? (
            <p className="field-error" id="sign-in-who-error" role="alert">
              <span aria-hidden="true">⚠ </span>
              {t('session.signInPage.chooseName')}
            </p>
          ) : null}
        </fieldset>
        <Field label={t('session.credential')} error={e.credential?.message}>
          {(a) => <input {...a} type="password" autoComplete="current-password" autoFocus={Boolean(preselected)} {...register('credential')} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={formState.isSubmitting}>
            {t('session.signIn')}
          </button>
          {onCancel ? (
            <button type="button" onClick={onCancel}>
              {state.currentTherapist ? t('session.signInPage.backTo', { name: state.currentTherapist.name }) : t('session.signInPage.backToSession')}
            </button>
          ) : (
            <button type="button" onClick={() => setRecovering(true)}>
              {t('session.signInPage.forgotten')}
            </button>
          )}
        </div>
      </form>
    </main>
  );
}
