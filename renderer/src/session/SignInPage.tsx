import { useState } from 'react';
import { SignInInput } from '../../../shared/api/operations/settings';
import { ROLE_LABELS } from '../../../shared/domain/account';
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
  const { state, setState } = useSession();
  const active = state.activeTherapists;
  useScreenTitle('Sign in');
  // Over a signed-in app ("Switch person"), SignedIn puts the app's own title back; before the app, the route's.
  useRouteTitleAfter(!onCancel);
  const remembered = lastSignedIn();
  const preselected = active.find((t) => t.id === remembered)?.id ?? (active.length === 1 ? active[0]!.id : '');
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
      <h1 id="sign-in-heading">Sign in</h1>
      <p>{state.clinic?.name}</p>
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="sign-in-heading">
        {formError ? (
          <div className="error-box" role="alert">
            {formError}
          </div>
        ) : null}
        <fieldset aria-describedby={e.therapistId ? 'sign-in-who-error' : undefined}>
          <legend>Who is working?</legend>
          {active.map((t) => (
            <label key={t.id} className="choice">
              <input type="radio" value={t.id} autoFocus={!preselected && t === active[0]} {...register('therapistId')} />
              {therapistLabel(t)}
              {t.role === 'administrator' ? <span className="tag">{ROLE_LABELS.administrator}</span> : null}
            </label>
          ))}
          {e.therapistId ? (
            <p className="field-error" id="sign-in-who-error" role="alert">
              <span aria-hidden="true">⚠ </span>Choose your name.
            </p>
          ) : null}
        </fieldset>
        <Field label="PIN or password" error={e.credential?.message}>
          {(a) => <input {...a} type="password" autoComplete="current-password" autoFocus={Boolean(preselected)} {...register('credential')} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={formState.isSubmitting}>
            Sign in
          </button>
          {onCancel ? (
            <button type="button" onClick={onCancel}>
              Back to {state.currentTherapist?.name ?? 'the session'}
            </button>
          ) : (
            <button type="button" onClick={() => setRecovering(true)}>
              Forgotten administrator PIN?
            </button>
          )}
        </div>
      </form>
    </main>
  );
}
