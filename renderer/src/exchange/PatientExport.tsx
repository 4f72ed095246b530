import { useState } from 'react';
import { call } from '../api/client';
import { useExchangeWords } from './format';
import { saveFile } from './save-file';
import './exchange.css';
import { apiErrorOf, useApiErrorText } from '../api/failure';

type Message = { kind: 'ok' | 'error' | 'busy'; text: string } | null;

/** The patient page's export: this patient's FHIR R4 Bundle or measurements as CSV, saved as a download (in the desktop app, where the person chooses). */
export function PatientExport({ patientId }: { patientId: string }) {
  const { t, count } = useExchangeWords();
  const errorText = useApiErrorText();
  const [message, setMessage] = useState<Message>(null);
  const busy = message?.kind === 'busy';

  async function exportAs(format: 'fhir' | 'csv') {
    setMessage({ kind: 'busy', text: t('exchange.patientExport.preparing') });
    const r = format === 'fhir' ? await call('exchange.exportFhir', { patientId }) : await call('exchange.exportCsv', { patientId });
    if (!r.ok) {
      setMessage({ kind: 'error', text: t('exchange.patientExport.failed', { reason: errorText(r.error) }) });
      return;
    }
    let saved;
    try {
      saved = await saveFile(r.value, { title: t('exchange.saveDialog.title'), filterName: format === 'fhir' ? t('exchange.saveDialog.fhir') : t('exchange.saveDialog.csv') });
    } catch (e) {
      setMessage({ kind: 'error', text: t('exchange.patientExport.failed', { reason: errorText(apiErrorOf(e)) }) });
      return;
    }
    // The person closed the save dialog: nothing was saved, and nothing needs saying.
    if (!saved.saved) return setMessage(null);
    const what = format === 'fhir' ? count('resources', r.value.records) : count('measurements', r.value.records);
    setMessage({ kind: 'ok', text: t('exchange.patientExport.saved', { file: saved.path ?? r.value.fileName, what }) });
  }

  return (
    <section aria-labelledby="patient-export-heading" className="export-panel patient-export">
      <h2 id="patient-export-heading">{t('exchange.patientExport.heading')}</h2>
      <div className="export-actions">
        <button type="button" disabled={busy} onClick={() => void exportAs('fhir')}>
          {t('exchange.patientExport.fhir')}
        </button>
        <button type="button" disabled={busy} onClick={() => void exportAs('csv')}>
          {t('exchange.patientExport.csv')}
        </button>
      </div>
      <p className="field-hint">{t('exchange.patientExport.hint')}</p>
      {message ? (
        <p className={message.kind === 'error' ? 'error-box' : message.kind === 'ok' ? 'ok-box' : 'status'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
