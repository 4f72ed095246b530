import { Trans, useTranslation } from 'react-i18next';
import { patientDisplayName } from '../../../shared/domain/patient';
import { usePatientFile } from '../api/use-operation';
import { ErrorMessage, Loading } from '../layout/Status';
import { useScreenTitle } from '../layout/use-screen-title';
import { AddSiteForm } from '../profile/SiteForms';
import { href, navigate } from '../router';
import { useFormatDate } from '../session/session-context';
import { VisitForm } from './VisitForm';

/**
 * "Record a visit", or, given `visitId`, "Add measurements" to that visit: loads the patient's file, whose watched
 * sites decide the grid's rows.
 */
export function VisitEntryPage({ patientId, visitId }: { patientId: string; visitId?: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const file = usePatientFile(patientId);
  const ready = file.state === 'ready' ? file.value : null;
  // A voided visit has left the file: there is nothing to add to.
  const addTo = ready && visitId ? (ready.visits.find((v) => v.id === visitId) ?? null) : null;
  const name = ready ? patientDisplayName(ready.patient) : '';
  useScreenTitle(ready ? (visitId ? t('visits.titleAdd', { name }) : t('visits.title', { name })) : null);
  if (file.state === 'loading') return <Loading what={t('visits.loadingWhat')} />;
  if (file.state === 'error') return <ErrorMessage error={file.error} retry={file.retry} />;
  const { patient, sites } = file.value;
  const patientLink = (
    <p className="breadcrumb">
      <a href={href.patients()}>{t('visits.patients')}</a> › <a href={href.patient(patient.id)}>{name}</a>
    </p>
  );
  if (visitId && !addTo) {
    return (
      <section aria-labelledby="visit-heading" className="visit-page">
        {patientLink}
        <h1 id="visit-heading">{t('visits.headingAddGone', { name })}</h1>
        <p className="error-box" role="alert">
          <Trans i18nKey="visits.notOnFile" components={[<a key="new" href={href.newVisit(patient.id)} />]} />
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="visit-heading" className="visit-page">
      {patientLink}
      <h1 id="visit-heading">{addTo ? t('visits.headingAdd', { date: formatDate(addTo.date), name }) : t('visits.heading', { name })}</h1>
      {sites.length === 0 ? (
        <div className="panel">
          {/* The grid's rows are the watched sites' motions: with none, there is nothing to measure yet. */}
          <p>{t('visits.noSite')}</p>
          {/* A site added refreshes the file (api/client.ts), which opens the grid; cancelling goes back. */}
          <AddSiteForm patientId={patient.id} onDone={(saved) => (saved ? undefined : navigate(href.patient(patient.id)))} />
        </div>
      ) : (
        <VisitForm file={file.value} addTo={addTo} />
      )}
    </section>
  );
}
