import { CartesianGrid, ReferenceArea, ReferenceDot, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { SeriesPoint } from '../../../shared/analysis/patient-series';
import type { AnalysedSeries } from '../../../shared/api/operations/analysis';
import type { Trend } from '../../../shared/analysis/series-summary';
import { useTranslation } from 'react-i18next';
import { daysBetween } from '../../../shared/domain/dates';
import { useFormatter } from '../session/session-context';
import { dayAxis, dayDomain, degreeAxis, motionValueAxis } from '../charts/axes';
import { dayNumber, styleOf, timeTicks, type EventMarker, type GoalLine } from '../charts/chart-model';
import { EventLabel, Marker, REF } from '../charts/chart-parts';
import { labelRoom } from '../charts/label-room';
import type { ChartStrata } from './chart-strata';
import { DenseSeries } from './DenseSeries';
import { PointTooltip, type ChartDatum } from './PointTooltip';
import { periodDays, planPeriodAreas, type PlanPeriod } from '../charts/plan-periods';
import { todayLocal } from '../../../shared/domain/dates';

/** Above this many drawn points in one series, markers shrink (about one per 1.5 pixels at 900 wide). */
const DENSE_POINTS = 120;

export interface DetailChartProps {
  /** The series the page is about: its baseline band and trend are drawn. */
  focus: AnalysedSeries;
  /** Every series of the motion with points, the focus among them. */
  series: readonly AnalysedSeries[];
  /** The points to draw per series key (downsampled when long); the table lists them all. */
  drawn: ReadonlyMap<string, readonly SeriesPoint[]>;
  markers: readonly EventMarker[];
  goals?: readonly GoalLine[];
  /** Therapy plan versions, drawn as hatched, labelled periods (charts/plan-periods.tsx; the route passes them in). */
  periods?: readonly PlanPeriod[];
  nameOf: (id: string | null) => string;
  /** Marker shapes by therapist and instrument for the focus series, when its readings mix them (chart-strata). */
  strata?: ChartStrata | null;
  /** Accessible name: what the chart shows and its verdict. */
  label: string;
  height?: number;
}

/**
 * The trend to draw: the one the verdict weighed (its comparison's, e.g. one therapist's readings from the
 * baseline on), so the line on the chart and the slope in the reason agree; else the recent window's.
 */
export function chartTrend(focus: AnalysedSeries): { trend: Trend; fromVerdict: boolean } | null {
  const own = focus.verdict.comparison?.trend ?? null;
  if (own && own.fromDate !== own.toDate) return { trend: own, fromVerdict: true };
  const recent = focus.analysis.summary.trendRecent;
  return recent && recent.fromDate !== recent.toDate ? { trend: recent, fromVerdict: false } : null;
}

/** The trend line as two end points in chart units. */
export function trendSegment(focus: AnalysedSeries): [{ x: number; y: number }, { x: number; y: number }] | null {
  const t = chartTrend(focus)?.trend;
  if (!t) return null;
  const weeks = daysBetween(t.fromDate, t.toDate) / 7;
  return [
    { x: dayNumber(t.fromDate), y: t.startValue },
    { x: dayNumber(t.toDate), y: t.startValue + t.slopePerWeek * weeks },
  ];
}

/**
 * The motion over time: left and right, active and passive (shape and line pattern tell them apart), the
 * normal and functional values, the baseline's threshold band, the trend, goals and clinical events.
 * Drawn without animation, in SVG; role="img" with a summary, the table under it holds the numbers.
 */
export function DetailChart({ focus, series, drawn, markers, goals = [], periods = [], nameOf, strata = null, label, height = 400 }: DetailChartProps) {
  const { t } = useTranslation();
  const format = useFormatter();
  const formatDate = format.date;
  const { summary } = focus.analysis;
  const { verdict } = focus;
  // The band is the threshold the verdict actually applied (doubled when it had to compare across therapists).
  const threshold = verdict.threshold?.degrees ?? focus.threshold;
  const baseline = summary.baseline;
  const trend = trendSegment(focus);

  const days = [...series.flatMap((s) => (drawn.get(s.key) ?? []).map((p) => dayNumber(p.date))), ...markers.map((m) => m.day), ...goals.map((g) => dayNumber(g.date)), ...periods.flatMap((p) => periodDays(p, todayLocal()))];
  const xDomain = dayDomain(Math.min(...days), Math.max(...days), 0.03);

  const band = baseline ? { low: baseline.value - threshold, high: baseline.value + threshold } : null;
  const yAxis = motionValueAxis(focus, series, drawn, goals, [...(band ? [band.low, band.high] : []), ...(trend ? [trend[0].y, trend[1].y] : [])]);
  const normalLabel = t('charts.normal', { value: format.degrees(focus.normal) });
  const functionalLabel = focus.functional === null ? null : t('charts.functional', { value: format.degrees(focus.functional) });
  // Wide enough for the labels as translated ("Fonctionnelle 130°" was clipped at the edge).
  const right = labelRoom(functionalLabel === null ? [normalLabel] : [normalLabel, functionalLabel], 12, 112);

  return (
    <div className="detail-chart" role="img" aria-label={label}>
      <ScatterChart responsive width="100%" height={height} margin={{ top: 44, right, bottom: 8, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid stroke="#e2e2e2" />
        {planPeriodAreas(periods, todayLocal())}
        <XAxis {...dayAxis(xDomain, timeTicks(xDomain[0], xDomain[1]), formatDate, { fontSize: 12, fill: '#1a1a1a' })} name={t('mobility.table.date')} />
        <YAxis {...degreeAxis(yAxis, 52, { fontSize: 12, fill: '#1a1a1a' })} name={t('mobility.table.degrees')} />
        {band && baseline && (
          <ReferenceArea
            x1={dayNumber(baseline.date)}
            x2={Math.max(dayNumber(summary.latest?.date ?? baseline.date), dayNumber(baseline.date) + 1)}
            y1={band.low}
            y2={band.high}
            fill={REF.band.fill}
            fillOpacity={0.7}
            stroke={REF.band.stroke}
            strokeDasharray="2 2"
            label={{ value: t('mobility.chart.band', { baseline: format.degrees(baseline.value), threshold: format.degrees(threshold) }), position: 'insideBottomLeft', fontSize: 11, fill: '#1a1a1a' }}
          />
        )}
        <ReferenceLine
          y={focus.normal}
          stroke={REF.normal.stroke}
          strokeDasharray={REF.normal.dash}
          label={{ value: normalLabel, position: 'right', fontSize: 12, fill: '#1a1a1a' }}
        />
        {focus.functional !== null && (
          <ReferenceLine
            y={focus.functional}
            stroke={REF.functional.stroke}
            strokeDasharray={REF.functional.dash}
            label={{ value: functionalLabel ?? '', position: 'right', fontSize: 12, fill: '#1a1a1a' }}
          />
        )}
        {goals.map((g) => (
          <ReferenceLine
            key={`line-${g.label}-${g.date}`}
            y={g.value}
            stroke={REF.goal.stroke}
            strokeDasharray={REF.goal.dash}
            strokeWidth={1.5}
            label={{ value: t('mobility.chart.goal', { goal: g.label, value: format.degrees(g.value), date: formatDate(g.date) }), position: 'insideTopRight', fontSize: 11, fill: '#1d6b2f' }}
          />
        ))}
        {/* The date the goal is due, as a hollow dot on its line. */}
        {goals.map((g) => (
          <ReferenceDot key={`dot-${g.label}-${g.date}`} x={dayNumber(g.date)} y={g.value} r={5} fill="#fff" stroke={REF.goal.stroke} strokeWidth={2} />
        ))}
        {markers.map((m, i) => (
          <ReferenceLine key={m.key} x={m.day} stroke={REF.event.stroke} strokeDasharray={REF.event.dash} strokeWidth={1.5} label={<EventLabel text={m.label} row={i % 3} />} />
        ))}
        {/* Above the points (their layer is 600), or a trend that fits the data well would be hidden under them. */}
        {trend && <ReferenceLine segment={trend} stroke={REF.trend.stroke} strokeDasharray={REF.trend.dash} strokeWidth={REF.trend.width} ifOverflow="hidden" zIndex={700} />}
        {series.map((s) => {
          const style = styleOf(s.side, s.mode);
          const isFocus = s.key === focus.key;
          const points = drawn.get(s.key) ?? [];
          // Dense series get small markers so the line stays readable; the verdict's points keep full size.
          const dense = points.length > DENSE_POINTS;
          const keep = new Set(s.verdict.keepIds);
          // In the focus series, a reading's shape says who measured it and with what, when that varies.
          const shapeOf = isFocus && strata ? strata.shapeOf : null;
          // A dense series is drawn as paths (DenseSeries); only the verdict's readings stay chart points.
          const asPoints = dense ? points.filter((p) => keep.has(p.id)) : points;
          const data: ChartDatum[] = asPoints.map((p) => ({ x: dayNumber(p.date), y: p.value, point: p, series: s }));
          const lineWidth = dense ? 1 : isFocus ? 2.5 : 1.5;
          return [
            dense && <DenseSeries key={`${s.key}-dense`} points={points} style={style} skipIds={keep} shapeOf={shapeOf} size={1.8} lineWidth={lineWidth} />,
            <Scatter
              key={s.key}
              name={style.name}
              data={data}
              isAnimationActive={false}
              line={dense ? false : { stroke: style.colour, strokeWidth: lineWidth, strokeDasharray: style.dash }}
              shape={(props: { cx?: number; cy?: number; payload?: ChartDatum }) => (
                <Marker
                  cx={props.cx ?? 0}
                  cy={props.cy ?? 0}
                  style={shapeOf && props.payload ? { ...style, shape: shapeOf(props.payload.point) } : style}
                  size={isFocus ? 5 : 4}
                />
              )}
            />,
          ];
        })}
        <Tooltip content={(props) => <PointTooltip active={props.active} payload={props.payload} nameOf={nameOf} />} isAnimationActive={false} cursor={false} />
      </ScatterChart>
    </div>
  );
}
