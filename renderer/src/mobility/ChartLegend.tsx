import { useTranslation } from 'react-i18next';
import type { AnalysedSeries } from '../../../shared/api/operations/analysis';
import { daysBetween } from '../../../shared/domain/dates';
import { useChartWords } from '../charts/chart-words';
import { useSeriesNames } from '../charts/series-names';
import { styleOf, type GoalLine } from '../charts/chart-model';
import { EventSwatch, LineSwatch, MarkerSwatch, REF, SeriesSwatch } from '../charts/chart-parts';
import type { ChartStrata } from './chart-strata';
import { chartTrend } from './DetailChart';
import { useFormatter } from '../session/session-context';
import { useInstrumentLabel } from './PointTooltip';
import { PlanPeriodsLegendItem, type PlanPeriod } from '../charts/plan-periods';

/**
 * Which marker shape stands for which therapist and instrument in the series the page is about: the verdict
 * compares readings only within one of these groups.
 */
export function StrataLegend({ focus, strata, nameOf }: { focus: AnalysedSeries; strata: ChartStrata; nameOf: (id: string | null) => string }) {
  const { t } = useTranslation();
  const format = useFormatter();
  const names = useSeriesNames();
  const instrumentLabel = useInstrumentLabel();
  const base = styleOf(focus.side, focus.mode);
  const thresholds = new Set(strata.strata.map((s) => s.threshold).filter((t) => t !== null));
  return (
    <div className="strata-legend">
      <p className="strata-legend-head">
        {t('mobility.strata.head', { series: names.series(focus.side, focus.motion, focus.mode) })}
      </p>
      <ul aria-label={t('mobility.strata.label')}>
        {strata.strata.map((s) => (
          <li key={s.key ?? 'unrecorded'}>
            <MarkerSwatch style={{ ...base, shape: s.shape }} />
            {s.key === null ? t('mobility.strata.unrecorded') : t('mobility.strata.group', { rater: nameOf(s.raterId), instrument: instrumentLabel(s.instrument).toLocaleLowerCase() })}
            <span className="muted">
              {' '}
              {thresholds.size > 1 && s.threshold !== null
                ? t('mobility.strata.readingsThreshold', { count: s.readings, threshold: format.degrees(s.threshold) })
                : t('mobility.strata.readings', { count: s.readings })}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What each line, marker and band means, in words, with a sample drawn the way the chart draws it. */
export function ChartLegend({ focus, series, hasEvents, goals = [], periods = [] }: { focus: AnalysedSeries; series: readonly AnalysedSeries[]; hasEvents: boolean; goals?: readonly GoalLine[]; periods?: readonly PlanPeriod[] }) {
  const { t } = useTranslation();
  const format = useFormatter();
  const words = useChartWords();
  const { summary } = focus.analysis;
  const { verdict } = focus;
  const drawn = chartTrend(focus);
  const trend = drawn?.trend;
  const applied = verdict.threshold;
  return (
    <ul className="chart-legend" aria-label={t('charts.legend')}>
      {series.map((s) => (
        <li key={s.key}>
          <SeriesSwatch style={styleOf(s.side, s.mode)} wide={s.key === focus.key} />
          {words.seriesStyle(s.side, s.mode)}
          {s.key === focus.key && <strong> {t('mobility.legend.thisSeries')}</strong>}
        </li>
      ))}
      <li>
        <LineSwatch stroke={REF.normal.stroke} dash={REF.normal.dash} />
        {t('charts.normal', { value: format.degrees(focus.normal) })}
      </li>
      {focus.functional !== null && (
        <li>
          <LineSwatch stroke={REF.functional.stroke} dash={REF.functional.dash} />
          {t('charts.functional', { value: format.degrees(focus.functional) })}
        </li>
      )}
      {summary.baseline && (
        <li>
          <LineSwatch stroke={REF.band.stroke} band={REF.band.fill} />
          {applied?.basis === 'doubled'
            ? t('mobility.legend.bandDoubled', { threshold: format.degrees(applied.degrees) })
            : t('mobility.legend.band', { threshold: format.degrees(applied?.degrees ?? focus.threshold) })}
        </li>
      )}
      {trend && (
        <li>
          <LineSwatch stroke={REF.trend.stroke} dash={REF.trend.dash} width={REF.trend.width} />
          {drawn.fromVerdict
            ? t('mobility.legend.trendVerdict', { from: format.date(trend.fromDate), to: format.date(trend.toDate), slope: words.slope(trend.slopePerWeek, format.degrees) })
            : t('mobility.legend.trendRecent', { span: words.duration(daysBetween(trend.fromDate, trend.toDate)), slope: words.slope(trend.slopePerWeek, format.degrees) })}
        </li>
      )}
      {goals.length > 0 && (
        <li>
          <LineSwatch stroke={REF.goal.stroke} dash={REF.goal.dash} />
          {t('charts.goal')}
        </li>
      )}
      {periods.length > 0 && <PlanPeriodsLegendItem periods={periods} />}
      {hasEvents && (
        <li>
          <EventSwatch />
          {t('charts.clinicalEvent')}
        </li>
      )}
    </ul>
  );
}
