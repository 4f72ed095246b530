import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecoverAdministratorInput } from '../../../shared/api/operations/settings';
import { therapistLabel } from '../../../shared/domain/therapist';
import { call } from '../api/client';
import { dropCachedRecords } from '../api/query-client';
import { Field } from '../forms/Field';
import { applyServerErrors, useSchemaForm } from '../forms/schema-form';
import { useScreenTitle } from '../layout/use-screen-title';
import { AGAIN, AGAIN_ISSUE, sameTwice, withoutAgain } from './credential-form';
import { useSession } from './session-context';
import { NewCredentialFields } from './NewCredentialFields';

const RecoverForm = RecoverAdministratorInput.extend(AGAIN).refine(sameTwice('credential'), AGAIN_ISSUE);

/**
 * An administrator who forgot their PIN or password, with no other administrator to set a temporary one: the
 * clinic's printed recovery key (the database's own key, so it proves no less than holding the records) lets them
 * choose a new one. Offered from the sign-in page; only administrators are listed.
 */
export function RecoverAdministratorPage({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const { state, setState } = useSession();
  useScreenTitle(t('session.recover.title'));
  const admins = state.activeTherapists.filter((a) => a.role === 'administrator');
  const form = useSchemaForm(RecoverForm, { therapistId: admins.length === 1 ? admins[0]!.id : '', recoveryKey: '', credential: '', again: '' });
  const { register, formState } = form;
  const e = formState.errors;
  const [formError, setFormError] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const r = await call('session.recoverAdministrator', withoutAgain(values));
    if (r.ok) {
      dropCachedRecords();
      setState(r.value);
    } else {
      setFormError(applyServerErrors(form, r.error, ['therapistId', 'recoveryKey', 'credential']));
    }
  });

  return (
    <main id="main" className="setup" tabIndex={-1} aria-labelledby="recover-heading">
      <h1 id="recover-heading">{t('session.recover.heading')}</h1>
      <p>{t('session.recover.intro')}</p>
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="recover-heading">
        {formError ? (
          <div className="error-box" role="alert">
            {formError}
          </div>
        ) : null}
        <fieldset aria-describedby={e.therapistId ? 'recover-who-error' : undefined}>
          <legend>{t('session.administrator')}</legend>
          {admins.map((a, i) => (
            <label key={a.id} className="choice">
              <input type="radio" value={a.id} autoFocus={i === 0} {...register('therapistId')} />
              {therapistLabel(a)}
            </label>
          ))}
          {e.therapistId ? (
            <p className="field-error" id="recover-who-error" role="alert">
              <span aria-hidden="true">⚠ </span>
              {t('session.recover.chooseAdministrator')}
            </p>
          ) : null}
        </fieldset>
        <Field label={t('session.recover.key')} hint={t('session.recover.keyHint')} error={e.recoveryKey?.message}>
          {(a) => <input {...a} type="text" autoComplete="off" spellCheck={false} className="recovery-key-input" {...register('recoveryKey')} />}
        </Field>
        <NewCredentialFields
          label={t('session.newCredential')}
          inputs={{ credential: register('credential'), again: register('again') }}
          errors={{ credential: e.credential?.message, again: e.again?.message }}
        />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={formState.isSubmitting}>
            {t('session.recover.submit')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('session.recover.back')}
          </button>
        </div>
      </form>
    </main>
  );
}
