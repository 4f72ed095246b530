import { seriesLabel, findMotionSpec, formatDegrees, type Mode, type Side } from '../../../shared/domain/catalogue';
import { GOAL_STATUS_LABELS } from '../../../shared/domain/goal-status';
import { INTERVENTION_LABELS, sitesLabel } from '../../../shared/domain/plan';
import type { PlanItem } from '../../../shared/domain/plan-records';
import type { AnalysedSeries } from '../../../shared/api/operations/analysis';
import { useFormatDate } from '../session/session-context';
import type { PlanInPeriod } from './report-model';

function motionNames(keys: readonly string[]): string {
  return keys.map((k) => findMotionSpec(k)?.label ?? k).join(', ');
}

function dose(item: PlanItem): string {
  if (item.doseKind === 'minutes') return `${item.minutes ?? '?'} min`;
  return `${item.sets ?? '?'} × ${item.repetitions ?? '?'}`;
}

function often(item: PlanItem): string {
  const times = item.frequencyCount === 1 ? 'once' : item.frequencyCount === 2 ? 'twice' : `${item.frequencyCount} times`;
  return `${times} a ${item.frequencyPer}`;
}

function goalName(motion: string, side: Side, mode: Mode): string {
  const spec = findMotionSpec(motion);
  return spec ? seriesLabel(side, spec.key, mode) : motion;
}

/**
 * How each watched series moved during this plan against before it, in the analysis' own sentences. Periods
 * with too few readings are named in one line instead of one "not enough to say" per series.
 */
function PlanResponsesOf({ planId, series }: { planId: string; series: readonly AnalysedSeries[] }) {
  const rows = series
    .filter((s) => s.watched)
    .flatMap((s) => (s.planResponses ?? []).filter((r) => r.planId === planId).map((r) => ({ s, r })));
  if (rows.length === 0) return null;
  const enough = rows.filter(({ r }) => r.enough);
  const tooFew = [...new Set(rows.filter(({ r }) => !r.enough).map(({ s }) => s.label))];
  return (
    <div className="report-keep">
      <p className="report-caption">Response during the plan</p>
      {enough.length > 0 && (
        <ul className="report-plan-responses">
          {enough.map(({ s, r }) => (
            <li key={`${s.key}-${r.versionId}-${r.from}`}>{r.sentence}</li>
          ))}
        </ul>
      )}
      {tooFew.length > 0 && <p className="report-small">Not enough readings to say for: {tooFew.join('; ')}.</p>}
      <p className="report-small">A change of trend during a plan does not by itself show the plan caused it.</p>
    </div>
  );
}

function OnePlan({ entry, to, series }: { entry: PlanInPeriod; to: string; series: readonly AnalysedSeries[] }) {
  const formatDate = useFormatDate();
  const v = entry.version;
  const until = v.inForceUntil ? `until ${formatDate(v.inForceUntil)}` : 'with no end date';
  return (
    <div className="report-plan">
      <h3 className="report-keep-with-next">{v.title}</h3>
      <p>
        {v.number === 1 ? `In force from ${formatDate(v.effectiveFrom)} ${until}` : `Started ${formatDate(entry.plan.startDate)}; version ${v.number} in force from ${formatDate(v.effectiveFrom)} ${until}`}
        {entry.versionsInPeriod > 1 ? ` (revised during the period: ${entry.versionsInPeriod} versions; shown as it stood on ${formatDate(to)})` : ''}.
        {v.ended ? ` Stopped on ${formatDate(v.ended.on)}: ${v.ended.reason}.` : ''}
      </p>
      <p>
        Sites: {sitesLabel(v.sites)}. Passive range of motion and stretching: <strong>{v.passiveRomAllowed ? 'allowed' : 'not allowed'}</strong>.
        {v.precautions ? ` Precautions: ${v.precautions}` : ''}
      </p>
      {/* Plan tables are short: each stays whole, so a caption and header never end a page alone. */}
      <table className="report-table report-keep">
        <caption className="report-caption">Prescribed</caption>
        <thead>
          <tr>
            <th scope="col">Intervention</th>
            <th scope="col">Motions</th>
            <th scope="col">Dose</th>
            <th scope="col">How often</th>
            <th scope="col">Instructions</th>
          </tr>
        </thead>
        <tbody>
          {v.items.map((item) => (
            <tr key={item.id} className="report-keep">
              <td>{INTERVENTION_LABELS[item.intervention]}</td>
              <td>{motionNames(item.motions)}</td>
              <td className="nowrap">{dose(item)}</td>
              <td className="nowrap">{often(item)}</td>
              <td>{item.instructions ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <PlanResponsesOf planId={entry.plan.id} series={series} />
      {entry.goals.length === 0 ? (
        <p>No goals set in this plan.</p>
      ) : (
        <table className="report-table report-keep">
          <caption className="report-caption">Goals, as at {formatDate(to)}</caption>
          <thead>
            <tr>
              <th scope="col">Goal</th>
              <th scope="col" className="num">Target</th>
              <th scope="col">By</th>
              <th scope="col">Status</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {entry.goals.map(({ goal, status }) => (
              <tr key={goal.id} className="report-keep">
                <td>{goalName(goal.motion, goal.side, goal.mode)}</td>
                <td className="num nowrap">at least {formatDegrees(goal.target)}</td>
                <td className="nowrap">{formatDate(goal.targetDate)}</td>
                <td className="nowrap">
                  <strong>{GOAL_STATUS_LABELS[status.kind]}</strong>
                </td>
                <td>{status.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/**
 * The therapy plans in force during the period and where each goal stood at its end. Null plans: the plans
 * could not be read, which the report says rather than printing "no plan" for a patient who has one.
 */
export function PlanSection({ plans, series, error, to }: { plans: readonly PlanInPeriod[] | null; series: readonly AnalysedSeries[]; error: string | null; to: string }) {
  return (
    <section className="report-section" aria-labelledby="report-plan-heading">
      <h2 id="report-plan-heading">Therapy plan</h2>
      {plans === null ? (
        <p>The therapy plans could not be read for this report{error ? `: ${error}` : ''}.</p>
      ) : plans.length === 0 ? (
        <p>No therapy plan recorded for this period.</p>
      ) : (
        plans.map((entry) => <OnePlan key={entry.plan.id} entry={entry} to={to} series={series} />)
      )}
    </section>
  );
}
