import { Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatientFile } from '../../../shared/api/operations/clinical';
import { ageInYears, todayLocal } from '../../../shared/domain/dates';
import { patientDisplayName } from '../../../shared/domain/patient';
import { useOperation, usePatientFile } from '../api/use-operation';
import { therapistNamer } from '../i18n/catalogue-words';
import { STATUS_ID } from '../forms/return-focus';
import { flashFor } from '../layout/flash';
import { ErrorMessage, Loading } from '../layout/Status';
import { useScreenTitle } from '../layout/use-screen-title';
import { ForeignRecords } from '../exchange/ForeignRecords';
import { PatientExport } from '../exchange/PatientExport';
import { RiskFactorsPanel } from '../profile/RiskFactorsPanel';
import { SitesPanel } from '../profile/SitesPanel';
import { href } from '../router';
import { useFormatDate, useSession } from '../session/session-context';
import { Timeline } from '../timeline/Timeline';
import { VoidedEntries } from '../timeline/VoidedEntries';
import { LatestValues } from './LatestValues';
import { PatientForm } from './PatientForm';
import { VerdictSummary } from './VerdictSummary';
// Drawn with the chart library, which loads apart from the first screens.
import { AlpChart } from '../lazy-screens';

function Identity({ file }: { file: PatientFile }) {
  const formatDate = useFormatDate();
  const { t } = useTranslation();
  const p = file.patient;
  const age = ageInYears(p.dateOfBirth, todayLocal());
  return (
    <dl className="facts">
      <div>
        <dt>{t('patientPage.clinicId')}</dt>
        <dd>{p.clinicId ?? t('patientPage.noClinicId')}</dd>
      </div>
      <div>
        <dt>{t('patientPage.dateOfBirth')}</dt>
        <dd>{formatDate(p.dateOfBirth)}</dd>
      </div>
      <div>
        <dt>{t('patientPage.age')}</dt>
        <dd>{age === null ? t('patientPage.ageUnknown') : t('patientPage.years', { count: age })}</dd>
      </div>
      <div>
        <dt>{t('patientPage.sex')}</dt>
        <dd>{t(`sex.${p.sex}`)}</dd>
      </div>
    </dl>
  );
}

/** The patient's page: identity, HO profile, latest values and the timeline, all from one 'patients.file' read. */
export function PatientPage({ id }: { id: string }) {
  const file = usePatientFile(id);
  // The verdicts come from the back end's analysis, the same answer the mobility screens and the report show.
  // A sparkline's worth of readings: this page lists the file's readings, the analysis gives the verdicts.
  const [analysis] = useOperation('analysis.sparklines', { patientId: id });
  const { state, isAdministrator } = useSession();
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(() => flashFor(href.patient(id)));
  useScreenTitle(file.state === 'ready' ? patientDisplayName(file.value.patient) : null);
  // The file names everyone in its records; the session adds today's team for anyone it does not.
  const nameOf = useMemo(
    () => therapistNamer(t, [...state.activeTherapists, ...(file.state === 'ready' ? file.value.therapists : [])]),
    [t, state.activeTherapists, file],
  );
  if (file.state === 'loading') return <Loading what={t('patientPage.loadingWhat')} />;
  if (file.state === 'error') return <ErrorMessage error={file.error} retry={file.retry} />;
  const f = file.value;
  const p = f.patient;
  // The saved change has already refreshed the file and the verdicts (api/client.ts); this only says so.
  const changed = (text: string) => setMessage(text);
  return (
    <section aria-labelledby="patient-heading">
      <p className="breadcrumb">
        <a href={href.patients()}>{t('patientPage.breadcrumb')}</a>
      </p>
      <div className="toolbar">
        <h1 id="patient-heading">{patientDisplayName(p)}</h1>
        <a className="button primary" href={href.newVisit(p.id)}>
          {t('patientPage.recordVisit')}
        </a>
        <a className="button" href={href.newEvent(p.id)}>
          {t('patientPage.addEvent')}
        </a>
        <a className="button" href={href.mobility(p.id)}>
          {t('patientPage.mobilityCharts')}
        </a>
        <a className="button" href={href.report(p.id)}>
          {t('patientPage.progressReport')}
        </a>
        <a className="button" href={`#/patients/${encodeURIComponent(p.id)}/plans`}>
          {t('patientPage.therapyPlans')}
        </a>
        <a className="button" href={href.editPatient(p.id)}>
          {t('patientPage.editDetails')}
        </a>
        {isAdministrator ? (
          <a className="button" href={href.recordAccess(p.id)}>
            {t('patientPage.whoOpened')}
          </a>
        ) : null}
      </div>
      <Identity file={f} />
      <div role="status" id={STATUS_ID} tabIndex={-1} className={message ? 'ok-box' : 'visually-hidden'}>
        {message}
      </div>
      <VerdictSummary patientId={p.id} analysis={analysis} />
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('patientPage.hoProfile')}</h2>
        <div className="profile-grid">
          <RiskFactorsPanel patientId={p.id} riskFactors={f.riskFactors} onChanged={changed} />
          <SitesPanel patientId={p.id} sites={f.sites} onChanged={changed} />
        </div>
      </section>
      <Suspense fallback={null}>
        <AlpChart file={f} />
      </Suspense>
      <LatestValues file={f} analysis={analysis} />
      <Timeline file={f} nameOf={nameOf} onChanged={changed} />
      <VoidedEntries patientId={p.id} nameOf={nameOf} />
      <ForeignRecords patientId={p.id} />
      <PatientExport patientId={p.id} />
    </section>
  );
}

export function PatientEditPage({ id }: { id: string }) {
  const file = usePatientFile(id);
  const { t } = useTranslation();
  if (file.state === 'loading') return <Loading what={t('patientPage.loadingWhat')} />;
  if (file.state === 'error') return <ErrorMessage error={file.error} retry={file.retry} />;
  return <PatientForm patient={file.value.patient} />;
}
