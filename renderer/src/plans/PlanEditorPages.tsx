import { useTranslation } from 'react-i18next';
import { useOperation, usePatientFile } from '../api/use-operation';
import { ErrorMessage, Loading } from '../layout/Status';
import { navigate } from '../router';
import { PlanForm } from './PlanForm';
import { planHref } from './plan-routes';
import { PlansBreadcrumb } from './PlansBreadcrumb';

/** A new plan. The patient's file comes along: goals are checked against the measurements as they are typed. */
export function NewPlanPage({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const file = usePatientFile(patientId);
  if (file.state === 'loading') return <Loading what={t('plans.editor.loadingPatient')} />;
  if (file.state === 'error') return <ErrorMessage error={file.error} retry={file.retry} />;
  return (
    <section aria-labelledby="plan-editor-heading" className="plan-editor">
      <PlansBreadcrumb patient={file.value.patient} trail={[{ label: t('plans.editor.newCrumb') }]} />
      <h1 id="plan-editor-heading">{t('plans.title.new')}</h1>
      <PlanForm file={file.value} onDone={(plan) => navigate(plan ? planHref.plan(patientId, plan.id) : planHref.list(patientId))} />
    </section>
  );
}

/** A new version of the plan, starting from what the current version says. */
export function RevisePlanPage({ patientId, planId }: { patientId: string; planId: string }) {
  const { t } = useTranslation();
  const file = usePatientFile(patientId);
  const [plan] = useOperation('plans.get', { id: planId });
  if (file.state === 'loading' || plan.state === 'loading') return <Loading what={t('plans.page.loadingWhat')} />;
  if (file.state === 'error') return <ErrorMessage error={file.error} retry={file.retry} />;
  if (plan.state === 'error') return <ErrorMessage error={plan.error} retry={plan.retry} />;
  const current = plan.value.versions[plan.value.versions.length - 1]!;
  const back = planHref.plan(patientId, plan.value.id);
  return (
    <section aria-labelledby="plan-editor-heading" className="plan-editor">
      <PlansBreadcrumb patient={file.value.patient} trail={[{ label: current.title, to: back }, { label: t('plans.editor.reviseCrumb') }]} />
      <h1 id="plan-editor-heading">{t('plans.editor.reviseHeading', { title: current.title })}</h1>
      {current.ended ? (
        <p className="error-box" role="alert">
          {t('plans.editor.stopped')} <a href={planHref.create(patientId)}>{t('plans.editor.startNew')}</a>
        </p>
      ) : (
        <>
          <p className="form-intro">
            {t('plans.editor.reviseIntro', { number: current.number })}
          </p>
          <PlanForm file={file.value} revising={current} onDone={() => navigate(back)} />
        </>
      )}
    </section>
  );
}
