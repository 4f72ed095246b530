import { useTranslation } from 'react-i18next';
import { patientDisplayName, type Patient } from '../../../shared/domain/patient';
import { href } from '../router';
import { planHref } from './plan-routes';

/** Patients › the patient › Therapy plans (› the plan › …): every step back is one link away. */
export function PlansBreadcrumb({ patient, trail = [] }: { patient: Patient; trail?: readonly { label: string; to?: string }[] }) {
  const { t } = useTranslation();
  const steps = [{ label: t('plans.breadcrumb.plans'), to: planHref.list(patient.id) }, ...trail];
  return (
    <nav aria-label={t('plans.breadcrumb.label')} className="breadcrumb">
      <a href={href.patients()}>{t('plans.breadcrumb.patients')}</a>
      <span aria-hidden="true"> › </span>
      <a href={href.patient(patient.id)}>{patientDisplayName(patient)}</a>
      {steps.map((s, i) => (
        <span key={s.label}>
          <span aria-hidden="true"> › </span>
          {i === steps.length - 1 ? <span aria-current="page">{s.label}</span> : <a href={s.to}>{s.label}</a>}
        </span>
      ))}
    </nav>
  );
}
