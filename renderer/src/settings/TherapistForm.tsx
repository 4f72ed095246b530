import { useState } from 'react';
import { ROLE_LABELS, ROLES } from '../../../shared/domain/account';
import { TherapistDetailsInput, TherapistInput, type Therapist } from '../../../shared/domain/therapist';
import { call } from '../api/client';
import { applyServerErrors, useSchemaForm } from '../forms/schema-form';
import { Field } from '../forms/Field';
import { AGAIN, AGAIN_ISSUE, sameTwice, withoutAgain } from '../session/credential-form';
import { NewCredentialFields } from '../session/NewCredentialFields';

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
  const { register, formState } = form;
  const e = formState.errors;
  const [formError, setFormError] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(async (values) => {
    const r = await call('therapists.update', { ...values, id: therapist.id, version: therapist.version });
    if (r.ok) onDone(r.value);
    else setFormError(applyServerErrors(form, r.error, DETAILS));
  });

  return (
    <form className="form inline-form" noValidate onSubmit={onSubmit} aria-label={`Edit ${therapist.name}`} onKeyDown={(ev) => ev.key === 'Escape' && onDone(null)}>
      <FormError text={formError} />
      <Field label="Edit therapist name" error={e.name?.message}>
        {(a) => <input {...a} autoFocus {...register('name')} />}
      </Field>
      <Field label="Professional title" error={e.title?.message}>
        {(a) => <input {...a} {...register('title')} />}
      </Field>
      <Field label="Registration number" error={e.registrationNumber?.message}>
        {(a) => <input {...a} {...register('registrationNumber')} />}
      </Field>
      <Field label="Initials" hint="Left empty, they are made from the name." error={e.initials?.message}>
        {(a) => <input {...a} size={5} {...register('initials')} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          Save therapist
        </button>
        <button type="button" onClick={() => onDone(null)}>
          Cancel
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
    <form className="form inline-form" noValidate onSubmit={onSubmit} aria-label="Add a therapist">
      <FormError text={formError} />
      <Field label="New therapist name" error={e.name?.message}>
        {(a) => <input {...a} {...register('name')} />}
      </Field>
      <Field label="Professional title" error={e.title?.message}>
        {(a) => <input {...a} {...register('title')} />}
      </Field>
      <Field label="Registration number" error={e.registrationNumber?.message}>
        {(a) => <input {...a} {...register('registrationNumber')} />}
      </Field>
      <Field label="Initials" hint="Left empty, they are made from the name." error={e.initials?.message}>
        {(a) => <input {...a} size={5} {...register('initials')} />}
      </Field>
      <Field label="Role" hint="An administrator keeps the clinic's settings, therapists, thresholds and backups." error={e.role?.message}>
        {(a) => (
          <select {...a} {...register('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <NewCredentialFields
        label="First PIN or password"
        hintAfter="Tell it to them; they choose their own at their first sign-in."
        inputs={{ credential: register('credential'), again: register('again') }}
        errors={{ credential: e.credential?.message, again: e.again?.message }}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          Add therapist
        </button>
      </div>
    </form>
  );
}
