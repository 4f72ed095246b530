import { useState } from 'react';
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
  const { state, setState } = useSession();
  useScreenTitle('Forgotten administrator PIN');
  const admins = state.activeTherapists.filter((t) => t.role === 'administrator');
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
      <h1 id="recover-heading">Forgotten administrator PIN or password</h1>
      <p>
        With the recovery key sheet printed for this clinic, an administrator chooses a new PIN or password. Everyone else asks an
        administrator for a temporary one.
      </p>
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="recover-heading">
        {formError ? (
          <div className="error-box" role="alert">
            {formError}
          </div>
        ) : null}
        <fieldset aria-describedby={e.therapistId ? 'recover-who-error' : undefined}>
          <legend>Administrator</legend>
          {admins.map((t, i) => (
            <label key={t.id} className="choice">
              <input type="radio" value={t.id} autoFocus={i === 0} {...register('therapistId')} />
              {therapistLabel(t)}
            </label>
          ))}
          {e.therapistId ? (
            <p className="field-error" id="recover-who-error" role="alert">
              <span aria-hidden="true">⚠ </span>Choose the administrator.
            </p>
          ) : null}
        </fieldset>
        <Field label="Recovery key" hint="11 groups of five letters and digits, as on the sheet; dashes and case do not matter." error={e.recoveryKey?.message}>
          {(a) => <input {...a} type="text" autoComplete="off" spellCheck={false} className="recovery-key-input" {...register('recoveryKey')} />}
        </Field>
        <NewCredentialFields
          label="New PIN or password"
          inputs={{ credential: register('credential'), again: register('again') }}
          errors={{ credential: e.credential?.message, again: e.again?.message }}
        />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={formState.isSubmitting}>
            Replace and sign in
          </button>
          <button type="button" onClick={onCancel}>
            Back to sign in
          </button>
        </div>
      </form>
    </main>
  );
}
