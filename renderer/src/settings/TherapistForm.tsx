import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../shared/domain/account';
import { TherapistDetailsInput, TherapistInput, type Therapist } from '../../../shared/domain/therapist';
import { call } from '../api/client';
import { applyServerErrors, useSchemaForm } from '../forms/schema-form';
import { Field } from '../forms/Field';
import { AGAIN, AGAIN_ISSUE, sameTwice, withoutAgain } from '../session/credential-form';
import { NewCredentialFields } from '../session/NewCredentialFields';
import { useRoleWord } from './role-word';

const DETAILS = ['name', 'title', 'registrationNumber', 'initials'];
const NewTherapistBoxes = TherapistInput.extend(AGAIN).refine(sameTwice('credential'), AGAIN_ISSUE);

function FormError({ text }: { text: string | null }) {
  return text ? (
    <div className="error-box" role="alert">
      {text}
    </div>
  ) : null;
}

/** Edit a therapist's name and titles (`therapist` is the version being edited). Role and PIN have their own actions. */
export function TherapistForm({ therapist, onDone }: { therapist: Therapist; onDone(saved: Therapist | null): void }) {
  const form = useSchemaForm(TherapistDetailsInput, {
    name: therapist.name,
    title: therapist.title ?? '',
    registrationNumber: therapist.registrationNumber ?? '',
    initials: therapist.initials,
  });
  const { t } = useTranslation();
  const { register, formState } = form;
  const e = formState.errors;
  const [formError, setFormError] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(async (values) => {
    const r = await call('therapists.update', { ...values, id: therapist.id, version: therapist.version });
    if (r.ok) onDone(r.value);
    else setFormError(applyServerErrors(form, r.error, DETAILS));
  });

  return (
    <form className="form inline-form" noValidate onSubmit={onSubmit} aria-label={t('therapistForm.editLabel', { name: therapist.name })} onKeyDown={(ev) => ev.key === 'Escape' && onDone(null)}>
      <FormError text={formError} />
      <Field label={t('therapistForm.editName')} error={e.name?.message}>
        {(a) => <input {...a} autoFocus {...register('name')} />}
      </Field>
      <Field label={t('therapistForm.title')} error={e.title?.message}>
        {(a) => <input {...a} {...register('title')} />}
      </Field>
      <Field label={t('therapistForm.registration')} error={e.registrationNumber?.message}>
        {(a) => <input {...a} {...register('registrationNumber')} />}
      </Field>
      <Field label={t('therapistForm.initials')} hint={t('therapistForm.initialsHint')} error={e.initials?.message}>
        {(a) => <input {...a} size={5} {...register('initials')} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {t('therapistForm.save')}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          {t('therapistForm.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * Add a therapist: their details, role, and a first PIN or password, typed twice, that they must change at their
 * first sign-in (so the administrator never knows the one they keep).
 */
export function NewTherapistForm({ onDone }: { onDone(saved: Therapist): void }) {
  const { t } = useTranslation();
  const roleWord = useRoleWord();
  const form = useSchemaForm(NewTherapistBoxes, { name: '', title: '', registrationNumber: '', initials: '', role: 'therapist', credential: '', again: '' });
  const { register, formState } = form;
  const e = formState.errors;
  const [formError, setFormError] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(async (values) => {
    const r = await call('therapists.create', withoutAgain(values));
    if (r.ok) {
      form.reset();
      setFormError(null);
      onDone(r.value);
    } else setFormError(applyServerErrors(form, r.error, [...DETAILS, 'role', 'credential']));
  });

  return (
    <form className="form inline-form" noValidate onSubmit={onSubmit} aria-label={t('therapistForm.addLabel')}>
      <FormError text={formError} />
      <Field label={t('therapistForm.newName')} error={e.name?.message}>
        {(a) => <input {...a} {...register('name')} />}
      </Field>
      <Field label={t('therapistForm.title')} error={e.title?.message}>
        {(a) => <input {...a} {...register('title')} />}
      </Field>
      <Field label={t('therapistForm.registration')} error={e.registrationNumber?.message}>
        {(a) => <input {...a} {...register('registrationNumber')} />}
      </Field>
      <Field label={t('therapistForm.initials')} hint={t('therapistForm.initialsHint')} error={e.initials?.message}>
        {(a) => <input {...a} size={5} {...register('initials')} />}
      </Field>
      <Field label={t('therapistForm.role')} hint={t('therapistForm.roleHint')} error={e.role?.message}>
        {(a) => (
          <select {...a} {...register('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleWord(r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <NewCredentialFields
        label={t('therapistForm.firstCredential')}
        againLabel={t('therapistForm.firstCredentialAgain')}
        hintAfter={t('therapistForm.firstCredentialHint')}
        inputs={{ credential: register('credential'), again: register('again') }}
        errors={{ credential: e.credential?.message, again: e.again?.message }}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {t('therapistForm.add')}
        </button>
      </div>
    </form>
  );
}
