import type { UseFormReturn } from 'react-hook-form';
import type { Therapist } from '../../../shared/domain/therapist';
import { END_FEELS, END_FEEL_LABELS, INSTRUMENTS, INSTRUMENT_LABELS, VISIT_SETTINGS, VISIT_SETTING_LABELS } from '../../../shared/domain/visit';
import { Field } from '../forms/Field';
import { SYMPTOM_FIELDS, type VisitFormValues } from './visit-form-model';

/** The visit's own facts, above the grid: when, who, where, how the patient is, and the defaults each measurement inherits. */
export function VisitHeaderFields({ form, therapists }: { form: UseFormReturn<VisitFormValues>; therapists: Therapist[] }) {
  const { register, formState } = form;
  const e = formState.errors;
  return (
    <>
      <div className="field-row">
        <Field label="Visit date" hint="YYYY-MM-DD" error={e.date?.message}>
          {(a) => <input {...a} autoFocus size={11} autoComplete="off" {...register('date')} />}
        </Field>
        <Field label="Therapist" error={e.therapistId?.message}>
          {(a) => (
            <select {...a} {...register('therapistId')}>
              {therapists.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Setting" error={e.setting?.message}>
          {(a) => (
            <select {...a} {...register('setting')}>
              {VISIT_SETTINGS.map((s) => (
                <option key={s} value={s}>
                  {VISIT_SETTING_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset className="symptoms">
        <legend>Symptoms</legend>
        <div className="checkbox-row">
          {SYMPTOM_FIELDS.map(([name, label]) => (
            <label key={name} className="choice">
              <input type="checkbox" {...register(`symptoms.${name}`)} />
              {label}
            </label>
          ))}
        </div>
        <Field label="Pain (0-10)" hint="0 none, 10 worst imaginable; empty if not asked." error={e.symptoms?.pain?.message}>
          {(a) => <input {...a} size={3} autoComplete="off" {...register('symptoms.pain')} />}
        </Field>
      </fieldset>
      <Field label="Notes" error={e.notes?.message}>
        {(a) => <textarea {...a} rows={2} {...register('notes')} />}
      </Field>
      <fieldset>
        <legend>Defaults for every measurement</legend>
        <div className="field-row">
          <Field label="Default instrument" error={e.defaults?.instrument?.message}>
            {(a) => (
              <select {...a} {...register('defaults.instrument')}>
                {INSTRUMENTS.map((i) => (
                  <option key={i} value={i}>
                    {INSTRUMENT_LABELS[i]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Default end-feel" error={e.defaults?.endFeel?.message}>
            {(a) => (
              <select {...a} {...register('defaults.endFeel')}>
                <option value="">Not recorded</option>
                {END_FEELS.map((f) => (
                  <option key={f} value={f}>
                    {END_FEEL_LABELS[f]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </fieldset>
    </>
  );
}
