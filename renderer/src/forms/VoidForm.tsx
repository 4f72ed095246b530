import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/errors';
import { VoidInput } from '../../../shared/domain/record-meta';
import { applyServerErrors, useMappedForm, type BoxesOf } from './schema-form';
import { Field } from './Field';
import { RecordForm } from './RecordForm';
import { FormActions } from './FormActions';

interface VoidFormProps {
  /** The version being voided; the schema needs it, the person never sees it. */
  id: string;
  /** Names what is voided, for the form's accessible name: "Void Right elbow flexion, active". */
  what: string;
  onSubmit(reason: string): Promise<ApiError | null>;
  onDone(saved: boolean): void;
}

/** Voiding asks why, with the back end's own rule (VoidInput): the reason stays in the record's history. */
export function VoidForm({ id, what, onSubmit, onDone }: VoidFormProps) {
  const { t } = useTranslation();
  const form = useMappedForm(VoidInput, { reason: '' }, (v: BoxesOf<typeof VoidInput, 'id'>) => ({ id, reason: v.reason }));
  const [formError, setFormError] = useState<string | null>(null);
  const submit = form.handleSubmit(async (values) => {
    const error = await onSubmit(values.reason);
    if (!error) onDone(true);
    else setFormError(applyServerErrors(form, error, ['reason']));
  });
  return (
    <RecordForm
      label={t('forms.void.label', { what })}
      intro={t('forms.void.intro')}
      onSubmit={submit}
      onCancel={() => onDone(false)}
      error={formError}
    >
      <Field label={t('forms.void.reason')} error={form.formState.errors.reason?.message}>
        {(a) => <input {...a} autoFocus autoComplete="off" {...form.register('reason')} />}
      </Field>
      <FormActions submitLabel={t('forms.void.submit')} busy={form.formState.isSubmitting} onCancel={() => onDone(false)} />
    </RecordForm>
  );
}
