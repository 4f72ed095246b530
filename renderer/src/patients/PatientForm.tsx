import { useState } from 'react';
import { PatientInput, SEXES, SEX_LABELS, type Patient } from '../../../shared/domain/patient';
import { call } from '../api/client';
import { applyServerErrors, useSchemaForm } from '../forms/schema-form';
import { DateField, useDateBoxes } from '../forms/DateField';
import { Field } from '../forms/Field';
import { href, navigate } from '../router';

const FIELDS = ['familyName', 'givenNames', 'clinicId', 'dateOfBirth', 'sex'] as const;

/** New patient, or edit of an existing one (then `patient` is its current version). */
export function PatientForm({ patient }: { patient?: Patient }) {
  const dates = useDateBoxes('dateOfBirth');
  const form = useSchemaForm(
    PatientInput,
    {
      familyName: patient?.familyName ?? '',
      givenNames: patient?.givenNames ?? '',
      clinicId: patient?.clinicId ?? '',
      dateOfBirth: dates.shown(patient?.dateOfBirth ?? ''),
      sex: patient?.sex ?? '',
    },
    dates,
  );
  const { register, formState } = form;
  const errors = formState.errors;
  const [formError, setFormError] = useState<string | null>(null);
  // The back end found a patient with the same names and date of birth: asked once, answered here.
  const [duplicate, setDuplicate] = useState<{ id: string; values: PatientInput } | null>(null);
  const cancelTo = patient ? href.patient(patient.id) : href.patients();

  const save = async (input: PatientInput, confirmDuplicate = false) => {
    setFormError(null);
    setDuplicate(null);
    const result = patient
      ? await call('patients.update', { ...input, id: patient.id, version: patient.version })
      : await call('patients.create', confirmDuplicate ? { ...input, confirmDuplicate: true } : input);
    if (result.ok) {
      navigate(href.patient(result.value.id));
      return;
    }
    const duplicateOf = result.error.fields?.['duplicateOf'];
    if (duplicateOf) {
      setDuplicate({ id: duplicateOf, values: input });
      setFormError(result.error.message);
      return;
    }
    setFormError(applyServerErrors(form, result.error, FIELDS));
  };
  const onSubmit = form.handleSubmit((values) => save(values));

  return (
    <section aria-labelledby="patient-form-heading">
      <h1 id="patient-form-heading">{patient ? 'Edit patient' : 'New patient'}</h1>
      <form
        className="form"
        noValidate
        onSubmit={onSubmit}
        onKeyDown={(e) => {
          if (e.key === 'Escape') navigate(cancelTo);
        }}
      >
        {duplicate && formError ? (
          <div className="error-box duplicate-patient" role="alert">
            {formError.replace(/: open their record, or create a new patient anyway\.$/, '')}:{' '}
            <a href={href.patient(duplicate.id)}>open their record</a>, or{' '}
            <button type="button" onClick={() => void save(duplicate.values, true)}>
              create a new patient anyway
            </button>
            .
          </div>
        ) : formError ? (
          <div className="error-box" role="alert">
            {formError}
          </div>
        ) : null}
        <Field label="Family name" error={errors.familyName?.message}>
          {(a) => <input {...a} autoFocus autoComplete="off" {...register('familyName')} />}
        </Field>
        <Field label="Given names" error={errors.givenNames?.message}>
          {(a) => <input {...a} autoComplete="off" {...register('givenNames')} />}
        </Field>
        <Field label="Clinic id" hint="The clinic's own patient number, if it has one." error={errors.clinicId?.message}>
          {(a) => <input {...a} autoComplete="off" {...register('clinicId')} />}
        </Field>
        <DateField label="Date of birth" registration={register('dateOfBirth')} error={errors.dateOfBirth?.message} />
        <Field label="Sex" error={errors.sex?.message}>
          {(a) => (
            <select {...a} {...register('sex')}>
              <option value="">Choose…</option>
              {SEXES.map((s) => (
                <option key={s} value={s}>
                  {SEX_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={formState.isSubmitting}>
            {patient ? 'Save changes' : 'Save patient'}
          </button>
          <a className="button" href={cancelTo}>
            Cancel
          </a>
          <span className="keys-hint">Enter saves · Escape cancels</span>
        </div>
      </form>
    </section>
  );
}
