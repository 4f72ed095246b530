import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import { fieldMessages } from '../../../shared/api/issues';
import type { WorklistSettingsRecord } from '../../../shared/api/operations/worklist';
import { todayLocal } from '../../../shared/domain/dates';
import { WorklistSettingsInput, type WorklistSettings } from '../../../shared/worklist/settings';
import { call } from '../api/client';
import { useOperation } from '../api/use-operation';
import { Field } from '../forms/Field';
import { ErrorMessage, Loading } from '../layout/Status';
import { useFormatDate } from '../session/session-context';
import './worklist-settings.css';

type Key = keyof WorklistSettings;
const FIELDS: { key: Key; label: string; unit: string }[] = [
  { key: 'weeklyFromWeek', label: 'Weekly from week', unit: 'weeks after the risk event' },
  { key: 'weeklyUntilWeek', label: 'Weekly until week', unit: 'then every 4 weeks' },
  { key: 'monthlyUntilWeek', label: 'Every 4 weeks until week', unit: 'then the schedule ends' },
  { key: 'alpUpperLimit', label: 'ALP upper limit', unit: 'U/L, from the laboratory’s adult range' },
];

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
  if (settings.state === 'loading') return <Loading what="the worklist settings" />;
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
  const [text, setText] = useState(textOf(current));
  const [serverError, setServerError] = useState<ApiError | null>(null);

  const values = Object.fromEntries(FIELDS.map(({ key }) => [key, text[key].trim() === '' ? undefined : Number(text[key])]));
  const parsed = WorklistSettingsInput.safeParse(values);
  const errors: Partial<Record<string, string>> = parsed.success ? { ...serverError?.fields } : fieldMessages(parsed.error);
  const changed = FIELDS.some(({ key }) => text[key].trim() !== String(current[key]));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!parsed.success || !changed) return;
    const r = await call('worklist.setSettings', { version: current.version, ...parsed.data });
    if (!r.ok) {
      setServerError(r.error);
      return;
    }
    setServerError(null);
    onSaved('Worklist settings saved: every due date follows the new schedule.');
  }

  return (
    <section className="panel" aria-labelledby="worklist-settings-heading">
      <h2 id="worklist-settings-heading">Worklist</h2>
      <p className="form-intro">
        {current.version === 0
          ? 'The clinic uses the defaults.'
          : `Set by ${current.setByName ?? 'someone not recorded'}, ${current.setAt ? formatDate(todayLocal(new Date(current.setAt))) : ''}.`}{' '}
        Defaults: weekly from week {current.defaults.weeklyFromWeek} to week {current.defaults.weeklyUntilWeek}, every 4 weeks until week {current.defaults.monthlyUntilWeek}; ALP
        upper limit {current.defaults.alpUpperLimit} U/L.
      </p>
      <form className="form worklist-settings-form" onSubmit={(e) => void submit(e)} aria-label="Worklist settings">
        <div className="field-row">
          {FIELDS.map(({ key, label, unit }) => (
            <Field key={key} label={label} hint={unit} error={errors[key]}>
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
        <p className="field-hint">{current.sources.schedule}</p>
        <p className="field-hint">{current.sources.alpUpperLimit}</p>
        {serverError && !serverError.fields ? (
          <p className="error-box" role="alert">
            {serverError.message}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!parsed.success || !changed}>
            Save worklist settings
          </button>
          <span role="status" className="muted">
            {saved}
          </span>
        </div>
      </form>
    </section>
  );
}
