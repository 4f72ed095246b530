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
  return (
    <section aria-labelledby="exchange-heading" className="export-panel">
      <h2 id="exchange-heading">Exchange</h2>
      <p>Exports of the whole clinic, and imports of a patient&apos;s file. Each one is logged with who made it. One patient&apos;s record is exported from their page.</p>
      <ClinicCsvExport />
      <ClinicFhirExport />
      <ImportPanel />
      <SyncPanel />
    </section>
  );
}
