import { useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { validateDegrees } from '../../../shared/domain/catalogue/measurement-value';
import { MeasurementCorrection, type EndFeel, type Instrument, type Measurement } from '../../../shared/domain/visit';
import { EndFeelOptions, InstrumentOptions } from '../visits/ReadingOptions';
import { call } from '../api/client';
import { numberFromText, textFromNumber } from '../clinical/format';
import { Field } from '../forms/Field';
import { applyServerErrors, nestErrors, translatedFieldMessages } from '../forms/schema-form';
import { useMessageText, type MessageText } from '../i18n/use-message-text';
import { RecordForm } from '../forms/RecordForm';
import { FormActions } from '../forms/FormActions';

interface CorrectionValues {
  degrees: string;
  instrument: Instrument;
  endFeel: EndFeel | '';
  pain: string;
  note: string;
  reason: string;
}

const FIELDS = ['degrees', 'instrument', 'endFeel', 'pain', 'note', 'reason'];

function toInput(m: Measurement, v: CorrectionValues) {
  return { id: m.id, reason: v.reason, degrees: numberFromText(v.degrees), instrument: v.instrument, endFeel: v.endFeel || null, pain: numberFromText(v.pain) as number | null, note: v.note };
}

/**
 * The back end's schema for a correction, plus its check of the angle against this motion's range
 * (validateDegrees), both at once so every message shows together rather than one after the other.
 */
function correctionResolver(m: Measurement, say: MessageText): Resolver<CorrectionValues> {
  return (values) => {
    const input = toInput(m, values);
    const parsed = MeasurementCorrection.safeParse(input);
    const flat = parsed.success ? {} : translatedFieldMessages(parsed.error, say);
    const degrees = validateDegrees(m.motion, input.degrees);
    if (!degrees.ok) flat.degrees ??= say(degrees.ref);
    return Object.keys(flat).length === 0 ? { values, errors: {} } : { values: {}, errors: nestErrors<CorrectionValues>(flat) };
  };
}

/** A correction never edits: it saves a new version that supersedes this one, with the reason required. */
export function MeasurementCorrectionForm({ measurement: m, label, onDone }: { measurement: Measurement; label: string; onDone(saved: boolean): void }) {
  const { t } = useTranslation();
  const say = useMessageText();
  const form = useForm<CorrectionValues>({
    resolver: correctionResolver(m, say),
    defaultValues: { degrees: String(m.degrees), instrument: m.instrument, endFeel: m.endFeel ?? '', pain: textFromNumber(m.pain), note: m.note ?? '', reason: '' },
    mode: 'onChange',
    reValidateMode: 'onChange',
  });
  const { register, formState } = form;
  const e = formState.errors;
  const [formError, setFormError] = useState<string | null>(null);
  const submit = form.handleSubmit(async (v) => {
    const r = await call('measurements.correct', toInput(m, v));
    if (r.ok) onDone(true);
    else setFormError(applyServerErrors(form, r.error, FIELDS));
  });
  return (
    <RecordForm label={t('timeline.correctWhat', { what: label })} onSubmit={submit} onCancel={() => onDone(false)} error={formError}>
      <div className="field-row">
        <Field label={t('timeline.correction.value')} error={e.degrees?.message}>
          {(a) => <input {...a} autoFocus size={5} autoComplete="off" {...register('degrees')} />}
        </Field>
        <Field label={t('visits.details.instrument')} error={e.instrument?.message}>
          {(a) => (
            <select {...a} {...register('instrument')}>
              <InstrumentOptions />
            </select>
          )}
        </Field>
        <Field label={t('visits.details.endFeel')} error={e.endFeel?.message}>
          {(a) => (
            <select {...a} {...register('endFeel')}>
              <option value="">{t('visits.notRecorded')}</option>
              <EndFeelOptions />
            </select>
          )}
        </Field>
        <Field label={t('visits.details.painEnd')} error={e.pain?.message}>
          {(a) => <input {...a} size={3} autoComplete="off" {...register('pain')} />}
        </Field>
      </div>
      <Field label={t('visits.details.note')} error={e.note?.message}>
        {(a) => <input {...a} autoComplete="off" {...register('note')} />}
      </Field>
      <Field label={t('timeline.correction.reason')} hint={t('timeline.correction.reasonHint')} error={e.reason?.message}>
        {(a) => <input {...a} autoComplete="off" {...register('reason')} />}
      </Field>
      <FormActions submitLabel={t('timeline.correction.save')} busy={formState.isSubmitting} onCancel={() => onDone(false)} />
    </RecordForm>
  );
}
