import { Fragment, useState } from 'react';
import { seriesKeyOf } from '../../../shared/analysis/patient-series';
import { findMotionSpec, formatDegrees } from '../../../shared/domain/catalogue';
import { GOAL_STATUS_LABELS, type GoalStatusKind } from '../../../shared/domain/goal-status';
import { GoalInput, type PlanSite } from '../../../shared/domain/plan';
import type { Goal, Plan } from '../../../shared/domain/plan-records';
import type { GoalPoint } from '../../../shared/domain/goal-status';
import { call } from '../api/client';
import { useDateBoxes } from '../forms/DateField';
import { applyServerErrors, useMappedForm } from '../forms/schema-form';
import { ActionsHeader, FormRow, VoidRecordForm } from '../clinical/record-rows';
import { href } from '../router';
import { useFormatDate } from '../session/session-context';
import { GoalFields, goalAlone } from './GoalFields';
import { goalSeriesText, targetText } from './plan-format';
import { emptyGoal, goalInput, type GoalValues } from './plan-form-model';
import { ScrollBox } from '../layout/ScrollBox';
import { RecordForm } from '../forms/RecordForm';
import { FormActions } from '../forms/FormActions';

/** A status in words and a shape, boxed: it reads the same printed in black and white. */
const STATUS_MARK: Record<GoalStatusKind, string> = { met: '✓', on_track: '↗', off_track: '!', not_started: '…' };

export function GoalStatusTag({ kind }: { kind: GoalStatusKind }) {
  return (
    <span className={`goal-status goal-${kind.replace('_', '-')}`}>
      <span aria-hidden="true">{STATUS_MARK[kind]} </span>
      {GOAL_STATUS_LABELS[kind]}
    </span>
  );
}

function AddGoalForm({ plan, sites, series, today, onDone }: { plan: Plan; sites: readonly PlanSite[]; series: ReadonlyMap<string, GoalPoint[]>; today: string; onDone(saved: Goal | null): void }) {
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
    <RecordForm label="Add a goal" onSubmit={submit} onCancel={() => onDone(null)} error={formError}>
      <GoalFields
        goal={goalAlone(form)}
        errors={form.formState.errors}
        sites={sites}
        planStart={plan.startDate}
        series={series}
        today={today}
        legend="New goal"
        autoFocus
      />
      <FormActions submitLabel="Add goal" busy={form.formState.isSubmitting} onCancel={() => onDone(null)} />
    </RecordForm>
  );
}

type Action = { kind: 'add' } | { kind: 'void'; id: string } | null;

/** The plan's goals with their status derived from the measurements, each linked to its chart. */
export function GoalsPanel({ plan, sites, series, today, onChanged }: { plan: Plan; sites: readonly PlanSite[]; series: ReadonlyMap<string, GoalPoint[]>; today: string; onChanged(message: string): void }) {
  const formatDate = useFormatDate();
  const [action, setAction] = useState<Action>(null);
  const done = (message: string | null) => {
    setAction(null);
    if (message) onChanged(message);
  };
  return (
    <section aria-labelledby="goals-heading">
      <div className="toolbar">
        <h2 id="goals-heading">Goals</h2>
        {action?.kind !== 'add' ? (
          <button type="button" onClick={() => setAction({ kind: 'add' })}>
            Add a goal
          </button>
        ) : null}
      </div>
      {action?.kind === 'add' ? (
        <AddGoalForm plan={plan} sites={sites} series={series} today={today} onDone={(g) => done(g ? `Goal added: ${goalSeriesText(g.motion, g.side, g.mode)} ${targetText(g.target)}.` : null)} />
      ) : null}
      {plan.goals.length === 0 ? (
        <p className="empty">No goal set. A goal is a value to reach by a date, followed on the chart as a target line.</p>
      ) : (
        <ScrollBox label="Goals and their status">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Goal</th>
                <th scope="col" className="num">Target</th>
                <th scope="col">By</th>
                <th scope="col" className="num">Latest</th>
                <th scope="col">Status</th>
                <th scope="col">Why</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {plan.goals.map((g) => {
                const name = goalSeriesText(g.motion, g.side, g.mode);
                const spec = findMotionSpec(g.motion);
                return (
                  <Fragment key={g.id}>
                    <tr>
                      <th scope="row">
                        {name}
                        {g.setWhenMet ? <span className="tag">to maintain</span> : null}
                      </th>
                      <td className="num nowrap">{targetText(g.target)}</td>
                      <td className="nowrap">{formatDate(g.targetDate)}</td>
                      <td className="num nowrap">{g.status.latest ? `${formatDegrees(g.status.latest.value)}, ${formatDate(g.status.latest.date)}` : '—'}</td>
                      <td className="nowrap">
                        <GoalStatusTag kind={g.status.kind} />
                      </td>
                      <td>{g.status.reason}</td>
                      <td>
                        <div className="row-actions">
                          {spec ? (
                            <a className="button" href={href.seriesDetail(plan.patientId, seriesKeyOf(g.side, spec.key, g.mode))} aria-label={`Chart of ${name}`}>
                              Chart
                            </a>
                          ) : null}
                          <button type="button" aria-label={`Void goal ${name}`} aria-expanded={action?.kind === 'void' && action.id === g.id} onClick={() => setAction({ kind: 'void', id: g.id })}>
                            Void
                          </button>
                        </div>
                      </td>
                    </tr>
                    {action?.kind === 'void' && action.id === g.id ? (
                      <FormRow columns={7}>
                        <VoidRecordForm operation="goals.void" id={g.id} what={`goal ${name}`} onDone={(saved) => done(saved ? `Goal voided: ${name}.` : null)} />
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
        Status follows the measurements: met when the latest reading reaches the target; on track when the trend since the plan began (Theil-Sen) reaches it by the
        target date; off track when it does not, or the date has passed; not started without readings on two days.
      </p>
    </section>
  );
}
