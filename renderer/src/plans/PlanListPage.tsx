import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { todayLocal } from '../../../shared/domain/dates';
import { GOAL_STATUSES, type GoalStatusKind } from '../../../shared/domain/goal-status';
import { patientDisplayName } from '../../../shared/domain/patient';
import type { Plan } from '../../../shared/domain/plan-records';
import { useOperation, usePatient } from '../api/use-operation';
import { ErrorMessage, Loading } from '../layout/Status';
import { planState, usePlanWords } from './plan-format';
import { planHref } from './plan-routes';
import { PlansBreadcrumb } from './PlansBreadcrumb';
import { ScrollBox } from '../layout/ScrollBox';

/** "2 met", "1 off track": a count agrees with its status word, so each is one plural message. */
function goalCount(t: TFunction, kind: GoalStatusKind, count: number): string {
  switch (kind) {
    case 'met':
      return t('plans.list.goalsMet', { count });
    case 'on_track':
      return t('plans.list.goalsOnTrack', { count });
    case 'off_track':
      return t('plans.list.goalsOffTrack', { count });
    case 'not_started':
      return t('plans.list.goalsNotStarted', { count });
  }
}

function goalSummary(t: TFunction, plan: Plan): string {
  if (plan.goals.length === 0) return t('plans.list.noGoals');
  return GOAL_STATUSES.map((k) => [k, plan.goals.filter((g) => g.status.kind === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => goalCount(t, k, n))
    .join(', ');
}

/** The patient's therapy plans, the most recently started first. */
export function PlanListPage({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const words = usePlanWords();
  const patient = usePatient(patientId);
  const [plans] = useOperation('plans.list', { patientId });
  if (patient.state === 'loading' || plans.state === 'loading') return <Loading what={t('plans.list.loadingWhat')} />;
  if (patient.state === 'error') return <ErrorMessage error={patient.error} retry={patient.retry} />;
  if (plans.state === 'error') return <ErrorMessage error={plans.error} retry={plans.retry} />;
  const today = todayLocal();
  return (
    <section aria-labelledby="plans-heading">
      <PlansBreadcrumb patient={patient.value} />
      <div className="toolbar">
        <h1 id="plans-heading">{t('plans.list.heading', { name: patientDisplayName(patient.value) })}</h1>
        <a className="button primary" href={planHref.create(patientId)}>
          {t('plans.list.new')}
        </a>
      </div>
      {plans.value.length === 0 ? (
        <p className="empty">{t('plans.list.empty')}</p>
      ) : (
        <ScrollBox label={t('plans.list.tableLabel')}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('plans.list.colPlan')}</th>
                <th scope="col">{t('plans.sites')}</th>
                <th scope="col">{t('plans.period')}</th>
                <th scope="col">{t('plans.versions')}</th>
                <th scope="col">{t('plans.stateLabel')}</th>
                <th scope="col">{t('plans.goals')}</th>
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
                    <td>{words.sites(current.sites)}</td>
                    <td>{words.period(plan.startDate, plan.endDate)}</td>
                    <td className="num">{plan.versions.length}</td>
                    <td>{words.state(planState(plan, today))}</td>
                    <td>{goalSummary(t, plan)}</td>
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
