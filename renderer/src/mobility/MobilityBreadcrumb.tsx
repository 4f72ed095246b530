import { patientDisplayName, type Patient } from '../../../shared/domain/patient';
import { href } from '../router';

/** Patients › the patient › Mobility (› the series): every step back is one link away. */
export function MobilityBreadcrumb({ patient, current }: { patient: Patient; current?: string }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <a href={href.patients()}>Patients</a>
      <span aria-hidden="true"> › </span>
      <a href={href.patient(patient.id)}>{patientDisplayName(patient)}</a>
      <span aria-hidden="true"> › </span>
      {current ? (
        <>
          <a href={href.mobility(patient.id)}>Mobility</a>
          <span aria-hidden="true"> › </span>
          <span aria-current="page">{current}</span>
        </>
      ) : (
        <span aria-current="page">Mobility</span>
      )}
    </nav>
  );
}
