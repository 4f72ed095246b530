import { useState } from 'react';
import { ExportClinicInput } from '../../../shared/api/operations/exchange';
import { call } from '../api/client';
import { desktopBridge } from '../api/desktop-bridge';
import { useOperation } from '../api/use-operation';
import { DateField, useDateBoxes } from '../forms/DateField';
import { Field } from '../forms/Field';
import { applyServerErrors, useMappedForm } from '../forms/schema-form';
import { dateRange } from './date-range';
import { ExportProgressBar } from './ExportProgressBar';
import { useExchangeWords } from './format';
import { askDesktop } from './save-file';
import { Outcome, type OutcomeMessage } from '../layout/Outcome';
import { useMessageText } from '../i18n/use-message-text';
import { apiErrorOf, useApiErrorText } from '../api/failure';

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
  const { t, count, bytes } = useExchangeWords();
  const errorText = useApiErrorText();
  const say = useMessageText();
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
      text: t('exchange.ndjson.written', { path: v.path, patients: count('patients', v.patients), resources: count('resources', v.resources), size: bytes(v.bytes) }),
    });
  });

  // The desktop app asks where in the system's save dialog (the back end then writes there); a browser types it.
  const canChoose = Boolean(desktopBridge()?.saveExport);
  async function choosePath() {
    try {
      const chosen = await askDesktop({ kind: 'choose', fileName: 'romtrack-clinic.ndjson', mediaType: 'application/fhir+ndjson', title: t('exchange.saveDialog.title'), filterName: t('exchange.saveDialog.ndjson') });
      if (chosen?.saved && chosen.path) form.setValue('path', chosen.path, { shouldValidate: true });
    } catch (e) {
      setMessage({ ok: false, text: errorText(apiErrorOf(e)) });
    }
  }

  const pathError = formState.errors.path?.message;
  // An export goes on when its page is left: coming back, the last one's end is said here.
  const last = progress.state === 'ready' && !running && !message ? progress.value : null;
  const reason = last?.errorRef ? say(last.errorRef) : null;
  const lastMessage: OutcomeMessage = last && reason
    ? { ok: false, text: last.path ? t('exchange.ndjson.lastStopped', { path: last.path, reason }) : t('exchange.ndjson.lastStoppedNoPath', { reason }) }
    : last?.result
      ? { ok: true, text: t('exchange.ndjson.lastWrote', { path: last.result.path, patients: count('patients', last.result.patients), size: bytes(last.result.bytes) }) }
      : null;
  return (
    <form className="form inline-form" onSubmit={submit} noValidate aria-labelledby="ndjson-export-heading">
      <h3 id="ndjson-export-heading">{t('exchange.ndjson.heading')}</h3>
      <p className="field-hint">{t('exchange.ndjson.hint')}</p>
      <Field label={t('exchange.ndjson.path')} error={pathError} hint={t('exchange.ndjson.pathHint')}>
        {(a) => <input {...a} autoComplete="off" spellCheck={false} {...register('path')} />}
      </Field>
      {canChoose ? (
        <button type="button" onClick={() => void choosePath()} disabled={running}>
          {t('exchange.ndjson.choose')}
        </button>
      ) : null}
      <div className="field-row">
        <DateField label={t('exchange.range.from')} registration={register('from')} error={formState.errors.from?.message} />
        <DateField label={t('exchange.range.to')} registration={register('to')} error={formState.errors.to?.message} />
      </div>
      {progress.state === 'ready' && (running || showBar) ? <ExportProgressBar progress={progress.value} /> : null}
      <Outcome message={message ?? lastMessage} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={running}>
          {running ? t('exchange.ndjson.exporting') : t('exchange.ndjson.export')}
        </button>
      </div>
    </form>
  );
}
