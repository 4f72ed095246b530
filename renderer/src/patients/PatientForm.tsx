import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { PatientInput, SEXES, patientDisplayName, type Patient } from '../../../shared/domain/patient';
import { call } from '../api/client';
import { applyServerErrors, useSchemaForm } from '../forms/schema-form';
import { DateField, useDateBoxes } from '../forms/DateField';
import { Field } from '../forms/Field';
import { LANGUAGE_CHOICE, PatientLanguageField } from '../i18n/document-language';
import { href, navigate } from '../router';
import { useFormatDate } from '../session/session-context';

const FIELDS = ['familyName', 'givenNames', 'clinicId', 'dateOfBirth', 'sex', 'documentLanguage'] as const;

/** New patient, or edit of an existing one (then `patient` is its current version). */
export function PatientForm({ patient }: { patient?: Patient }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const dates = useDateBoxes('dateOfBirth');
  const form = useSchemaForm(
    PatientInput,
    {
      familyName: patient?.familyName ?? '',
      givenNames: patient?.givenNames ?? '',
      clinicId: patient?.clinicId ?? '',
      dateOfBirth: dates.shown(patient?.dateOfBirth ?? ''),
      sex: patient?.sex ?? '',
      documentLanguage: patient?.documentLanguage ?? null,
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
      return;
    }
    setFormError(applyServerErrors(form, result.error, FIELDS));
  };
  const onSubmit = form.handleSubmit((values) => save(values));

  return (
    <section aria-labelledby="patient-form-heading">
      <h1 id="patient-form-heading">{patient ? t('patientForm.editHeading') : t('patientForm.newHeading')}</h1>
      <form
        className="form"
        noValidate
        onSubmit={onSubmit}
        onKeyDown={(e) => {
          if (e.key === 'Escape') navigate(cancelTo);
        }}
      >
        {duplicate ? (
          // Said here rather than with the back end's sentence, which cannot hold a link and a button. The same
          // names and date of birth are what made it a duplicate, so the typed ones name the patient found.
          <div className="error-box duplicate-patient" role="alert">
            <Trans
              i18nKey="patientForm.duplicate"
              values={{ name: patientDisplayName(duplicate.values), date: formatDate(duplicate.values.dateOfBirth) }}
              components={[<a key="open" href={href.patient(duplicate.id)} />, <button key="anyway" type="button" onClick={() => void save(duplicate.values, true)} />]}
            />
          </div>
        ) : formError ? (
          <div className="error-box" role="alert">
            {formError}
          </div>
        ) : null}
        <Field label={t('patientForm.familyName')} error={errors.familyName?.message}>
          {(a) => <input {...a} autoFocus autoComplete="off" {...register('familyName')} />}
        </Field>
        <Field label={t('patientForm.givenNames')} error={errors.givenNames?.message}>
          {(a) => <input {...a} autoComplete="off" {...register('givenNames')} />}
        </Field>
        <Field label={t('patientForm.clinicId')} hint={t('patientForm.clinicIdHint')} error={errors.clinicId?.message}>
          {(a) => <input {...a} autoComplete="off" {...register('clinicId')} />}
        </Field>
        <DateField label={t('patientForm.dateOfBirth')} registration={register('dateOfBirth')} error={errors.dateOfBirth?.message} />
        <Field label={t('patientForm.sex')} error={errors.sex?.message}>
          {(a) => (
            <select {...a} {...register('sex')}>
              <option value="">{t('patientForm.choose')}</option>
              {SEXES.map((s) => (
                <option key={s} value={s}>
                  {t(`sex.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <PatientLanguageField registration={register('documentLanguage', LANGUAGE_CHOICE)} error={errors.documentLanguage?.message} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={formState.isSubmitting}>
            {patient ? t('patientForm.saveChanges') : t('patientForm.savePatient')}
          </button>
          <a className="button" href={cancelTo}>
            {t('patientForm.cancel')}
          </a>
          <span className="keys-hint">{t('patientForm.keysHint')}</span>
        </div>
      </form>
    </section>
  );
}
