import { patientDisplayName } from '../../../shared/domain/patient';
import type { AccessKind } from '../../../shared/api/operations/settings';
import { useOperation, usePatient } from '../api/use-operation';
import { useFormatInstant } from '../clinical/format';
import { ScrollBox } from '../layout/ScrollBox';
import { ErrorMessage, Loading } from '../layout/Status';
import { useScreenTitle } from '../layout/use-screen-title';
import { href } from '../router';
import { useSession } from '../session/session-context';

const WHAT: Record<AccessKind, string> = {
  file: 'Opened the record',
  report: 'Opened the progress report',
  export: 'Exported the record',
};

/**
 * Who opened this patient's record, newest first (administrators only; the back end refuses anyone else). The
 * rows are append-only: the database refuses to change or delete them.
 */
export function RecordAccessPage({ patientId }: { patientId: string }) {
  const { isAdministrator } = useSession();
  const patient = usePatient(patientId);
  const [entries] = useOperation('access.forPatient', { patientId });
  const formatInstant = useFormatInstant();
  const name = patient.state === 'ready' ? patientDisplayName(patient.value) : null;
  useScreenTitle(name ? `Who opened this record — ${name}` : null);
  return (
    <section aria-labelledby="access-heading">
      <p className="breadcrumb">
        <a href={href.patients()}>Patients</a> › <a href={href.patient(patientId)}>{name ?? 'Patient'}</a>
      </p>
      <h1 id="access-heading">Who opened this record</h1>
      {!isAdministrator ? (
        <p className="error-box" role="alert">
          Only an administrator can see who opened a patient’s record.
        </p>
      ) : entries.state === 'loading' ? (
        <Loading what="the access log" />
      ) : entries.state === 'error' ? (
        <ErrorMessage error={entries.error} retry={entries.retry} />
      ) : entries.value.length === 0 ? (
        <p className="empty">Nobody has opened this record yet.</p>
      ) : (
        <ScrollBox label="Who opened this record">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {entries.value.map((entry, i) => (
                <tr key={`${entry.at}-${i}`}>
                  <td className="num">{formatInstant(entry.at)}</td>
                  <td>{entry.therapistName}</td>
                  <td>{WHAT[entry.what]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </section>
  );
}
