import { useState } from 'react';
import { ExportCsvInput } from '../../../shared/api/operations/exchange';
import { call } from '../api/client';
import { DateField, useDateBoxes } from '../forms/DateField';
import { applyServerErrors, useMappedForm } from '../forms/schema-form';
import { dateRange } from './date-range';
import { useExchangeWords } from './format';
import { saveFile } from './save-file';
import { Outcome, type OutcomeMessage } from '../layout/Outcome';
import { apiErrorOf, useApiErrorText } from '../api/failure';

interface Boxes {
  pseudonymise: boolean;
  from: string;
  to: string;
}

/** Every current measurement of the clinic as one CSV file, optionally pseudonymised, saved as a download. */
export function ClinicCsvExport() {
  const { t, count } = useExchangeWords();
  const errorText = useApiErrorText();
  const dates = useDateBoxes('from', 'to');
  const form = useMappedForm(ExportCsvInput, { pseudonymise: false, from: '', to: '' }, (v: Boxes) => ({ all: true as const, pseudonymise: v.pseudonymise, ...dateRange(v) }), dates);
  const { register, formState } = form;
  const [message, setMessage] = useState<OutcomeMessage>(null);

  const submit = form.handleSubmit(async (input) => {
    setMessage(null);
    const r = await call('exchange.exportCsv', input);
    if (!r.ok) {
      const text = applyServerErrors(form, r.error, ['from', 'to', 'pseudonymise']);
      if (text) setMessage({ ok: false, text });
      return;
    }
    let saved;
    try {
      saved = await saveFile(r.value, { title: t('exchange.saveDialog.title'), filterName: t('exchange.saveDialog.csv') });
    } catch (e) {
      return setMessage({ ok: false, text: errorText(apiErrorOf(e)) });
    }
    if (!saved.saved) return;
    setMessage({ ok: true, text: t('exchange.csv.saved', { file: saved.path ?? r.value.fileName, measurements: count('measurements', r.value.records), patients: count('patients', r.value.patients) }) });
  });

  return (
    <form className="form inline-form" onSubmit={submit} noValidate aria-labelledby="csv-export-heading">
      <h3 id="csv-export-heading">{t('exchange.csv.heading')}</h3>
      <p className="field-hint">{t('exchange.csv.hint')}</p>
      <label className="choice">
        <input type="checkbox" {...register('pseudonymise')} aria-describedby="csv-pseudonymise-hint" /> {t('exchange.csv.pseudonymise')}
      </label>
      <p className="field-hint" id="csv-pseudonymise-hint">
        {t('exchange.csv.pseudonymiseHint')}
      </p>
      <div className="field-row">
        <DateField label={t('exchange.range.from')} registration={register('from')} error={formState.errors.from?.message} />
        <DateField label={t('exchange.range.to')} registration={register('to')} error={formState.errors.to?.message} />
      </div>
      <Outcome message={message} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t('exchange.csv.preparing') : t('exchange.csv.download')}
        </button>
      </div>
    </form>
  );
}
