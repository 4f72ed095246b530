import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAPER_SIZES } from '../../../shared/domain/clinic';
import { useScreenTitle } from '../layout/use-screen-title';
import { SetupInput } from '../../../shared/api/operations/settings';
import { call } from '../api/client';
import { applyServerErrors, useSchemaForm } from '../forms/schema-form';
import { Field } from '../forms/Field';
import { href, navigate } from '../router';
import { AGAIN, AGAIN_ISSUE, sameTwice, withoutAgain } from './credential-form';
import { useSession } from './session-context';
import { NewCredentialFields } from './NewCredentialFields';

const SetupForm = SetupInput.extend(AGAIN).refine(sameTwice('credential'), AGAIN_ISSUE);


const FIELDS = ['clinic.name', 'clinic.address', 'clinic.phone', 'clinic.paperSize', 'therapist.name', 'therapist.title', 'therapist.registrationNumber', 'therapist.initials', 'credential'];

/**
 * First run: the clinic's name and the first therapist, the least needed to record anything. That person is the
 * clinic's administrator and chooses their PIN or password here; they add the others in Settings.
 */
export function SetupScreen() {
  const { t } = useTranslation();
  const { setState } = useSession();
  useScreenTitle(t('session.setup.title'));
  const form = useSchemaForm(SetupForm, {
    clinic: { name: '', address: '', phone: '', paperSize: 'A4' },
    therapist: { name: '', title: '', registrationNumber: '', initials: '' },
    credential: '',
    again: '',
  });
  const { register, formState } = form;
  const e = formState.errors;
  const [formError, setFormError] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(async (values) => {
    const r = await call('setup.complete', withoutAgain(values));
    if (r.ok) {
      // A new clinic has no patients, so nothing on the worklist: start where the first one is added (or the
      // sample patients loaded). Every later start opens on the worklist.
      navigate(href.patients());
      setState(r.value);
    }
    else setFormError(applyServerErrors(form, r.error, FIELDS));
  });

  return (
    <main id="main" className="setup">
      <h1>{t('session.setup.heading')}</h1>
      <p>{t('session.setup.intro')}</p>
      <form className="form" noValidate onSubmit={onSubmit}>
        {formError ? (
          <div className="error-box" role="alert">
            {formError}
          </div>
        ) : null}
        <fieldset>
          <legend>{t('session.setup.clinic')}</legend>
          <Field label={t('session.setup.clinicName')} error={e.clinic?.name?.message}>
            {(a) => <input {...a} autoFocus {...register('clinic.name')} />}
          </Field>
          <Field label={t('session.setup.address')} hint={t('session.setup.addressHint')} error={e.clinic?.address?.message}>
            {(a) => <textarea {...a} rows={2} {...register('clinic.address')} />}
          </Field>
          <Field label={t('session.setup.phone')} error={e.clinic?.phone?.message}>
            {(a) => <input {...a} {...register('clinic.phone')} />}
          </Field>
          <Field label={t('session.setup.paperSize')} error={e.clinic?.paperSize?.message}>
            {(a) => (
              <select {...a} {...register('clinic.paperSize')}>
                {PAPER_SIZES.map((p) => (
                  <option key={p} value={p}>
                    {p === 'A4' ? t('session.setup.paperA4') : t('session.setup.paperLetter')}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t('session.setup.therapist')}</legend>
          <Field label={t('session.setup.therapistName')} error={e.therapist?.name?.message}>
            {(a) => <input {...a} autoComplete="name" {...register('therapist.name')} />}
          </Field>
          <Field label={t('session.setup.professionalTitle')} hint={t('session.setup.professionalTitleHint')} error={e.therapist?.title?.message}>
            {(a) => <input {...a} {...register('therapist.title')} />}
          </Field>
          <Field label={t('session.setup.registrationNumber')} error={e.therapist?.registrationNumber?.message}>
            {(a) => <input {...a} {...register('therapist.registrationNumber')} />}
          </Field>
          <Field label={t('session.setup.initials')} hint={t('session.setup.initialsHint')} error={e.therapist?.initials?.message}>
            {(a) => <input {...a} size={5} {...register('therapist.initials')} />}
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t('session.setup.credentialLegend')}</legend>
          <p className="field-hint">{t('session.setup.credentialHint')}</p>
          <NewCredentialFields
            label={t('session.credential')}
            inputs={{ credential: register('credential'), again: register('again') }}
            errors={{ credential: e.credential?.message, again: e.again?.message }}
          />
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={formState.isSubmitting}>
            {t('session.setup.submit')}
          </button>
        </div>
      </form>
    </main>
  );
}
