import { useTranslation } from 'react-i18next';
import type { AnalysedSeries } from '../../../shared/api/operations/analysis';
import { usePlanWords } from '../plans/plan-format';
import { useFormatDate } from '../session/session-context';
import type { PlanInPeriod } from './report-model';
import { useSeriesName } from './series-name';

/**
 * How each watched series moved during this plan against before it, in the analysis' own sentences. Periods
 * with too few readings are named in one line instead of one "not enough to say" per series.
 */
function PlanResponsesOf({ planId, series }: { planId: string; series: readonly AnalysedSeries[] }) {
  const { t } = useTranslation();
  const name = useSeriesName();
  const rows = series
    .filter((s) => s.watched)
    .flatMap((s) => (s.planResponses ?? []).filter((r) => r.planId === planId).map((r) => ({ s, r })));
  if (rows.length === 0) return null;
  const enough = rows.filter(({ r }) => r.enough);
  const tooFew = [...new Set(rows.filter(({ r }) => !r.enough).map(({ s }) => name.series(s.side, s.motion, s.mode)))];
  return (
    <div className="report-keep">
      <p className="report-caption">{t('report.plan.response')}</p>
      {enough.length > 0 && (
        <ul className="report-plan-responses">
          {enough.map(({ s, r }) => (
            <li key={`${s.key}-${r.versionId}-${r.from}`}>{r.sentence}</li>
          ))}
        </ul>
      )}
      {tooFew.length > 0 && <p className="report-small">{t('report.plan.tooFew', { series: tooFew.join('; ') })}</p>}
      <p className="report-small">{t('report.plan.notCause')}</p>
    </div>
  );
}

function OnePlan({ entry, to, series }: { entry: PlanInPeriod; to: string; series: readonly AnalysedSeries[] }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const words = usePlanWords();
  const v = entry.version;
  const until = v.inForceUntil ? t('report.plan.until', { date: formatDate(v.inForceUntil) }) : t('report.plan.noEnd');
  const inForce =
    v.number === 1
      ? t('report.plan.inForce', { from: formatDate(v.effectiveFrom), until })
      : t('report.plan.versionInForce', { started: formatDate(entry.plan.startDate), number: v.number, from: formatDate(v.effectiveFrom), until });
  return (
    <div className="report-plan">
      <h3 className="report-keep-with-next">{v.title}</h3>
      <p>
        {entry.versionsInPeriod > 1 ? t('report.plan.revised', { inForce, versions: entry.versionsInPeriod, date: formatDate(to) }) : t('report.sentenceEnd', { sentence: inForce })}
        {v.ended ? ` ${t('report.plan.stopped', { date: formatDate(v.ended.on), reason: v.ended.reason })}` : ''}
      </p>
      <p>
        {t('report.plan.sites', { sites: words.sites(v.sites) })} {t('report.plan.passive')} <strong>{v.passiveRomAllowed ? t('report.plan.allowed') : t('report.plan.notAllowed')}</strong>.
        {v.precautions ? ` ${t('report.plan.precautions', { precautions: v.precautions })}` : ''}
      </p>
      {/* Plan tables are short: each stays whole, so a caption and header never end a page alone. */}
      <table className="report-table report-keep">
        <caption className="report-caption">{t('report.plan.prescribed')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.plan.colIntervention')}</th>
            <th scope="col">{t('report.plan.colMotions')}</th>
            <th scope="col">{t('report.plan.colDose')}</th>
            <th scope="col">{t('report.plan.colHowOften')}</th>
            <th scope="col">{t('report.plan.colInstructions')}</th>
          </tr>
        </thead>
        <tbody>
          {v.items.map((item) => (
            <tr key={item.id} className="report-keep">
              <td>{words.intervention(item.intervention)}</td>
              <td>{words.motions(item.motions, v.sites)}</td>
              <td className="nowrap">{words.dose(item)}</td>
              <td className="nowrap">{words.frequency(item)}</td>
              <td>{item.instructions ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <PlanResponsesOf planId={entry.plan.id} series={series} />
      {entry.goals.length === 0 ? (
        <p>{t('report.plan.noGoals')}</p>
      ) : (
        <table className="report-table report-keep">
          <caption className="report-caption">{t('report.plan.goalsCaption', { date: formatDate(to) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.plan.colGoal')}</th>
              <th scope="col" className="num">
                {t('report.plan.colTarget')}
              </th>
              <th scope="col">{t('report.plan.colBy')}</th>
              <th scope="col">{t('report.plan.colStatus')}</th>
              <th scope="col">{t('report.plan.colWhy')}</th>
            </tr>
          </thead>
          <tbody>
            {entry.goals.map(({ goal, status }) => (
              <tr key={goal.id} className="report-keep">
                <td>{words.goalSeries(goal.motion, goal.side, goal.mode)}</td>
                <td className="num nowrap">{words.target(goal.target)}</td>
                <td className="nowrap">{formatDate(goal.targetDate)}</td>
                <td className="nowrap">
                  <strong>{words.goalStatus(status.kind)}</strong>
                </td>
                <td>{words.goalReason(status, goal.target)}</td>
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
  const { t } = useTranslation();
  return (
    <section className="report-section" aria-labelledby="report-plan-heading">
      <h2 id="report-plan-heading">{t('report.plan.heading')}</h2>
      {plans === null ? (
        <p>{error ? t('report.plan.unreadableWhy', { error }) : t('report.plan.unreadable')}</p>
      ) : plans.length === 0 ? (
        <p>{t('report.plan.none')}</p>
      ) : (
        plans.map((entry) => <OnePlan key={entry.plan.id} entry={entry} to={to} series={series} />)
      )}
    </section>
  );
}
