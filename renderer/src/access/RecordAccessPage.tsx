import { useTranslation } from 'react-i18next';
import { patientDisplayName } from '../../../shared/domain/patient';
import type { AccessKind } from '../../../shared/api/operations/settings';
import { useOperation, usePatient } from '../api/use-operation';
import { useFormatInstant } from '../clinical/format';
import { ScrollBox } from '../layout/ScrollBox';
import { ErrorMessage, Loading } from '../layout/Status';
import { useScreenTitle } from '../layout/use-screen-title';
import { href } from '../router';
import { useSession } from '../session/session-context';

/** What the person did, in the screen's language. */
function useWhatWords(): (kind: AccessKind) => string {
  const { t } = useTranslation();
  return (kind) => (kind === 'file' ? t('access.openedRecord') : kind === 'report' ? t('access.openedReport') : t('access.exported'));
}

/**
 * Who opened this patient's record, newest first (administrators only; the back end refuses anyone else). The
 * rows are append-only: the database refuses to change or delete them.
 */
export function RecordAccessPage({ patientId }: { patientId: string }) {
  const { isAdministrator } = useSession();
  const patient = usePatient(patientId);
  const [entries] = useOperation('access.forPatient', { patientId });
  const formatInstant = useFormatInstant();
  const { t } = useTranslation();
  const what = useWhatWords();
  const name = patient.state === 'ready' ? patientDisplayName(patient.value) : null;
  useScreenTitle(name ? t('access.windowTitle', { name }) : null);
  return (
    <section aria-labelledby="access-heading">
      <p className="breadcrumb">
        <a href={href.patients()}>{t('access.breadcrumbPatients')}</a> › <a href={href.patient(patientId)}>{name ?? t('access.breadcrumbPatient')}</a>
      </p>
      <h1 id="access-heading">{t('access.heading')}</h1>
      {!isAdministrator ? (
        <p className="error-box" role="alert">
          {t('access.administratorsOnly')}
        </p>
      ) : entries.state === 'loading' ? (
        <Loading what={t('access.loadingWhat')} />
      ) : entries.state === 'error' ? (
        <ErrorMessage error={entries.error} retry={entries.retry} />
      ) : entries.value.length === 0 ? (
        <p className="empty">{t('access.empty')}</p>
      ) : (
        <ScrollBox label={t('access.heading')}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('access.colWhen')}</th>
                <th scope="col">{t('access.colWho')}</th>
                <th scope="col">{t('access.colWhat')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.value.map((entry, i) => (
                <tr key={`${entry.at}-${i}`}>
                  <td className="num">{formatInstant(entry.at)}</td>
                  <td>{entry.therapistName}</td>
                  <td>{what(entry.what)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </section>
  );
}
