import { formatSlope } from '../../../shared/analysis/format';
import type { PatientSeries } from '../../../shared/analysis/patient-series';
import { formatDegrees } from '../../../shared/domain/catalogue';
import { formatDuration } from '../../../shared/analysis/format';
import { daysBetween } from '../../../shared/domain/dates';
import { styleOf, type GoalLine } from '../charts/chart-model';
import { EventSwatch, LineSwatch, MarkerSwatch, REF, SeriesSwatch } from '../charts/chart-parts';
import type { ChartStrata } from './chart-strata';
import { instrumentWord } from '../clinical/verdict-text';
import { chartTrend } from './DetailChart';
import { useFormatDate } from '../session/session-context';
import { PlanPeriodsLegendItem, type PlanPeriod } from '../charts/plan-periods';

/**
 * Which marker shape stands for which therapist and instrument in the series the page is about: the verdict
 * compares readings only within one of these groups.
 */
export function StrataLegend({ focus, strata, nameOf }: { focus: PatientSeries; strata: ChartStrata; nameOf: (id: string | null) => string }) {
  const base = styleOf(focus.side, focus.mode);
  const thresholds = new Set(strata.strata.map((s) => s.threshold).filter((t) => t !== null));
  return (
    <div className="strata-legend">
      <p className="strata-legend-head">
        {focus.label}, by who measured and with what (the verdict compares readings only within one group):
      </p>
      <ul aria-label="Marker shapes: therapist and instrument">
        {strata.strata.map((s) => (
          <li key={s.key ?? 'unrecorded'}>
            <MarkerSwatch style={{ ...base, shape: s.shape }} />
            {s.key === null ? 'Therapist or instrument not recorded (compared with none)' : `${nameOf(s.raterId)}, ${instrumentWord(s.instrument)}`}
            <span className="muted">
              {' '}
              ({s.readings} reading{s.readings === 1 ? '' : 's'}
              {thresholds.size > 1 && s.threshold !== null ? `, threshold ${formatDegrees(s.threshold)}` : ''})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What each line, marker and band means, in words, with a sample drawn the way the chart draws it. */
export function ChartLegend({ focus, series, hasEvents, goals = [], periods = [] }: { focus: PatientSeries; series: readonly PatientSeries[]; hasEvents: boolean; goals?: readonly GoalLine[]; periods?: readonly PlanPeriod[] }) {
  const formatDate = useFormatDate();
  const { summary, verdict } = focus.analysis;
  const drawn = chartTrend(focus);
  const trend = drawn?.trend;
  const applied = verdict.threshold;
  return (
    <ul className="chart-legend" aria-label="Legend">
      {series.map((s) => (
        <li key={s.key}>
          <SeriesSwatch style={styleOf(s.side, s.mode)} wide={s.key === focus.key} />
          {styleOf(s.side, s.mode).name}
          {s.key === focus.key && <strong> (this series)</strong>}
        </li>
      ))}
      <li>
        <LineSwatch stroke={REF.normal.stroke} dash={REF.normal.dash} />
        Normal {formatDegrees(focus.normal)}
      </li>
      {focus.functional !== null && (
        <li>
          <LineSwatch stroke={REF.functional.stroke} dash={REF.functional.dash} />
          Functional {formatDegrees(focus.functional)}
        </li>
      )}
      {summary.baseline && (
        <li>
          <LineSwatch stroke={REF.band.stroke} band={REF.band.fill} />
          Baseline ± {formatDegrees(applied?.degrees ?? focus.threshold)} ({applied?.basis === 'doubled' ? 'the threshold, doubled' : 'the threshold: measurement error, same therapist and instrument'})
        </li>
      )}
      {trend && (
        <li>
          <LineSwatch stroke={REF.trend.stroke} dash={REF.trend.dash} width={REF.trend.width} />
          {drawn.fromVerdict
            ? `Trend the verdict weighed, ${formatDate(trend.fromDate)} to ${formatDate(trend.toDate)}: ${formatSlope(trend.slopePerWeek)}`
            : `Trend over the last ${formatDuration(daysBetween(trend.fromDate, trend.toDate))}: ${formatSlope(trend.slopePerWeek)}`}
        </li>
      )}
      {goals.length > 0 && (
        <li>
          <LineSwatch stroke={REF.goal.stroke} dash={REF.goal.dash} />
          Goal
        </li>
      )}
      {periods.length > 0 && <PlanPeriodsLegendItem periods={periods} />}
      {hasEvents && (
        <li>
          <EventSwatch />
          Clinical event
        </li>
      )}
    </ul>
  );
}
