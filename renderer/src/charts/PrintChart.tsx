import { useMemo } from 'react';
import { CartesianGrid, ReferenceLine, Scatter, ScatterChart, XAxis, YAxis } from 'recharts';
import type { AnalysedSeries } from '../../../shared/api/operations/analysis';
import { useTranslation } from 'react-i18next';
import { dayAxis, dayDomain, degreeAxis, motionValueAxis } from './axes';
import { dayNumber, pointsToDraw, styleOf, timeTicks, type EventMarker, type GoalLine, type SeriesStyle } from './chart-model';
import { EventLabel, EventSwatch, LineSwatch, Marker, REF, SeriesSwatch } from './chart-parts';
import { useFormatter } from '../session/session-context';
import { useChartWords } from './chart-words';

// A motion over a period, for paper: the progress report's charts and the referral letter's one. A fixed size
// in CSS pixels (ResponsiveContainer measures the screen, not the page, and can print empty), no animation,
// and black only. Sides differ by marker shape, modes by fill and line pattern, reference lines by dash
// pattern: nothing depends on colour.

const INK = '#000';
const GOAL = { stroke: INK, dash: REF.goal.dash };

/** One motion's series on paper: each side and mode measured, cut to the period, with its events and goals. */
export interface PrintChartData {
  title: string;
  series: AnalysedSeries[];
  markers: EventMarker[];
  goals: GoalLine[];
}

/** The mobility charts' style with the colour taken out: the shape, fill and dash already tell series apart. */
export function printStyle(s: Pick<AnalysedSeries, 'side' | 'mode'>): SeriesStyle {
  return { ...styleOf(s.side, s.mode), colour: INK };
}

/**
 * Points drawn per printed chart, at most: a chart about 700 pixels wide on paper shows no more apart, and each
 * drawn point costs the printout (the report of a long history drew 600 per chart). The table lists every one.
 */
export const PRINT_DRAW_BUDGET = 200;

export function PrintChart({ chart, from, to, width, height = 250 }: { chart: PrintChartData; from: string; to: string; width: number; height?: number }) {
  const { t } = useTranslation();
  const format = useFormatter();
  const formatDate = format.date;
  const drawn = useMemo(() => pointsToDraw(chart.series, PRINT_DRAW_BUDGET), [chart.series]);
  const first = dayNumber(from);
  const last = dayNumber(to);
  const xDomain = dayDomain(first, last, 0.02);
  const spec = chart.series[0]!;
  const yAxis = motionValueAxis(spec, chart.series, drawn, chart.goals);
  // Three rows of event labels need the top margin; without events the chart keeps the room for its data.
  const top = chart.markers.length ? 44 : 12;

  return (
    <ScatterChart width={width} height={height} margin={{ top, right: 96, bottom: 4, left: 4 }} accessibilityLayer={false}>
      <CartesianGrid stroke="#bbb" strokeWidth={0.5} />
      <XAxis {...dayAxis(xDomain, timeTicks(first, last, 7), formatDate, { fontSize: 10, fill: INK })} stroke={INK} />
      <YAxis {...degreeAxis(yAxis, 44, { fontSize: 10, fill: INK })} stroke={INK} />
      <ReferenceLine y={spec.normal} stroke={INK} strokeDasharray={REF.normal.dash} label={{ value: t('charts.normal', { value: format.degrees(spec.normal) }), position: 'right', fontSize: 10, fill: INK }} />
      {spec.functional !== null && (
        <ReferenceLine
          y={spec.functional}
          stroke={INK}
          strokeDasharray={REF.functional.dash}
          label={{ value: t('charts.functional', { value: format.degrees(spec.functional) }), position: 'right', fontSize: 10, fill: INK }}
        />
      )}
      {chart.goals.map((g) => (
        <ReferenceLine key={`${g.label}-${g.value}`} y={g.value} stroke={GOAL.stroke} strokeDasharray={GOAL.dash} strokeWidth={1.2} label={{ value: t('charts.goalValue', { goal: g.label, value: format.degrees(g.value) }), position: 'insideTopRight', fontSize: 9, fill: INK }} />
      ))}
      {chart.markers.map((m, i) => (
        <ReferenceLine key={m.key} x={m.day} stroke={INK} strokeDasharray={REF.event.dash} strokeWidth={1} label={<EventLabel text={m.label} row={i % 3} />} />
      ))}
      {chart.series.map((s) => {
        const style = printStyle(s);
        const points = drawn.get(s.key) ?? [];
        const data = points.map((p) => ({ x: dayNumber(p.date), y: p.value }));
        return (
          <Scatter
            key={s.key}
            name={style.name}
            data={data}
            isAnimationActive={false}
            line={{ stroke: INK, strokeWidth: 1.2, strokeDasharray: style.dash }}
            shape={(props: { cx?: number; cy?: number }) => <Marker cx={props.cx ?? 0} cy={props.cy ?? 0} style={style} size={points.length > 80 ? 2.5 : 3.5} />}
          />
        );
      })}
    </ScatterChart>
  );
}

/** What each mark means, drawn the way the chart draws it. */
export function PrintChartLegend({ chart }: { chart: PrintChartData }) {
  const { t } = useTranslation();
  const format = useFormatter();
  const words = useChartWords();
  const spec = chart.series[0]!;
  return (
    <ul className="report-legend" aria-label={t('charts.legendFor', { chart: chart.title })}>
      {chart.series.map((s) => (
        <li key={s.key}>
          <SeriesSwatch style={printStyle(s)} />
          {words.seriesStyle(s.side, s.mode)}
        </li>
      ))}
      <li>
        <LineSwatch stroke={INK} dash={REF.normal.dash} />
        {t('charts.normal', { value: format.degrees(spec.normal) })}
      </li>
      {spec.functional !== null && (
        <li>
          <LineSwatch stroke={INK} dash={REF.functional.dash} />
          {t('charts.functional', { value: format.degrees(spec.functional) })}
        </li>
      )}
      {chart.goals.length > 0 && (
        <li>
          <LineSwatch stroke={INK} dash={GOAL.dash} />
          {t('charts.goal')}
        </li>
      )}
      {chart.markers.length > 0 && (
        <li>
          <EventSwatch />
          {t('charts.clinicalEvent')}
        </li>
      )}
    </ul>
  );
}
