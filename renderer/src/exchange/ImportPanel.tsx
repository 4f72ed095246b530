import { useId, useState, type FormEvent } from 'react';
import { DEMOGRAPHICS, MAX_IMPORT_CHARS, type Demographic, type ImportReport } from '../../../shared/api/operations/exchange';
import { isOneOf } from '../../../shared/domain/one-of';
import { call } from '../api/client';
import { useApiErrorText } from '../api/failure';
import { Outcome, type OutcomeMessage } from '../layout/Outcome';
import { useExchangeWords } from './format';
import { ClinicImport } from './ClinicImport';
import { ImportReportView } from './ImportReportView';

interface Chosen {
  name: string;
  content: string;
}

/**
 * A patient file from another workstation or clinic (a FHIR Bundle exported by ROMtrack). The back end checks the
 * whole file before writing anything; what differs in the patient's details is left for the person to decide
 * here, field by field, and applied by importing the same file again with those decisions (nothing else changes
 * the second time).
 */
export function ImportPanel() {
  const { t } = useExchangeWords();
  const errorText = useApiErrorText();
  const inputId = useId();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [message, setMessage] = useState<OutcomeMessage>(null);
  const [busy, setBusy] = useState(false);

  async function choose(file: File | undefined) {
    setReport(null);
    setMessage(null);
    setChosen(null);
    if (!file) return;
    if (file.size > MAX_IMPORT_CHARS) {
      setMessage({ ok: false, text: t('exchange.import.tooLarge', { file: file.name, kb: Math.floor(MAX_IMPORT_CHARS / 1024) }) });
      return;
    }
    setChosen({ name: file.name, content: await file.text() });
  }

  async function run(takeIncoming?: Demographic[]) {
    if (!chosen) return;
    setBusy(true);
    const decisions = takeIncoming ? { takeIncoming } : undefined;
    const r = await call('exchange.importFhir', { content: chosen.content, ...(decisions ? { decisions } : {}) });
    setBusy(false);
    if (!r.ok) {
      setMessage({ ok: false, text: errorText(r.error) });
      return;
    }
    setReport(r.value);
    if (decisions) {
      const taken = decisions.takeIncoming.length;
      setMessage({ ok: true, text: taken ? t('exchange.import.taken', { count: taken }) : t('exchange.import.keptAll') });
    } else {
      setMessage(null);
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run();
  };

  return (
    <div className="import-panel">
      <form className="form inline-form" onSubmit={submit} noValidate aria-labelledby="import-heading">
        <h3 id="import-heading">{t('exchange.import.heading')}</h3>
        <p className="field-hint">{t('exchange.import.hint')}</p>
        <div className="field">
          <label htmlFor={inputId}>{t('exchange.import.file')}</label>
          <input id={inputId} type="file" accept=".json,application/json,application/fhir+json" onChange={(e) => void choose(e.target.files?.[0])} />
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!chosen || busy}>
            {busy ? t('exchange.import.importing') : t('exchange.import.submit')}
          </button>
        </div>
      </form>
      <Outcome message={message} />
      {report && chosen ? <ImportReportView key={`${report.patientId} ${report.conflicts.length}`} fileName={chosen.name} report={report} busy={busy} onDecide={(take) => void run(take.filter((f) => isOneOf(DEMOGRAPHICS, f)))} /> : null}
      <ClinicImport />
    </div>
  );
}
