import { ClinicCsvExport } from './ClinicCsvExport';
import { ClinicFhirExport } from './ClinicFhirExport';
import './exchange.css';

/** Settings' exports of the whole clinic: measurements as CSV (a download), FHIR NDJSON (a file on the server). */
export function ExchangePanel() {
  return (
    <section aria-labelledby="exchange-heading" className="export-panel">
      <h2 id="exchange-heading">Exchange</h2>
      <p>Exports of the whole clinic. Each one is logged with who made it. One patient&apos;s record is exported from their page.</p>
      <ClinicCsvExport />
      <ClinicFhirExport />
    </section>
  );
}
