import { useTranslation } from 'react-i18next';

/** Save and Cancel at the end of a form: Save is the default (Enter), Cancel does what Escape does. */
export function FormActions({ submitLabel, busy, onCancel }: { submitLabel: string; busy: boolean; onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
      <button type="button" onClick={onCancel}>
        {t('forms.cancel')}
      </button>
    </div>
  );
}
