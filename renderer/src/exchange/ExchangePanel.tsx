import { useTranslation } from 'react-i18next';
import { ClinicCsvExport } from './ClinicCsvExport';
import { ClinicFhirExport } from './ClinicFhirExport';
import { ImportPanel } from './ImportPanel';
import { SyncPanel } from './SyncPanel';
import './exchange.css';

/**
 * Settings' exchange: exports of the whole clinic (measurements as CSV, a download; FHIR NDJSON, a file on the
 * server) and the import of a patient's file from another workstation.
 */
export function ExchangePanel() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="exchange-heading" className="export-panel">
      <h2 id="exchange-heading">{t('exchange.panel.heading')}</h2>
      <p>{t('exchange.panel.intro')}</p>
      <ClinicCsvExport />
      <ClinicFhirExport />
      <ImportPanel />
      <SyncPanel />
    </section>
  );
}
