import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useForm, type Resolver } from 'react-hook-form';
import type { ApiError } from '../../../shared/api/errors';
import type { ThresholdEntry } from '../../../shared/api/operations/thresholds';
import { thresholdOverrideSchema } from '../../../shared/domain/thresholds';
import { call } from '../api/client';
import { Field } from '../forms/Field';
import { RecordForm } from '../forms/RecordForm';
import { applyServerErrors, nestErrors, translatedFieldMessages } from '../forms/schema-form';
import { useMessageText, type MessageText } from '../i18n/use-message-text';
import { SLOTS, changesOf, instrumentOf, savedMessage, typedDegrees, valuesOf, type SlotChange, type ThresholdValues } from './threshold-model';
import { useThresholdWords } from './threshold-words';

/**
 * Each filled box is checked with the back end's own schema (thresholdOverrideSchema) as typed; an empty box
 * is no value of the clinic's, which is always valid.
 */
function thresholdResolver(entry: ThresholdEntry, say: MessageText): Resolver<ThresholdValues> {
  return (values) => {
    const flat: Record<string, string> = {};
    for (const slot of SLOTS) {
      const degrees = typedDegrees(values[slot]);
      if (degrees === null) continue;
      const parsed = thresholdOverrideSchema.safeParse({ motion: entry.motion, instrument: instrumentOf(slot), degrees });
      if (!parsed.success) flat[slot] = Object.values(translatedFieldMessages(parsed.error, say))[0]!;
    }
    return Object.keys(flat).length === 0 ? { values, errors: {} } : { values: {}, errors: nestErrors<ThresholdValues>(flat) };
  };
}

interface ThresholdFormProps {
  entry: ThresholdEntry;
  /** Called with the confirmation to show, or null when cancelled. */
  onDone(message: string | null): void;
}

/** The clinic's thresholds of one motion, one box per instrument; Enter saves, Escape cancels. */
export function ThresholdForm({ entry, onDone }: ThresholdFormProps) {
  const say = useMessageText();
  const form = useForm<ThresholdValues>({ resolver: thresholdResolver(entry, say), defaultValues: valuesOf(entry), mode: 'onChange', reValidateMode: 'onChange' });
  const { register, formState } = form;
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation();
  const words = useThresholdWords();
  const name = words.entryName(entry);
  const fallback = words.degrees(entry.catalogueDefault.degrees);

  /**
   * The calls run one by one; the first refusal stops them and shows its message on its box. Each one saved has
   * already refreshed the list (api/client.ts), so changes saved before a refusal show.
   */
  async function apply(changes: readonly SlotChange[]): Promise<boolean> {
    for (const c of changes) {
      const target = { motion: entry.motion, instrument: instrumentOf(c.slot) };
      const r = c.degrees === null ? await call('thresholds.clear', target) : await call('thresholds.set', { ...target, degrees: c.degrees as number });
      if (!r.ok) {
        const degreesMessage = r.error.fields?.degrees;
        // Its id too, so the box's message is in the screen's language.
        const degreesRef = r.error.fieldRefs?.degrees;
        const error: ApiError = degreesMessage ? { ...r.error, fields: { [c.slot]: degreesMessage }, ...(degreesRef ? { fieldRefs: { [c.slot]: degreesRef } } : {}) } : r.error;
        setFormError(applyServerErrors(form, error, SLOTS));
        return false;
      }
    }
    return true;
  }

  const submit = form.handleSubmit(async (values) => {
    const changes = changesOf(entry, values);
    setBusy(true);
    const ok = await apply(changes);
    setBusy(false);
    if (ok) onDone(savedMessage(entry, changes, words));
  });

  async function resetToDefault() {
    setBusy(true);
    const ok = await apply(entry.overrides.map((o): SlotChange => ({ slot: o.instrument ?? 'any', degrees: null })));
    setBusy(false);
    if (ok) onDone(t('thresholdForm.resetDone', { name, fallback }));
  }

  return (
    <RecordForm
      label={t('thresholdForm.label', { name: words.lower(name) })}
      // The source is the catalogue's reference note, quoted as written (in English).
      intro={t('thresholdForm.intro', { fallback, source: entry.catalogueDefault.source })}
      onSubmit={submit}
      onCancel={() => onDone(null)}
      error={formError}
    >
      <p className="field-hint">{t('thresholdForm.emptyBox', { fallback })}</p>
      <div className="field-row threshold-boxes">
        {SLOTS.map((slot, i) => (
          <Field key={slot} label={t('thresholdForm.boxLabel', { slot: words.slot(slot) })} error={formState.errors[slot]?.message}>
            {(a) => <input {...a} autoFocus={i === 0} size={4} inputMode="decimal" autoComplete="off" {...register(slot)} />}
          </Field>
        ))}
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('thresholdForm.save')}
        </button>
        {entry.overrides.length > 0 ? (
          <button type="button" disabled={busy} onClick={() => void resetToDefault()}>
            {t('thresholdForm.reset')}
          </button>
        ) : null}
        <button type="button" onClick={() => onDone(null)}>
          {t('thresholdForm.cancel')}
        </button>
        <span className="keys-hint">{t('thresholdForm.keysHint')}</span>
      </div>
    </RecordForm>
  );
}
