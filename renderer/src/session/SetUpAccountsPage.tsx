import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
  const { state, setState } = useSession();
  useScreenTitle(t('session.accounts.heading'));
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
      <h1 id="accounts-heading">{t('session.accounts.heading')}</h1>
      <p>{t('session.accounts.intro')}</p>
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="accounts-heading">
        {formError ? (
          <div className="error-box" role="alert">
            {formError}
          </div>
        ) : null}
        <fieldset aria-describedby={e.therapistId ? 'accounts-who-error' : undefined}>
          <legend>{t('session.administrator')}</legend>
          {active.map((a, i) => (
            <label key={a.id} className="choice">
              <input type="radio" value={a.id} autoFocus={i === 0} {...register('therapistId')} />
              {therapistLabel(a)}
            </label>
          ))}
          {e.therapistId ? (
            <p className="field-error" id="accounts-who-error" role="alert">
              <span aria-hidden="true">⚠ </span>
              {t('session.accounts.chooseAdministrator')}
            </p>
          ) : null}
        </fieldset>
        <NewCredentialFields
          label={t('session.accounts.credential')}
          inputs={{ credential: register('credential'), again: register('again') }}
          errors={{ credential: e.credential?.message, again: e.again?.message }}
        />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={formState.isSubmitting}>
            {t('session.accounts.submit')}
          </button>
        </div>
      </form>
    </main>
  );
}
