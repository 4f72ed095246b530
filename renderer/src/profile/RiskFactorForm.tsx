import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RISK_FACTORS, RiskFactorInput, type RiskFactor, type RiskFactorKind } from '../../../shared/domain/ho';
import { call } from '../api/client';
import { DateField, useDateBoxes } from '../forms/DateField';
import { Field } from '../forms/Field';
import { applyServerErrors, useMappedForm } from '../forms/schema-form';
import { RecordForm } from '../forms/RecordForm';
import { FormActions } from '../forms/FormActions';
import { useProfileWords } from './profile-words';

interface RiskFactorValues {
  kind: RiskFactorKind | '';
  onsetDate: string;
  note: string;
}

/** An empty date box means "date not known", which the schema takes as null. */
const toInput = (patientId: string) => (v: RiskFactorValues) => ({ patientId, kind: v.kind, onsetDate: v.onsetDate.trim() || null, note: v.note });

export function RiskFactorForm({ patientId, onDone }: { patientId: string; onDone(saved: RiskFactor | null): void }) {
  const { t } = useTranslation();
  const words = useProfileWords();
  const dates = useDateBoxes('onsetDate');
  const form = useMappedForm(RiskFactorInput, { kind: '', onsetDate: '', note: '' }, toInput(patientId), dates);
  const { register, formState } = form;
  const e = formState.errors;
  const [formError, setFormError] = useState<string | null>(null);
  const submit = form.handleSubmit(async (v) => {
    const r = await call('riskFactors.add', v);
    if (r.ok) onDone(r.value);
    else setFormError(applyServerErrors(form, r.error, ['kind', 'onsetDate', 'note']));
  });
  return (
    <RecordForm label={t('profile.risk.add')} onSubmit={submit} onCancel={() => onDone(null)} error={formError}>
      <div className="field-row">
        <Field label={t('profile.risk.factor')} error={e.kind?.message}>
          {(a) => (
            <select {...a} autoFocus {...register('kind')}>
              <option value="">{t('profile.choose')}</option>
              {RISK_FACTORS.map((k) => (
                <option key={k} value={k}>
                  {words.riskFactor(k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <DateField label={t('profile.date')} note={t('profile.risk.dateNote')} registration={register('onsetDate')} error={e.onsetDate?.message} />
      </div>
      <Field label={t('profile.note')} error={e.note?.message}>
        {(a) => <input {...a} autoComplete="off" {...register('note')} />}
      </Field>
      <FormActions submitLabel={t('profile.risk.submit')} busy={formState.isSubmitting} onCancel={() => onDone(null)} />
    </RecordForm>
  );
}
