import { useTranslation } from 'react-i18next';
import { patientDisplayName } from '../../../shared/domain/patient';
import { usePatient } from '../api/use-operation';
import { ErrorMessage, Loading } from '../layout/Status';
import { href, navigate } from '../router';
import { EventForm } from './EventForm';

/** "Add event": a clinical event on the patient's timeline (treatment, test, injury or surgery). */
export function NewEventPage({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const patient = usePatient(patientId);
  if (patient.state === 'loading') return <Loading what={t('visits.loadingWhat')} />;
  if (patient.state === 'error') return <ErrorMessage error={patient.error} retry={patient.retry} />;
  const p = patient.value;
  return (
    <section aria-labelledby="event-heading">
      <p className="breadcrumb">
        <a href={href.patients()}>{t('visits.patients')}</a> › <a href={href.patient(p.id)}>{patientDisplayName(p)}</a>
      </p>
      <h1 id="event-heading">{t('events.heading', { name: patientDisplayName(p) })}</h1>
      <EventForm patientId={p.id} onDone={() => navigate(href.patient(p.id))} />
    </section>
  );
}
