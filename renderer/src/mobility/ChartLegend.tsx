import { formatSlope } from '../../../shared/analysis/format';
import type { PatientSeries } from '../../../shared/analysis/patient-series';
import { formatDegrees } from '../../../shared/domain/catalogue';
import { formatDuration } from '../../../shared/analysis/format';
import { daysBetween } from '../../../shared/domain/dates';
import { styleOf } from './chart-model';
import { EventSwatch, LineSwatch, REF, SeriesSwatch } from './chart-parts';
import type { Goal } from './DetailChart';
import { PlanPeriodsLegendItem, type PlanPeriod } from '../plans/chart-overlays';

/** What each line, marker and band means, in words, with a sample drawn the way the chart draws it. */
export function ChartLegend({ focus, series, hasEvents, goals = [], periods = [] }: { focus: PatientSeries; series: readonly PatientSeries[]; hasEvents: boolean; goals?: readonly Goal[]; periods?: readonly PlanPeriod[] }) {
  const { summary } = focus.analysis;
  const trend = summary.trendRecent;
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
          Baseline ± {formatDegrees(focus.threshold)} (measurement error, same rater and instrument)
        </li>
      )}
      {trend && trend.fromDate !== trend.toDate && (
        <li>
          <LineSwatch stroke={REF.trend.stroke} dash={REF.trend.dash} width={REF.trend.width} />
          Trend over the last {formatDuration(daysBetween(trend.fromDate, trend.toDate))}: {formatSlope(trend.slopePerWeek)}
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
