import { useState } from 'react';
import { PAPER_SIZES } from '../../../shared/domain/clinic';
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
  const { setState } = useSession();
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
      <h1>Welcome to ROMtrack</h1>
      <p>Before the first patient, tell ROMtrack which clinic this is and who you are. Everything can be changed later in Settings.</p>
      <form className="form" noValidate onSubmit={onSubmit}>
        {formError ? (
          <div className="error-box" role="alert">
            {formError}
          </div>
        ) : null}
        <fieldset>
          <legend>Clinic</legend>
          <Field label="Clinic name" error={e.clinic?.name?.message}>
            {(a) => <input {...a} autoFocus {...register('clinic.name')} />}
          </Field>
          <Field label="Address" hint="Printed on reports." error={e.clinic?.address?.message}>
            {(a) => <textarea {...a} rows={2} {...register('clinic.address')} />}
          </Field>
          <Field label="Phone" error={e.clinic?.phone?.message}>
            {(a) => <input {...a} {...register('clinic.phone')} />}
          </Field>
          <Field label="Paper size for reports" error={e.clinic?.paperSize?.message}>
            {(a) => (
              <select {...a} {...register('clinic.paperSize')}>
                {PAPER_SIZES.map((p) => (
                  <option key={p}>{p}</option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>
        <fieldset>
          <legend>First therapist (you, the administrator)</legend>
          <Field label="Therapist name" error={e.therapist?.name?.message}>
            {(a) => <input {...a} autoComplete="name" {...register('therapist.name')} />}
          </Field>
          <Field label="Professional title" hint="For example Physiotherapist." error={e.therapist?.title?.message}>
            {(a) => <input {...a} {...register('therapist.title')} />}
          </Field>
          <Field label="Registration number" error={e.therapist?.registrationNumber?.message}>
            {(a) => <input {...a} {...register('therapist.registrationNumber')} />}
          </Field>
          <Field label="Initials" hint="Left empty, they are made from the name." error={e.therapist?.initials?.message}>
            {(a) => <input {...a} size={5} {...register('therapist.initials')} />}
          </Field>
        </fieldset>
        <fieldset>
          <legend>Your PIN or password</legend>
          <p className="field-hint">You sign in with it at every start and after the screen locks. Keep it to yourself.</p>
          <NewCredentialFields
            label="PIN or password"
            inputs={{ credential: register('credential'), again: register('again') }}
            errors={{ credential: e.credential?.message, again: e.again?.message }}
          />
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={formState.isSubmitting}>
            Start using ROMtrack
          </button>
        </div>
      </form>
    </main>
  );
}
