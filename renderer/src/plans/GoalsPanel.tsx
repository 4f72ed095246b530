import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { seriesKeyOf } from '../../../shared/analysis/patient-series';
import { findMotionSpec } from '../../../shared/domain/catalogue';
import type { GoalStatusKind } from '../../../shared/domain/goal-status';
import { GoalInput, type PlanSite } from '../../../shared/domain/plan';
import type { Goal, Plan } from '../../../shared/domain/plan-records';
import type { GoalPoint } from '../../../shared/domain/goal-status';
import { call } from '../api/client';
import { useDateBoxes } from '../forms/DateField';
import { applyServerErrors, useMappedForm } from '../forms/schema-form';
import { ActionsHeader, FormRow, VoidRecordForm } from '../clinical/record-rows';
import { href } from '../router';
import { useFormatter } from '../session/session-context';
import { GoalFields, goalAlone } from './GoalFields';
import { usePlanWords } from './plan-format';
import { emptyGoal, goalInput, type GoalValues } from './plan-form-model';
import { ScrollBox } from '../layout/ScrollBox';
import { RecordForm } from '../forms/RecordForm';
import { FormActions } from '../forms/FormActions';

/** A status in words and a shape, boxed: it reads the same printed in black and white. */
const STATUS_MARK: Record<GoalStatusKind, string> = { met: '✓', on_track: '↗', off_track: '!', not_started: '…' };

export function GoalStatusTag({ kind }: { kind: GoalStatusKind }) {
  const words = usePlanWords();
  return (
    <span className={`goal-status goal-${kind.replace('_', '-')}`}>
      <span aria-hidden="true">{STATUS_MARK[kind]} </span>
      {words.goalStatus(kind)}
    </span>
  );
}

function AddGoalForm({ plan, sites, series, today, onDone }: { plan: Plan; sites: readonly PlanSite[]; series: ReadonlyMap<string, GoalPoint[]>; today: string; onDone(saved: Goal | null): void }) {
  const { t } = useTranslation();
  const onlySide = new Set(sites.map((s) => s.side)).size === 1 ? sites[0]!.side : '';
  const toInput = (v: GoalValues) => ({ planId: plan.id, ...goalInput(v) });
  const dates = useDateBoxes('targetDate');
  const form = useMappedForm(GoalInput, emptyGoal(onlySide), toInput, dates);
  const [formError, setFormError] = useState<string | null>(null);
  const submit = form.handleSubmit(async (v) => {
    const r = await call('goals.add', v);
    if (r.ok) onDone(r.value);
    else setFormError(applyServerErrors(form, r.error, ['motion', 'side', 'mode', 'target', 'targetDate']));
  });
  return (
    <RecordForm label={t('plans.goals.add')} onSubmit={submit} onCancel={() => onDone(null)} error={formError}>
      <GoalFields
        goal={goalAlone(form)}
        errors={form.formState.errors}
        sites={sites}
        planStart={plan.startDate}
        series={series}
        today={today}
        legend={t('plans.goals.newGoal')}
        autoFocus
      />
      <FormActions submitLabel={t('plans.goals.addSubmit')} busy={form.formState.isSubmitting} onCancel={() => onDone(null)} />
    </RecordForm>
  );
}

type Action = { kind: 'add' } | { kind: 'void'; id: string } | null;

/** The plan's goals with their status derived from the measurements, each linked to its chart. */
export function GoalsPanel({ plan, sites, series, today, onChanged }: { plan: Plan; sites: readonly PlanSite[]; series: ReadonlyMap<string, GoalPoint[]>; today: string; onChanged(message: string): void }) {
  const { t } = useTranslation();
  const words = usePlanWords();
  const f = useFormatter();
  const [action, setAction] = useState<Action>(null);
  const done = (message: string | null) => {
    setAction(null);
    if (message) onChanged(message);
  };
  return (
    <section aria-labelledby="goals-heading">
      <div className="toolbar">
        <h2 id="goals-heading">{t('plans.goals')}</h2>
        {action?.kind !== 'add' ? (
          <button type="button" onClick={() => setAction({ kind: 'add' })}>
            {t('plans.goals.add')}
          </button>
        ) : null}
      </div>
      {action?.kind === 'add' ? (
        <AddGoalForm plan={plan} sites={sites} series={series} today={today} onDone={(g) => done(g ? t('plans.goals.added', { goal: words.goalSeries(g.motion, g.side, g.mode), target: words.target(g.target) }) : null)} />
      ) : null}
      {plan.goals.length === 0 ? (
        <p className="empty">{t('plans.goals.empty')}</p>
      ) : (
        <ScrollBox label={t('plans.goals.tableLabel')}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('plans.goals.colGoal')}</th>
                <th scope="col" className="num">{t('plans.goals.colTarget')}</th>
                <th scope="col">{t('plans.goals.colBy')}</th>
                <th scope="col" className="num">{t('plans.goals.colLatest')}</th>
                <th scope="col">{t('plans.goals.colStatus')}</th>
                <th scope="col">{t('plans.why')}</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {plan.goals.map((g) => {
                const name = words.goalSeries(g.motion, g.side, g.mode);
                const spec = findMotionSpec(g.motion);
                return (
                  <Fragment key={g.id}>
                    <tr>
                      <th scope="row">
                        {name}
                        {g.setWhenMet ? <span className="tag">{t('plans.goals.toMaintain')}</span> : null}
                      </th>
                      <td className="num nowrap">{words.target(g.target)}</td>
                      <td className="nowrap">{f.date(g.targetDate)}</td>
                      <td className="num nowrap">{g.status.latest ? t('plans.goals.latestValue', { degrees: f.degrees(g.status.latest.value), date: f.date(g.status.latest.date) }) : '—'}</td>
                      <td className="nowrap">
                        <GoalStatusTag kind={g.status.kind} />
                      </td>
                      <td>{words.goalReason(g.status, g.target)}</td>
                      <td>
                        <div className="row-actions">
                          {spec ? (
                            <a className="button" href={href.seriesDetail(plan.patientId, seriesKeyOf(g.side, spec.key, g.mode))} aria-label={t('plans.goals.chartOf', { name })}>
                              {t('plans.goals.chart')}
                            </a>
                          ) : null}
                          <button type="button" aria-label={t('plans.goals.voidLabel', { name })} aria-expanded={action?.kind === 'void' && action.id === g.id} onClick={() => setAction({ kind: 'void', id: g.id })}>
                            {t('plans.goals.void')}
                          </button>
                        </div>
                      </td>
                    </tr>
                    {action?.kind === 'void' && action.id === g.id ? (
                      <FormRow columns={7}>
                        <VoidRecordForm operation="goals.void" id={g.id} what={t('plans.goals.voidWhat', { name })} onDone={(saved) => done(saved ? t('plans.goals.voided', { name }) : null)} />
                      </FormRow>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
      )}
      <p className="small muted">
        {t('plans.goals.statusNote')}
      </p>
    </section>
  );
}
