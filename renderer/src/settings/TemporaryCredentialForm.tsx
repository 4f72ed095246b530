import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { newCredential } from '../../../shared/domain/account';
import type { Therapist } from '../../../shared/domain/therapist';
import { call } from '../api/client';
import { applyServerErrors, useSchemaForm } from '../forms/schema-form';
import { AGAIN, AGAIN_ISSUE, sameTwice } from '../session/credential-form';
import { NewCredentialFields } from '../session/NewCredentialFields';

// therapists.setCredential takes { id, credential }; the id is the row's, so the boxes are the credential twice.
const TemporaryForm = z.strictObject({ credential: newCredential, ...AGAIN }).refine(sameTwice('credential'), AGAIN_ISSUE);

/**
 * An administrator gives someone a temporary PIN or password (forgotten, or locked out): it must be changed at
 * their next sign-in, it lifts a lock-out, and it signs that person out everywhere.
 */
export function TemporaryCredentialForm({ therapist, onDone }: { therapist: Therapist; onDone(saved: Therapist | null): void }) {
  const { t } = useTranslation();
  const form = useSchemaForm(TemporaryForm, { credential: '', again: '' });
  const { register, formState } = form;
  const e = formState.errors;
  const [formError, setFormError] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(async (values) => {
    const r = await call('therapists.setCredential', { id: therapist.id, credential: values.credential });
    if (r.ok) onDone(r.value);
    else setFormError(applyServerErrors(form, r.error, ['credential']));
  });

  return (
    <form className="form inline-form" noValidate onSubmit={onSubmit} aria-label={t('tempCredential.formLabel', { name: therapist.name })} onKeyDown={(ev) => ev.key === 'Escape' && onDone(null)}>
      {formError ? (
        <div className="error-box" role="alert">
          {formError}
        </div>
      ) : null}
      <p className="field-hint">
        {t('tempCredential.hint', { name: therapist.name })}
      </p>
      <NewCredentialFields
        label={t('tempCredential.label', { name: therapist.name })}
        againLabel={t('tempCredential.againLabel')}
        inputs={{ credential: register('credential'), again: register('again') }}
        errors={{ credential: e.credential?.message, again: e.again?.message }}
        autoFocus
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {t('tempCredential.submit')}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          {t('tempCredential.cancel')}
        </button>
      </div>
    </form>
  );
}
