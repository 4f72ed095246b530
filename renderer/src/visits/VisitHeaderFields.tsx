import { useId } from 'react';
import type { FieldError, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Therapist } from '../../../shared/domain/therapist';
import { VISIT_SETTINGS, type Visit } from '../../../shared/domain/visit';
import { EndFeelOptions, InstrumentOptions } from './ReadingOptions';
import { useDateHint, useDatePattern } from '../forms/DateField';
import { Field } from '../forms/Field';
import { SYMPTOM_FIELDS, type VisitFormValues } from './visit-form-model';
import { useVisitWords } from './visit-words';

type Form = UseFormReturn<VisitFormValues>;

/**
 * The visit's own facts on one compact line above the grid: when, who, where, and the instrument and end-feel
 * every measurement inherits. Their messages go in one line reserved under it, so a message never pushes the
 * fields sideways or the grid down.
 */
export function VisitHeaderFields({ form, therapists, adding }: { form: Form; therapists: Therapist[]; adding: Visit | null }) {
  const { register, formState } = form;
  const { t } = useTranslation();
  const words = useVisitWords();
  const e = formState.errors;
  const id = useId();
  const datePattern = useDatePattern();
  const dateHint = useDateHint();
  const fields: [string, string, FieldError | undefined][] = [
    ['date', t('visits.date'), e.date],
    ['therapist', adding ? t('visits.measuredBy') : t('visits.therapist'), e.therapistId],
    ['setting', t('visits.settingLabel'), e.setting],
    ['instrument', t('visits.defaultInstrument'), e.defaults?.instrument],
    ['endFeel', t('visits.defaultEndFeel'), e.defaults?.endFeel],
  ];
  const a = (name: string) => {
    const error = fields.find(([n]) => n === name)?.[2]?.message;
    const describedBy = [name === 'date' ? `${id}-date-hint` : null, error ? `${id}-${name}-error` : null].filter(Boolean).join(' ');
    return {
      id: `${id}-${name}`,
      'aria-invalid': Boolean(error),
      ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      className: error ? 'invalid' : undefined,
    };
  };
  return (
    <div className="visit-header">
      <div className="visit-header-fields">
        <div className="hfield">
          <label htmlFor={`${id}-date`}>{t('visits.date')}</label>
          {/* Adding to a visit: its date is the visit's; a visit on another day is a visit of its own. */}
          <input {...a('date')} size={11} autoComplete="off" spellCheck={false} placeholder={datePattern} readOnly={adding !== null} {...register('date')} />
          <span id={`${id}-date-hint`} className="visually-hidden">
            {dateHint}
          </span>
        </div>
        <div className="hfield">
          {/* A reading added later is the adding therapist's: the rater, not the visit's therapist. */}
          <label htmlFor={`${id}-therapist`}>{adding ? t('visits.measuredBy') : t('visits.therapist')}</label>
          <select {...a('therapist')} {...register('therapistId')}>
            {therapists.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        {adding ? (
          <div className="hfield">
            <span className="hfield-label">{t('visits.settingLabel')}</span>
            <span className="hfield-value">{words.setting(adding.setting)}</span>
          </div>
        ) : (
          <div className="hfield">
            <label htmlFor={`${id}-setting`}>{t('visits.settingLabel')}</label>
            <select {...a('setting')} {...register('setting')}>
              {VISIT_SETTINGS.map((s) => (
                <option key={s} value={s}>
                  {words.setting(s)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="hfield">
          <label htmlFor={`${id}-instrument`}>{t('visits.defaultInstrument')}</label>
          <select {...a('instrument')} {...register('defaults.instrument')}>
            <InstrumentOptions />
          </select>
        </div>
        <div className="hfield">
          <label htmlFor={`${id}-endFeel`}>{t('visits.defaultEndFeel')}</label>
          <select {...a('endFeel')} {...register('defaults.endFeel')}>
            <option value="">{t('visits.notRecorded')}</option>
            <EndFeelOptions />
          </select>
        </div>
      </div>
      <div className="header-messages">
        {fields.map(([name, label, error]) =>
          error?.message ? (
            <p key={name} className="field-error" id={`${id}-${name}-error`} role="alert" title={error.message}>
              <span aria-hidden="true">⚠ </span>
              <span className="visually-hidden">{label}: </span>
              {error.message}
            </p>
          ) : null,
        )}
      </div>
    </div>
  );
}

/** After the grid: how the patient is (symptoms, pain) and the visit's notes. */
export function VisitSymptomsFields({ form }: { form: Form }) {
  const { register, formState } = form;
  const { t } = useTranslation();
  const words = useVisitWords();
  const e = formState.errors;
  return (
    <div className="visit-after-grid">
      <fieldset className="symptoms">
        <legend>{t('visits.symptoms')}</legend>
        <div className="checkbox-row">
          {SYMPTOM_FIELDS.map((name) => (
            <label key={name} className="choice">
              <input type="checkbox" {...register(`symptoms.${name}`)} />
              {words.symptom(name)}
            </label>
          ))}
        </div>
        <Field label={t('visits.pain')} hint={t('visits.painHint')} error={e.symptoms?.pain?.message}>
          {(a) => <input {...a} size={3} autoComplete="off" {...register('symptoms.pain')} />}
        </Field>
      </fieldset>
      <Field label={t('visits.notes')} error={e.notes?.message}>
        {(a) => <textarea {...a} rows={2} {...register('notes')} />}
      </Field>
    </div>
  );
}
