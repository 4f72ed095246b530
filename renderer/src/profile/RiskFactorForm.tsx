import { useState } from 'react';
import { RISK_FACTORS, RISK_FACTOR_LABELS, RiskFactorInput, type RiskFactor, type RiskFactorKind } from '../../../shared/domain/ho';
import { call } from '../api/client';
import { DateField, useDateBoxes } from '../forms/DateField';
import { Field } from '../forms/Field';
import { applyServerErrors, useMappedForm } from '../forms/schema-form';
import { RecordForm } from '../forms/RecordForm';
import { FormActions } from '../forms/FormActions';

interface RiskFactorValues {
  kind: RiskFactorKind | '';
  onsetDate: string;
  note: string;
}

/** An empty date box means "date not known", which the schema takes as null. */
const toInput = (patientId: string) => (v: RiskFactorValues) => ({ patientId, kind: v.kind, onsetDate: v.onsetDate.trim() || null, note: v.note });

export function RiskFactorForm({ patientId, onDone }: { patientId: string; onDone(saved: RiskFactor | null): void }) {
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
    <RecordForm label="Add a risk factor" onSubmit={submit} onCancel={() => onDone(null)} error={formError}>
      <div className="field-row">
        <Field label="Risk factor" error={e.kind?.message}>
          {(a) => (
            <select {...a} autoFocus {...register('kind')}>
              <option value="">Choose…</option>
              {RISK_FACTORS.map((k) => (
                <option key={k} value={k}>
                  {RISK_FACTOR_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <DateField label="Date" note="Empty if not known." registration={register('onsetDate')} error={e.onsetDate?.message} />
      </div>
      <Field label="Note" error={e.note?.message}>
        {(a) => <input {...a} autoComplete="off" {...register('note')} />}
      </Field>
      <FormActions submitLabel="Add risk factor" busy={formState.isSubmitting} onCancel={() => onDone(null)} />
    </RecordForm>
  );
}
