import { useState } from 'react';
import { call } from '../api/client';
import { formatCount } from './format';
import { saveFile } from './save-file';
import './exchange.css';

type Message = { kind: 'ok' | 'error' | 'busy'; text: string } | null;

/** The patient page's export: this patient's FHIR R4 Bundle or measurements as CSV, saved as a download. */
export function PatientExport({ patientId }: { patientId: string }) {
  const [message, setMessage] = useState<Message>(null);
  const busy = message?.kind === 'busy';

  async function exportAs(format: 'fhir' | 'csv') {
    setMessage({ kind: 'busy', text: 'Preparing the file…' });
    const r = format === 'fhir' ? await call('exchange.exportFhir', { patientId }) : await call('exchange.exportCsv', { patientId });
    if (!r.ok) {
      setMessage({ kind: 'error', text: `Nothing was exported. ${r.error.message}` });
      return;
    }
    saveFile(r.value);
    const what = format === 'fhir' ? formatCount(r.value.records, 'FHIR resource', 'FHIR resources') : formatCount(r.value.records, 'measurement', 'measurements');
    setMessage({ kind: 'ok', text: `Saved ${r.value.fileName} (${what}) to your downloads.` });
  }

  return (
    <section aria-labelledby="patient-export-heading" className="export-panel patient-export">
      <h2 id="patient-export-heading">Export</h2>
      <div className="export-actions">
        <button type="button" disabled={busy} onClick={() => void exportAs('fhir')}>
          FHIR bundle (.json)
        </button>
        <button type="button" disabled={busy} onClick={() => void exportAs('csv')}>
          Measurements (.csv)
        </button>
      </div>
      <p className="field-hint">For another clinic or a FHIR system (the whole record), or a spreadsheet (the measurements). Each export is logged.</p>
      {message ? (
        <p className={message.kind === 'error' ? 'error-box' : message.kind === 'ok' ? 'ok-box' : 'status'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
