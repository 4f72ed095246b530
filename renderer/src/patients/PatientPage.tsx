import { ageInYears, todayLocal } from '../../../shared/domain/dates';
import { SEX_LABELS, patientDisplayName } from '../../../shared/domain/patient';
import { useOperation } from '../api/use-operation';
import { ErrorMessage, Loading } from '../layout/Status';
import { href } from '../router';
import { useFormatDate } from '../session/session-context';
import { PatientForm } from './PatientForm';

export function PatientPage({ id }: { id: string }) {
  const [patient] = useOperation('patients.get', { id });
  const formatDate = useFormatDate();
  if (patient.state === 'loading') return <Loading what="the patient" />;
  if (patient.state === 'error') return <ErrorMessage error={patient.error} />;
  const p = patient.value;
  return (
    <section aria-labelledby="patient-heading">
      <p className="breadcrumb">
        <a href={href.patients()}>Patients</a>
      </p>
      <div className="toolbar">
        <h1 id="patient-heading">{patientDisplayName(p)}</h1>
        <a className="button" href={href.editPatient(p.id)}>
          Edit details
        </a>
      </div>
      <dl className="facts">
        <div>
          <dt>Clinic id</dt>
          <dd>{p.clinicId ?? 'None recorded'}</dd>
        </div>
        <div>
          <dt>Date of birth</dt>
          <dd>{formatDate(p.dateOfBirth)}</dd>
        </div>
        <div>
          <dt>Age</dt>
          <dd>{ageInYears(p.dateOfBirth, todayLocal())} years</dd>
        </div>
        <div>
          <dt>Sex</dt>
          <dd>{SEX_LABELS[p.sex]}</dd>
        </div>
      </dl>
    </section>
  );
}

export function PatientEditPage({ id }: { id: string }) {
  const [patient] = useOperation('patients.get', { id });
  if (patient.state === 'loading') return <Loading what="the patient" />;
  if (patient.state === 'error') return <ErrorMessage error={patient.error} />;
  return <PatientForm patient={patient.value} />;
}
