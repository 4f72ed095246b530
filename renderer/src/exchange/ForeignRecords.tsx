import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ForeignRecord } from '../../../shared/api/operations/sync';
import { call } from '../api/client';
import { useOperation } from '../api/use-operation';
import { Outcome, type OutcomeMessage } from '../layout/Outcome';
import { ErrorMessage, Loading } from '../layout/Status';
import { useFormatter } from '../session/session-context';
import './exchange.css';
import { useApiErrorText } from '../api/failure';

type T = TFunction;

/** The FHIR type in the screen's words; a type ROMtrack does not name keeps its FHIR name. */
function typeLabel(t: T, type: string): string {
  switch (type) {
    case 'Encounter':
      return t('exchange.foreign.type.encounter');
    case 'Observation':
      return t('exchange.foreign.type.observation');
    case 'Condition':
      return t('exchange.foreign.type.condition');
    case 'Procedure':
      return t('exchange.foreign.type.procedure');
    case 'MedicationStatement':
      return t('exchange.foreign.type.medication');
    case 'DiagnosticReport':
      return t('exchange.foreign.type.report');
    case 'CarePlan':
      return t('exchange.foreign.type.plan');
    case 'Goal':
      return t('exchange.foreign.type.goal');
    default:
      return type;
  }
}

/** The statuses that change how a record is read (corrected, entered in error); others are shown as sent. */
function statusLabel(t: T, status: string | null): string {
  switch (status) {
    case null:
      return '—';
    case 'final':
    case 'finished':
    case 'completed':
      return t('exchange.foreign.status.final');
    case 'amended':
    case 'corrected':
      return t('exchange.foreign.status.amended');
    case 'entered-in-error':
      return t('exchange.foreign.status.enteredInError');
    default:
      return status;
  }
}

function RecordsTable({ records }: { records: ForeignRecord[] }) {
  const { t } = useTranslation();
  const { date, instant } = useFormatter();
  const when = (d: string | null) => (d === null ? '—' : /^\d{4}-\d\d-\d\d$/.test(d) ? date(d) : instant(d));
  return (
    <div className="table-scroll">
      <table className="data-table foreign-records">
        <caption>{t('exchange.foreign.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('exchange.foreign.date')}</th>
            <th scope="col">{t('exchange.foreign.record')}</th>
            <th scope="col">{t('exchange.foreign.status')}</th>
            <th scope="col">{t('exchange.foreign.origin')}</th>
            <th scope="col">{t('exchange.foreign.fetched')}</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={`${r.origin.server} ${r.resourceType}/${r.serverId}`} className={r.status === 'entered-in-error' ? 'foreign-void' : undefined}>
              <td>{when(r.date)}</td>
              <td>
                <span className="foreign-type">{typeLabel(t, r.resourceType)}</span> {r.summary}
                {r.versions > 1 ? <span className="field-hint"> {t('exchange.foreign.versions', { count: r.versions })}</span> : null}
              </td>
              <td>{statusLabel(t, r.status)}</td>
              <td>
                {r.origin.name ?? t('exchange.foreign.unnamedClinic')}
                <span className="foreign-server">{r.origin.server}</span>
              </td>
              <td>{instant(r.fetchedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * "Records from other clinics": what other clinics wrote for this patient, fetched from the district's server on
 * request. Shown apart and read-only; none of it enters this clinic's charts, verdicts, reports or exports.
 */
export function ForeignRecords({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const { instant } = useFormatter();
  const [view, reload] = useOperation('exchange.foreignRecords', { patientId });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<OutcomeMessage>(null);

  const pull = async () => {
    setBusy(true);
    setMessage(null);
    const r = await call('exchange.pullForeign', { patientId });
    setBusy(false);
    if (!r.ok) setMessage({ ok: false, text: errorText(r.error) });
    else setMessage({ ok: true, text: r.value.added ? t('exchange.foreign.added', { count: r.value.added }) : t('exchange.foreign.nothingNew') });
    reload();
  };

  return (
    <section aria-labelledby="foreign-heading" className="foreign-panel">
      <h2 id="foreign-heading">{t('exchange.foreign.heading')}</h2>
      <p className="field-hint">{t('exchange.foreign.intro')}</p>
      {view.state === 'loading' ? <Loading what={t('exchange.foreign.loadingWhat')} /> : null}
      {view.state === 'error' ? <ErrorMessage error={view.error} retry={view.retry} /> : null}
      {view.state === 'ready' ? (
        <>
          {view.value.configured ? (
            <div className="export-actions">
              <button type="button" onClick={() => void pull()} disabled={busy}>
                {busy ? t('exchange.foreign.fetching') : t('exchange.foreign.fetch')}
              </button>
              <span>{view.value.lastPulledAt ? t('exchange.foreign.lastFetched', { at: instant(view.value.lastPulledAt) }) : t('exchange.foreign.neverFetched')}</span>
            </div>
          ) : (
            <p>{t('exchange.foreign.noServer')}</p>
          )}
          <Outcome message={message} />
          {view.value.records.length ? <RecordsTable records={view.value.records} /> : view.value.configured ? <p>{t('exchange.foreign.none')}</p> : null}
        </>
      ) : null}
    </section>
  );
}
