import { useState } from 'react';
import { ImportClinicInput, type ImportClinicReport } from '../../../shared/api/operations/exchange';
import { call } from '../api/client';
import { Field } from '../forms/Field';
import { applyServerErrors, useSchemaForm } from '../forms/schema-form';
import { Outcome, type OutcomeMessage } from '../layout/Outcome';
import { useExchangeWords } from './format';

/**
 * A whole clinic's NDJSON file (another workstation's "Export the whole clinic"), read from the computer that
 * holds the database. Checked whole before anything is written; differing patient details are listed with their
 * patient, to be decided by importing that patient's own file.
 */
export function ClinicImport() {
  const { t, count, counts } = useExchangeWords();
  const form = useSchemaForm(ImportClinicInput, { path: '' });
  const { register, formState } = form;
  const [message, setMessage] = useState<OutcomeMessage>(null);
  const [report, setReport] = useState<ImportClinicReport | null>(null);

  const submit = form.handleSubmit(async (input) => {
    setMessage(null);
    setReport(null);
    const r = await call('exchange.importClinic', input);
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
      <Outcome message={message} />
      {report?.conflicts.length ? (
        <div>
          <h4>{t('exchange.report.toDecide')}</h4>
          <p className="field-hint">{t('exchange.clinicImport.conflictsHint')}</p>
          <ul>
            {report.conflicts.map((c, i) => (
              <li key={i}>
                <a href={`#/patients/${encodeURIComponent(c.patientId)}`}>{t('exchange.clinicImport.patientRecord')}</a>: {c.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t('exchange.import.importing') : t('exchange.clinicImport.submit')}
        </button>
      </div>
    </form>
  );
}
