import { useState } from 'react';
import { SetUpAccountsInput } from '../../../shared/api/operations/settings';
import { therapistLabel } from '../../../shared/domain/therapist';
import { call } from '../api/client';
import { applyServerErrors, useSchemaForm } from '../forms/schema-form';
import { useScreenTitle } from '../layout/use-screen-title';
import { AGAIN, AGAIN_ISSUE, sameTwice, withoutAgain } from './credential-form';
import { useSession } from './session-context';
import { NewCredentialFields } from './NewCredentialFields';

const SetUpAccountsForm = SetUpAccountsInput.extend(AGAIN).refine(sameTwice('credential'), AGAIN_ISSUE);

/**
 * A database from before accounts: its therapists have no credentials yet. One of them becomes the clinic's
 * administrator with a PIN or password chosen here, and then gives the others theirs in Settings.
 */
export function SetUpAccountsPage() {
  const { state, setState } = useSession();
  useScreenTitle('Set up accounts');
  const active = state.activeTherapists;
  const form = useSchemaForm(SetUpAccountsForm, { therapistId: active.length === 1 ? active[0]!.id : '', credential: '', again: '' });
  const { register, formState } = form;
  const e = formState.errors;
  const [formError, setFormError] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const r = await call('session.setUpAccounts', withoutAgain(values));
    if (r.ok) setState(r.value);
    else setFormError(applyServerErrors(form, r.error, ['therapistId', 'credential']));
  });

  return (
    <main id="main" className="setup" tabIndex={-1} aria-labelledby="accounts-heading">
      <h1 id="accounts-heading">Set up accounts</h1>
      <p>
        From now on everyone signs in with their own PIN or password, so that every change names the person who made it. First
        choose the clinic’s administrator: they keep the clinic’s settings and give each colleague a first PIN or password in
        Settings.
      </p>
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="accounts-heading">
        {formError ? (
          <div className="error-box" role="alert">
            {formError}
          </div>
        ) : null}
        <fieldset aria-describedby={e.therapistId ? 'accounts-who-error' : undefined}>
          <legend>Administrator</legend>
          {active.map((t, i) => (
            <label key={t.id} className="choice">
              <input type="radio" value={t.id} autoFocus={i === 0} {...register('therapistId')} />
              {therapistLabel(t)}
            </label>
          ))}
          {e.therapistId ? (
            <p className="field-error" id="accounts-who-error" role="alert">
              <span aria-hidden="true">⚠ </span>Choose who is the administrator.
            </p>
          ) : null}
        </fieldset>
        <NewCredentialFields
          label="Their PIN or password"
          inputs={{ credential: register('credential'), again: register('again') }}
          errors={{ credential: e.credential?.message, again: e.again?.message }}
        />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={formState.isSubmitting}>
            Set up accounts and sign in
          </button>
        </div>
      </form>
    </main>
  );
}
