import { patientDisplayName } from '../../../shared/domain/patient';
import { useOperation } from '../api/use-operation';
import { ErrorMessage, Loading } from '../layout/Status';
import { useScreenTitle } from '../layout/use-screen-title';
import { AddSiteForm } from '../profile/SiteForms';
import { href, navigate } from '../router';
import { VisitForm } from './VisitForm';

/** "Record a visit": loads the patient's file, whose watched sites decide the grid's rows. */
export function VisitEntryPage({ patientId }: { patientId: string }) {
  const [file, reload] = useOperation('patients.file', { patientId });
  useScreenTitle(file.state === 'ready' ? `Visit — ${patientDisplayName(file.value.patient)}` : null);
  if (file.state === 'loading') return <Loading what="the patient" />;
  if (file.state === 'error') return <ErrorMessage error={file.error} />;
  const { patient, sites } = file.value;
  return (
    <section aria-labelledby="visit-heading" className="visit-page">
      <p className="breadcrumb">
        <a href={href.patients()}>Patients</a> › <a href={href.patient(patient.id)}>{patientDisplayName(patient)}</a>
      </p>
      <h1 id="visit-heading">Record a visit: {patientDisplayName(patient)}</h1>
      {sites.length === 0 ? (
        <div className="panel">
          {/* The grid's rows are the watched sites' motions: with none, there is nothing to measure yet. */}
          <p>
            No joint is watched for this patient yet, so there is nothing to measure. Add the first watched site (the joint and side at risk of HO); the
            visit form then opens with its motions.
          </p>
          <AddSiteForm patientId={patient.id} onDone={(saved) => (saved ? reload() : navigate(href.patient(patient.id)))} />
        </div>
      ) : (
        <VisitForm file={file.value} />
      )}
    </section>
  );
}
