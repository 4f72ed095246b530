import { useState } from 'react';
import { ExportClinicInput } from '../../../shared/api/operations/exchange';
import { call } from '../api/client';
import { useOperation } from '../api/use-operation';
import { DateField, useDateBoxes } from '../forms/DateField';
import { Field } from '../forms/Field';
import { applyServerErrors, useMappedForm } from '../forms/schema-form';
import { dateRange } from './date-range';
import { ExportProgressBar } from './ExportProgressBar';
import { formatBytes, formatCount } from './format';
import { Outcome, type OutcomeMessage } from '../layout/Outcome';

interface Boxes {
  path: string;
  from: string;
  to: string;
}

/** How often the bar asks how far the export is: often enough to move, rare enough to cost nothing. */
const POLL_MS = 400;

/**
 * The whole clinic as FHIR Bulk Data NDJSON, streamed by the back end to a file on its own machine. The request
 * stays open while it runs; the bar reads exchange.exportProgress meanwhile, and the rest of the app stays usable
 * (the back end yields between patients).
 */
export function ClinicFhirExport() {
  const dates = useDateBoxes('from', 'to');
  const form = useMappedForm(ExportClinicInput, { path: '', from: '', to: '' }, (v: Boxes) => ({ path: v.path, ...dateRange(v) }), dates);
  const { register, formState } = form;
  const [message, setMessage] = useState<OutcomeMessage>(null);
  // This request is running; and the bar stays up after it, showing where it ended, until the next try.
  const [started, setStarted] = useState(false);
  const [showBar, setShowBar] = useState(false);
  // Also picks up an export already running when the page opens (started before, or from another window).
  const [progress] = useOperation('exchange.exportProgress', {}, { pollEvery: (p) => (started || p.running ? POLL_MS : false) });
  const running = formState.isSubmitting || (progress.state === 'ready' && progress.value.running);

  const submit = form.handleSubmit(async (input) => {
    setMessage(null);
    setStarted(true);
    setShowBar(true);
    const r = await call('exchange.exportClinic', input);
    setStarted(false);
    if (!r.ok) {
      setShowBar(false);
      const text = applyServerErrors(form, r.error, ['path', 'from', 'to']);
      if (text) setMessage({ ok: false, text });
      return;
    }
    const v = r.value;
    setMessage({
      ok: true,
      text: `Written to ${v.path}: ${formatCount(v.patients, 'patient', 'patients')}, ${formatCount(v.resources, 'FHIR resource', 'FHIR resources')}, ${formatBytes(v.bytes)}.`,
    });
  });

  const pathError = formState.errors.path?.message;
  // An export goes on when its page is left: coming back, the last one's end is said here.
  const last = progress.state === 'ready' && !running && !message ? progress.value : null;
  const lastMessage: OutcomeMessage = last?.error
    ? { ok: false, text: `The last export to ${last.path ?? 'a file'} stopped: ${last.error}` }
    : last?.result
      ? { ok: true, text: `The last export wrote ${last.result.path}: ${formatCount(last.result.patients, 'patient', 'patients')}, ${formatBytes(last.result.bytes)}.` }
      : null;
  return (
    <form className="form inline-form" onSubmit={submit} noValidate aria-labelledby="ndjson-export-heading">
      <h3 id="ndjson-export-heading">Whole clinic as FHIR (NDJSON)</h3>
      <p className="field-hint">
        Every patient&apos;s record as FHIR R4, one resource per line, written to a file on the computer that holds the database (a USB stick,
        a shared folder). An existing file is never written over.
      </p>
      <Field
        label="File to write"
        error={pathError}
        hint="The full path, ending in .ndjson: for example /media/usb/clinic.ndjson on Linux or E:\clinic.ndjson on Windows."
      >
        {(a) => <input {...a} autoComplete="off" spellCheck={false} {...register('path')} />}
      </Field>
      <div className="field-row">
        <DateField label="From (optional)" registration={register('from')} error={formState.errors.from?.message} />
        <DateField label="To (optional)" registration={register('to')} error={formState.errors.to?.message} />
      </div>
      {progress.state === 'ready' && (running || showBar) ? <ExportProgressBar progress={progress.value} /> : null}
      <Outcome message={message ?? lastMessage} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={running}>
          {running ? 'Exporting…' : 'Export the whole clinic'}
        </button>
      </div>
    </form>
  );
}
