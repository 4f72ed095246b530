import { todayLocal } from '../../../shared/domain/dates';
import { GOAL_STATUSES, GOAL_STATUS_LABELS } from '../../../shared/domain/goal-status';
import { patientDisplayName } from '../../../shared/domain/patient';
import { sitesLabel } from '../../../shared/domain/plan';
import type { Plan } from '../../../shared/domain/plan-records';
import { useOperation, usePatient } from '../api/use-operation';
import { ErrorMessage, Loading } from '../layout/Status';
import { useFormatDate } from '../session/session-context';
import { PLAN_STATE_LABELS, periodText, planState } from './plan-format';
import { planHref } from './plan-routes';
import { PlansBreadcrumb } from './PlansBreadcrumb';
import { ScrollBox } from '../layout/ScrollBox';

function goalSummary(plan: Plan): string {
  if (plan.goals.length === 0) return 'None';
  return GOAL_STATUSES.map((k) => [k, plan.goals.filter((g) => g.status.kind === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${GOAL_STATUS_LABELS[k].toLowerCase()}`)
    .join(', ');
}

/** The patient's therapy plans, the most recently started first. */
export function PlanListPage({ patientId }: { patientId: string }) {
  const formatDate = useFormatDate();
  const patient = usePatient(patientId);
  const [plans] = useOperation('plans.list', { patientId });
  if (patient.state === 'loading' || plans.state === 'loading') return <Loading what="the therapy plans" />;
  if (patient.state === 'error') return <ErrorMessage error={patient.error} retry={patient.retry} />;
  if (plans.state === 'error') return <ErrorMessage error={plans.error} retry={plans.retry} />;
  const today = todayLocal();
  return (
    <section aria-labelledby="plans-heading">
      <PlansBreadcrumb patient={patient.value} />
      <div className="toolbar">
        <h1 id="plans-heading">Therapy plans: {patientDisplayName(patient.value)}</h1>
        <a className="button primary" href={planHref.create(patientId)}>
          New therapy plan
        </a>
      </div>
      {plans.value.length === 0 ? (
        <p className="empty">No therapy plan yet.</p>
      ) : (
        <ScrollBox label="Therapy plans">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Plan</th>
                <th scope="col">Sites</th>
                <th scope="col">Period</th>
                <th scope="col">Versions</th>
                <th scope="col">State</th>
                <th scope="col">Goals</th>
              </tr>
            </thead>
            <tbody>
              {plans.value.map((plan) => {
                const current = plan.versions[plan.versions.length - 1]!;
                return (
                  <tr key={plan.id}>
                    <th scope="row">
                      <a href={planHref.plan(patientId, plan.id)}>{current.title}</a>
                    </th>
                    <td>{sitesLabel(current.sites)}</td>
                    <td>{periodText(plan.startDate, plan.endDate, formatDate)}</td>
                    <td className="num">{plan.versions.length}</td>
                    <td>{PLAN_STATE_LABELS[planState(plan, today)]}</td>
                    <td>{goalSummary(plan)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </section>
  );
}
