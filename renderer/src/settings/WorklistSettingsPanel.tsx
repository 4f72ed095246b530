import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ApiError } from '../../../shared/api/errors';
import type { WorklistSettingsRecord } from '../../../shared/api/operations/worklist';
import { todayLocal } from '../../../shared/domain/dates';
import { WorklistSettingsInput, type WorklistSettings } from '../../../shared/worklist/settings';
import { call } from '../api/client';
import { useOperation } from '../api/use-operation';
import { Field } from '../forms/Field';
import { translatedFieldMessages } from '../forms/schema-form';
import { useMessageText } from '../i18n/use-message-text';
import { useApiErrorText } from '../api/failure';
import { ErrorMessage, Loading } from '../layout/Status';
import { useFormatDate, useFormatter } from '../session/session-context';
import './worklist-settings.css';

type Key = keyof WorklistSettings;
const KEYS: readonly Key[] = ['weeklyFromWeek', 'weeklyUntilWeek', 'monthlyUntilWeek', 'alpUpperLimit'];

/** Each box's label and the unit or consequence under it. */
function fieldWords(t: TFunction, key: Key): { label: string; unit: string } {
  switch (key) {
    case 'weeklyFromWeek':
      return { label: t('worklistSettings.weeklyFrom'), unit: t('worklistSettings.weeklyFromUnit') };
    case 'weeklyUntilWeek':
      return { label: t('worklistSettings.weeklyUntil'), unit: t('worklistSettings.weeklyUntilUnit') };
    case 'monthlyUntilWeek':
      return { label: t('worklistSettings.monthlyUntil'), unit: t('worklistSettings.monthlyUntilUnit') };
    case 'alpUpperLimit':
      return { label: t('worklistSettings.alpLimit'), unit: t('worklistSettings.alpLimitUnit') };
  }
}

const textOf = (s: WorklistSettings): Record<Key, string> => ({
  weeklyFromWeek: String(s.weeklyFromWeek),
  weeklyUntilWeek: String(s.weeklyUntilWeek),
  monthlyUntilWeek: String(s.monthlyUntilWeek),
  alpUpperLimit: String(s.alpUpperLimit),
});

/**
 * The worklist's settings: when a site at risk is due to be measured again, and the laboratory's ALP limit.
 * Checked as typed with the back end's own schema; each default is shown with where it comes from.
 * (Add <WorklistSettingsPanel /> to SettingsPage.tsx.)
 */
export function WorklistSettingsPanel() {
  const [settings] = useOperation('worklist.settings', {});
  // Kept here, not in the form: the form is drawn afresh for each saved version, the confirmation stays.
  const [saved, setSaved] = useState<string | null>(null);
  const { t } = useTranslation();
  if (settings.state === 'loading') return <Loading what={t('worklistSettings.loadingWhat')} />;
  if (settings.state === 'error') return <ErrorMessage error={settings.error} retry={settings.retry} />;
  return (
    <SettingsForm
      key={settings.value.version}
      current={settings.value}
      saved={saved}
      // A save has already refreshed the settings (api/client.ts); the new version draws the form afresh.
      onSaved={setSaved}
    />
  );
}

function SettingsForm({ current, saved, onSaved }: { current: WorklistSettingsRecord; saved: string | null; onSaved(message: string | null): void }) {
  const formatDate = useFormatDate();
  const { number } = useFormatter();
  const { t } = useTranslation();
  const say = useMessageText();
  const errorText = useApiErrorText();
  const [text, setText] = useState(textOf(current));
  const [serverError, setServerError] = useState<ApiError | null>(null);

  const values = Object.fromEntries(KEYS.map((key) => [key, text[key].trim() === '' ? undefined : Number(text[key])]));
  const parsed = WorklistSettingsInput.safeParse(values);
  const serverFields = serverError ? Object.fromEntries(Object.keys(serverError.fields ?? {}).map((field) => [field, errorText(serverError, field)])) : {};
  const errors: Partial<Record<string, string>> = parsed.success ? serverFields : translatedFieldMessages(parsed.error, say);
  const changed = KEYS.some((key) => text[key].trim() !== String(current[key]));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!parsed.success || !changed) return;
    const r = await call('worklist.setSettings', { version: current.version, ...parsed.data });
    if (!r.ok) {
      setServerError(r.error);
      return;
    }
    setServerError(null);
    onSaved(t('worklistSettings.saved'));
  }

  return (
    <section className="panel" aria-labelledby="worklist-settings-heading">
      <h2 id="worklist-settings-heading">{t('worklistSettings.heading')}</h2>
      <p className="form-intro">
        {current.version === 0
          ? t('worklistSettings.usesDefaults')
          : current.setAt
            ? t('worklistSettings.setByOn', { name: current.setByName ?? t('worklistSettings.someoneNotRecorded'), date: formatDate(todayLocal(new Date(current.setAt))) })
            : t('worklistSettings.setBy', { name: current.setByName ?? t('worklistSettings.someoneNotRecorded') })}{' '}
        {t('worklistSettings.defaults', {
          from: current.defaults.weeklyFromWeek,
          until: current.defaults.weeklyUntilWeek,
          monthlyUntil: current.defaults.monthlyUntilWeek,
          alp: number(current.defaults.alpUpperLimit),
        })}
      </p>
      <form className="form worklist-settings-form" onSubmit={(e) => void submit(e)} aria-label={t('worklistSettings.formLabel')}>
        <div className="field-row">
          {KEYS.map((key) => (
            <Field key={key} label={fieldWords(t, key).label} hint={fieldWords(t, key).unit} error={errors[key]}>
              {(props) => (
                <input
                  {...props}
                  inputMode="decimal"
                  size={6}
                  value={text[key]}
                  onChange={(e) => {
                    if (saved) onSaved(null);
                    setServerError(null);
                    setText({ ...text, [key]: e.target.value });
                  }}
                />
              )}
            </Field>
          ))}
        </div>
        <p className="field-hint">{t('worklistSettings.source.schedule')}</p>
        <p className="field-hint">{t('worklistSettings.source.alpUpperLimit')}</p>
        {serverError && !serverError.fields ? (
          <p className="error-box" role="alert">
            {errorText(serverError)}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!parsed.success || !changed}>
            {t('worklistSettings.save')}
          </button>
          <span role="status" className="muted">
            {saved}
          </span>
        </div>
      </form>
    </section>
  );
}
