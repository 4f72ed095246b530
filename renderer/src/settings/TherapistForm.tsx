import { useState } from 'react';
import { TherapistInput, type Therapist } from '../../../shared/domain/therapist';
import { call } from '../api/client';
import { applyServerErrors, useSchemaForm } from '../forms/schema-form';
import { Field } from '../forms/Field';

const FIELDS = ['name', 'title', 'registrationNumber', 'initials'];

/** Add a therapist, or edit one (then `therapist` is the version being edited). */
export function TherapistForm({ therapist, onDone }: { therapist?: Therapist; onDone(saved: Therapist | null): void }) {
  const form = useSchemaForm(TherapistInput, {
    name: therapist?.name ?? '',
    title: therapist?.title ?? '',
    registrationNumber: therapist?.registrationNumber ?? '',
    initials: therapist?.initials ?? '',
  });
  const { register, formState } = form;
  const e = formState.errors;
  const [formError, setFormError] = useState<string | null>(null);
  const prefix = therapist ? 'Edit' : 'New';

  const onSubmit = form.handleSubmit(async (values) => {
    const r = therapist
      ? await call('therapists.update', { ...values, id: therapist.id, version: therapist.version })
      : await call('therapists.create', values);
    if (r.ok) {
      form.reset();
      onDone(r.value);
    } else setFormError(applyServerErrors(form, r.error, FIELDS));
  });

  return (
    <form
      className="form inline-form"
      noValidate
      onSubmit={onSubmit}
      aria-label={therapist ? `Edit ${therapist.name}` : 'Add a therapist'}
      onKeyDown={(ev) => {
        if (ev.key === 'Escape') onDone(null);
      }}
    >
      {formError ? (
        <div className="error-box" role="alert">
          {formError}
        </div>
      ) : null}
      <Field label={`${prefix} therapist name`} error={e.name?.message}>
        {(a) => <input {...a} autoFocus={Boolean(therapist)} {...register('name')} />}
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
          {therapist ? 'Save therapist' : 'Add therapist'}
        </button>
        {therapist ? (
          <button type="button" onClick={() => onDone(null)}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
