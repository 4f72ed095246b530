import { useTranslation } from 'react-i18next';
import { patientDisplayName, type Patient } from '../../../shared/domain/patient';
import { href } from '../router';

/** Patients › the patient › Mobility (› the series): every step back is one link away. */
export function MobilityBreadcrumb({ patient, current }: { patient: Patient; current?: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('mobility.breadcrumb')} className="breadcrumb">
      <a href={href.patients()}>{t('patients.heading')}</a>
      <span aria-hidden="true"> › </span>
      <a href={href.patient(patient.id)}>{patientDisplayName(patient)}</a>
      <span aria-hidden="true"> › </span>
      {current ? (
        <>
          <a href={href.mobility(patient.id)}>{t('mobility.breadcrumbMobility')}</a>
          <span aria-hidden="true"> › </span>
          <span aria-current="page">{current}</span>
        </>
      ) : (
        <span aria-current="page">{t('mobility.breadcrumbMobility')}</span>
      )}
    </nav>
  );
}
