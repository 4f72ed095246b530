import { useMemo } from 'react';
import type { AnalysedSeries } from '../../../shared/api/operations/analysis';
import { useTranslation } from 'react-i18next';
import { formatDegrees } from '../../../shared/domain/catalogue';
import { dayDomain, motionValueAxis } from './axes';
import { dateOfDay, dayNumber, pointsToDraw, styleOf, timeTicks, type EventMarker, type GoalLine, type SeriesStyle } from './chart-model';
import { EventLabel, EventSwatch, LineSwatch, Marker, REF, SeriesSwatch } from './chart-parts';
import { useFormatter } from '../session/session-context';
import { useChartWords } from './chart-words';

// A motion over a period, for paper: the progress report's charts and the referral letter's one. A fixed size
// in CSS pixels (a chart sized by the screen can print empty), drawn once, and black only. Sides differ by
// marker shape, modes by fill and line pattern, reference lines by dash pattern: nothing depends on colour.

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

// The chart's frame, as recharts laid it out before: the degrees axis at the left, the dates under the plot, and
// room at the right for the reference lines' labels ("Functional 130°").
const FRAME = { right: 96, bottom: 4, left: 4, yAxis: 44, xAxis: 30, tick: 6 } as const;
const TICK_TEXT = { fontSize: 10, fill: INK } as const;
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Drawn as plain SVG, not with the chart library: a printed chart is static, and the library's layout and
 * state for a dozen charts of 200 points each took most of the report's time to PDF (issue 21).
 */
export function PrintChart({ chart, from, to, width, height = 250 }: { chart: PrintChartData; from: string; to: string; width: number; height?: number }) {
  const { t } = useTranslation();
  const format = useFormatter();
  const drawn = useMemo(() => pointsToDraw(chart.series, PRINT_DRAW_BUDGET), [chart.series]);
  const first = dayNumber(from);
  const last = dayNumber(to);
  const [dayMin, dayMax] = dayDomain(first, last, 0.02);
  const spec = chart.series[0]!;
  const yAxis = motionValueAxis(spec, chart.series, drawn, chart.goals);
  // Three rows of event labels need the top margin; without events the chart keeps the room for its data.
  const top = chart.markers.length ? 44 : 12;
  const left = FRAME.left + FRAME.yAxis;
  const right = width - FRAME.right;
  const bottom = height - FRAME.bottom - FRAME.xAxis;
  const [vMin, vMax] = yAxis.domain;
  const x = (day: number) => round(left + ((day - dayMin) / (dayMax - dayMin || 1)) * (right - left));
  const y = (value: number) => round(bottom - ((value - vMin) / (vMax - vMin || 1)) * (bottom - top));
  const xTicks = readableTicks(timeTicks(first, last, 7), x, (d) => format.date(dateOfDay(d)));
  const reference = (value: number, dash: string, label: string) => (
    <g key={`ref-${label}`}>
      <line x1={left} x2={right} y1={y(value)} y2={y(value)} stroke={INK} strokeDasharray={dash} />
      <text x={right + 5} y={y(value)} dy="0.355em" {...TICK_TEXT}>
        {label}
      </text>
    </g>
  );

  return (
    <svg className="print-chart" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
      <g stroke="#bbb" strokeWidth={0.5}>
        {yAxis.ticks.map((v) => (
          <line key={`gy${v}`} x1={left} x2={right} y1={y(v)} y2={y(v)} />
        ))}
        {xTicks.map(({ day }) => (
          <line key={`gx${day}`} x1={x(day)} x2={x(day)} y1={top} y2={bottom} />
        ))}
      </g>
      <g stroke={INK}>
        <line x1={left} x2={right} y1={bottom} y2={bottom} />
        <line x1={left} x2={left} y1={top} y2={bottom} />
        {xTicks.map(({ day }) => (
          <line key={`tx${day}`} x1={x(day)} x2={x(day)} y1={bottom} y2={bottom + FRAME.tick} />
        ))}
        {yAxis.ticks.map((v) => (
          <line key={`ty${v}`} x1={left - FRAME.tick} x2={left} y1={y(v)} y2={y(v)} />
        ))}
      </g>
      {xTicks.map(({ day, label }) =>
        label === null ? null : (
          <text key={`lx${day}`} x={x(day)} y={bottom + FRAME.tick + 2} dy="0.71em" textAnchor="middle" {...TICK_TEXT}>
            {label}
          </text>
        ),
      )}
      {yAxis.ticks.map((v) => (
        <text key={`ly${v}`} x={left - FRAME.tick - 2} y={y(v)} dy="0.355em" textAnchor="end" {...TICK_TEXT}>
          {formatDegrees(v)}
        </text>
      ))}
      {reference(spec.normal, REF.normal.dash, t('charts.normal', { value: format.degrees(spec.normal) }))}
      {spec.functional !== null && reference(spec.functional, REF.functional.dash, t('charts.functional', { value: format.degrees(spec.functional) }))}
      {chart.goals.map((g) => (
        <g key={`${g.label}-${g.value}`}>
          <line x1={left} x2={right} y1={y(g.value)} y2={y(g.value)} stroke={GOAL.stroke} strokeDasharray={GOAL.dash} strokeWidth={1.2} />
          <text x={right - 5} y={y(g.value) - 4} textAnchor="end" fontSize={9} fill={INK}>
            {t('charts.goalValue', { goal: g.label, value: format.degrees(g.value) })}
          </text>
        </g>
      ))}
      {chart.markers.map((m, i) => (
        <g key={m.key}>
          <line x1={x(m.day)} x2={x(m.day)} y1={top} y2={bottom} stroke={INK} strokeDasharray={REF.event.dash} />
          <EventLabel viewBox={{ x: x(m.day), y: top }} text={m.label} row={i % 3} />
        </g>
      ))}
      {chart.series.map((s) => {
        const style = printStyle(s);
        const points = (drawn.get(s.key) ?? []).map((p) => ({ cx: x(dayNumber(p.date)), cy: y(p.value) }));
        const size = points.length > 80 ? 2.5 : 3.5;
        return (
          <g key={s.key} className="print-chart-series">
            <path className="print-chart-line" d={points.map((p, i) => `${i ? 'L' : 'M'}${p.cx},${p.cy}`).join('')} fill="none" stroke={INK} strokeWidth={1.2} strokeDasharray={style.dash} />
            <SeriesMarkers points={points} style={style} size={size} />
          </g>
        );
      })}
    </svg>
  );
}

/**
 * A series' markers as one path when its shape allows (paper draws circles and triangles): one element to lay
 * out and print instead of one per point. The geometry is chart-parts.tsx's Marker, which draws any other shape.
 */
function SeriesMarkers({ points, style, size }: { points: readonly { cx: number; cy: number }[]; style: SeriesStyle; size: number }) {
  const outline = style.shape === 'circle' ? circleAt : style.shape === 'triangle' ? triangleAt : null;
  if (outline === null) return points.map((p, i) => <Marker key={i} cx={p.cx} cy={p.cy} style={style} size={size} />);
  return <path className="print-chart-markers" d={points.map((p) => outline(p.cx, p.cy, size)).join('')} fill={style.filled ? style.colour : '#fff'} stroke={style.colour} strokeWidth={1.5} />;
}

const circleAt = (cx: number, cy: number, r: number) => `M${round(cx - r)},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
const triangleAt = (cx: number, cy: number, s: number) => {
  const t = s * 1.25;
  return `M${cx},${round(cy - t)}L${round(cx + t)},${round(cy + t * 0.8)}L${round(cx - t)},${round(cy + t * 0.8)}Z`;
};

/** The date ticks with their labels; a label that would run into the one before it is left off (its tick stays). */
function readableTicks(days: readonly number[], x: (day: number) => number, label: (day: number) => string): { day: number; label: string | null }[] {
  let lastEnd = -Infinity;
  return days.map((day) => {
    const text = label(day);
    // About 6 pixels a character at 10 px: enough to keep neighbours apart without measuring the text.
    const half = (text.length * 6) / 2;
    if (x(day) - half < lastEnd + 4) return { day, label: null };
    lastEnd = x(day) + half;
    return { day, label: text };
  });
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
