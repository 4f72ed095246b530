import { useState } from 'react';
import { ImportClinicInput, type ImportClinicReport } from '../../../shared/api/operations/exchange';
import { call } from '../api/client';
import { useOperation } from '../api/use-operation';
import { Field } from '../forms/Field';
import { applyServerErrors, useSchemaForm } from '../forms/schema-form';
import { useMessageText } from '../i18n/use-message-text';
import { Outcome, type OutcomeMessage } from '../layout/Outcome';
import { ExportProgressBar } from './ExportProgressBar';
import { useExchangeWords } from './format';

/** How often the bar asks how far the import is. */
const POLL_MS = 400;

/**
 * A whole clinic's NDJSON file (another workstation's "Export the whole clinic"), read from the computer that
 * holds the database. Checked whole before anything is written; differing patient details are listed with their
 * patient, to be decided by importing that patient's own file. The request stays open while the file goes in; the
 * bar reads exchange.importProgress meanwhile (checking, then writing), and the rest of the app stays usable.
 */
export function ClinicImport() {
  const { t, count, counts } = useExchangeWords();
  const say = useMessageText();
  const form = useSchemaForm(ImportClinicInput, { path: '' });
  const { register, formState } = form;
  const [message, setMessage] = useState<OutcomeMessage>(null);
  const [report, setReport] = useState<ImportClinicReport | null>(null);
  const [started, setStarted] = useState(false);
  // Also picks up an import already running when the page opens (from another window).
  const [progress] = useOperation('exchange.importProgress', {}, { pollEvery: (p) => (started || p.running ? POLL_MS : false) });
  const running = formState.isSubmitting || (progress.state === 'ready' && progress.value.running);

  const submit = form.handleSubmit(async (input) => {
    setMessage(null);
    setReport(null);
    setStarted(true);
    const r = await call('exchange.importClinic', input);
    setStarted(false);
    if (!r.ok) {
      const text = applyServerErrors(form, r.error, ['path']);
      if (text) setMessage({ ok: false, text });
      return;
    }
    setReport(r.value);
    const v = r.value;
    setMessage({
      ok: true,
      text: v.unchanged
        ? t('exchange.clinicImport.unchanged', { patients: count('patients', v.patients) })
        : t('exchange.clinicImport.imported', { patients: count('patients', v.patients), added: counts(v.added) ?? t('exchange.report.nothing') }),
    });
  });

  return (
    <form className="form inline-form" onSubmit={submit} noValidate aria-labelledby="clinic-import-heading">
      <h3 id="clinic-import-heading">{t('exchange.clinicImport.heading')}</h3>
      <p className="field-hint">{t('exchange.clinicImport.hint')}</p>
      <Field label={t('exchange.clinicImport.path')} error={formState.errors.path?.message} hint={t('exchange.clinicImport.pathHint')}>
        {(a) => <input {...a} autoComplete="off" spellCheck={false} {...register('path')} />}
      </Field>
      {progress.state === 'ready' && running ? (
        <ExportProgressBar
          progress={progress.value.phase === 'writing' ? progress.value : { done: 0, total: 0 }}
          label={t('exchange.clinicImport.progress')}
          pending={t('exchange.clinicImport.checking', { patients: count('patients', progress.value.done) })}
        />
      ) : null}
      <Outcome message={message} />
      {report?.conflicts.length ? (
        <div>
          <h4>{t('exchange.report.toDecide')}</h4>
          <p className="field-hint">{t('exchange.clinicImport.conflictsHint')}</p>
          <ul>
            {report.conflicts.map((c, i) => (
              <li key={i}>
                <a href={`#/patients/${encodeURIComponent(c.patientId)}`}>{t('exchange.clinicImport.patientRecord')}</a>: {say(c.messageRef)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={running}>
          {running ? t('exchange.import.importing') : t('exchange.clinicImport.submit')}
        </button>
      </div>
    </form>
  );
}
