import { useState } from 'react';
import { ExportCsvInput } from '../../../shared/api/operations/exchange';
import { call } from '../api/client';
import { DateField, useDateBoxes } from '../forms/DateField';
import { applyServerErrors, useMappedForm } from '../forms/schema-form';
import { dateRange } from './date-range';
import { formatCount } from './format';
import { saveFile } from './save-file';
import { Outcome, type OutcomeMessage } from '../layout/Outcome';

interface Boxes {
  pseudonymise: boolean;
  from: string;
  to: string;
}

/** Every current measurement of the clinic as one CSV file, optionally pseudonymised, saved as a download. */
export function ClinicCsvExport() {
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
    saveFile(r.value);
    setMessage({
      ok: true,
      text: `Saved ${r.value.fileName} (${formatCount(r.value.records, 'measurement', 'measurements')} of ${formatCount(r.value.patients, 'patient', 'patients')}) to your downloads.`,
    });
  });

  return (
    <form className="form inline-form" onSubmit={submit} noValidate aria-labelledby="csv-export-heading">
      <h3 id="csv-export-heading">Measurements as CSV</h3>
      <p className="field-hint">One row per current measurement, for a spreadsheet or a statistics program.</p>
      <label className="choice">
        <input type="checkbox" {...register('pseudonymise')} aria-describedby="csv-pseudonymise-hint" /> Pseudonymise for research
      </label>
      <p className="field-hint" id="csv-pseudonymise-hint">
        Patients become P0001…, raters R01…, in a random order for this file only; no names or clinic ids.
      </p>
      <div className="field-row">
        <DateField label="From (optional)" registration={register('from')} error={formState.errors.from?.message} />
        <DateField label="To (optional)" registration={register('to')} error={formState.errors.to?.message} />
      </div>
      <Outcome message={message} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? 'Preparing the CSV…' : 'Download CSV'}
        </button>
      </div>
    </form>
  );
}
