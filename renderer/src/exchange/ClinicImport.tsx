import { useState } from 'react';
import { ImportClinicInput, type ImportClinicReport } from '../../../shared/api/operations/exchange';
import { call } from '../api/client';
import { Field } from '../forms/Field';
import { applyServerErrors, useSchemaForm } from '../forms/schema-form';
import { Outcome, type OutcomeMessage } from '../layout/Outcome';
import { formatCount } from './format';
import { countsText } from './import-words';

/**
 * A whole clinic's NDJSON file (another workstation's "Export the whole clinic"), read from the computer that
 * holds the database. Checked whole before anything is written; differing patient details are listed with their
 * patient, to be decided by importing that patient's own file.
 */
export function ClinicImport() {
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
        ? `Everything in the file (${formatCount(v.patients, 'patient', 'patients')}) was already here.`
        : `Imported ${formatCount(v.patients, 'patient', 'patients')}. Added: ${countsText(v.added)}.`,
    });
  });

  return (
    <form className="form inline-form" onSubmit={submit} noValidate aria-labelledby="clinic-import-heading">
      <h3 id="clinic-import-heading">Import a whole clinic file</h3>
      <p className="field-hint">
        The .ndjson file another workstation wrote with &quot;Export the whole clinic&quot;, on this computer or a USB stick in it. Every patient is checked
        before anything is written.
      </p>
      <Field label="File to read" error={formState.errors.path?.message} hint="The full path, for example /media/usb/clinic.ndjson or E:\clinic.ndjson.">
        {(a) => <input {...a} autoComplete="off" spellCheck={false} {...register('path')} />}
      </Field>
      <Outcome message={message} />
      {report?.conflicts.length ? (
        <div>
          <h4>Left for you to decide</h4>
          <p className="field-hint">Nothing here was overwritten. Import that patient&apos;s own file to choose, field by field.</p>
          <ul>
            {report.conflicts.map((c, i) => (
              <li key={i}>
                <a href={`#/patients/${encodeURIComponent(c.patientId)}`}>Patient record</a>: {c.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? 'Importing…' : 'Import the clinic file'}
        </button>
      </div>
    </form>
  );
}
