import { CartesianGrid, ReferenceLine, Scatter, ScatterChart, XAxis, YAxis } from 'recharts';
import type { PatientSeries } from '../../../shared/analysis/patient-series';
import { formatDegrees } from '../../../shared/domain/catalogue';
import { dateOfDay, dayNumber, pointsToDraw, styleOf, timeTicks, valueAxis, type SeriesStyle } from '../mobility/chart-model';
import { EventLabel, EventSwatch, LineSwatch, Marker, REF, SeriesSwatch } from '../mobility/chart-parts';
import { useFormatDate } from '../session/session-context';
import type { ReportChart as ReportChartModel } from './report-model';

// A motion over the report's period, for paper: a fixed size in CSS pixels (ResponsiveContainer measures the
// screen, not the page, and can print empty), no animation, and black only. Sides differ by marker shape,
// modes by fill and line pattern, reference lines by dash pattern: nothing depends on colour.

const INK = '#000';
const GOAL = { stroke: INK, dash: REF.goal.dash };

/** The mobility charts' style with the colour taken out: the shape, fill and dash already tell series apart. */
export function printStyle(s: Pick<PatientSeries, 'side' | 'mode'>): SeriesStyle {
  return { ...styleOf(s.side, s.mode), colour: INK };
}

export function ReportChart({ chart, from, to, width, height = 250 }: { chart: ReportChartModel; from: string; to: string; width: number; height?: number }) {
  const formatDate = useFormatDate();
  const drawn = pointsToDraw(chart.series);
  const first = dayNumber(from);
  const last = dayNumber(to);
  const pad = Math.max(2, Math.round((last - first) * 0.02));
  const xDomain: [number, number] = [first - pad, last + pad];
  const spec = chart.series[0]!;
  const yAxis = valueAxis([
    ...chart.series.flatMap((s) => (drawn.get(s.key) ?? []).map((p) => p.value)),
    spec.normal,
    ...(spec.functional === null ? [] : [spec.functional]),
    ...chart.goals.map((g) => g.value),
  ]);
  // Three rows of event labels need the top margin; without events the chart keeps the room for its data.
  const top = chart.markers.length ? 44 : 12;

  return (
    <ScatterChart width={width} height={height} margin={{ top, right: 96, bottom: 4, left: 4 }} accessibilityLayer={false}>
      <CartesianGrid stroke="#bbb" strokeWidth={0.5} />
      <XAxis
        type="number"
        dataKey="x"
        domain={xDomain}
        ticks={timeTicks(first, last, 7)}
        tickFormatter={(d: number) => formatDate(dateOfDay(d))}
        allowDataOverflow
        tick={{ fontSize: 10, fill: INK }}
        stroke={INK}
      />
      <YAxis
        type="number"
        dataKey="y"
        domain={yAxis.domain}
        ticks={yAxis.ticks}
        interval={0}
        allowDataOverflow
        tickFormatter={(v: number) => formatDegrees(v)}
        width={44}
        tick={{ fontSize: 10, fill: INK }}
        stroke={INK}
      />
      <ReferenceLine y={spec.normal} stroke={INK} strokeDasharray={REF.normal.dash} label={{ value: `Normal ${formatDegrees(spec.normal)}`, position: 'right', fontSize: 10, fill: INK }} />
      {spec.functional !== null && (
        <ReferenceLine
          y={spec.functional}
          stroke={INK}
          strokeDasharray={REF.functional.dash}
          label={{ value: `Functional ${formatDegrees(spec.functional)}`, position: 'right', fontSize: 10, fill: INK }}
        />
      )}
      {chart.goals.map((g) => (
        <ReferenceLine key={`${g.label}-${g.value}`} y={g.value} stroke={GOAL.stroke} strokeDasharray={GOAL.dash} strokeWidth={1.2} label={{ value: `${g.label} ${formatDegrees(g.value)}`, position: 'insideTopRight', fontSize: 9, fill: INK }} />
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
export function ReportChartLegend({ chart }: { chart: ReportChartModel }) {
  const spec = chart.series[0]!;
  return (
    <ul className="report-legend" aria-label={`Legend for ${chart.title.toLowerCase()}`}>
      {chart.series.map((s) => (
        <li key={s.key}>
          <SeriesSwatch style={printStyle(s)} />
          {printStyle(s).name}
        </li>
      ))}
      <li>
        <LineSwatch stroke={INK} dash={REF.normal.dash} />
        Normal {formatDegrees(spec.normal)}
      </li>
      {spec.functional !== null && (
        <li>
          <LineSwatch stroke={INK} dash={REF.functional.dash} />
          Functional {formatDegrees(spec.functional)}
        </li>
      )}
      {chart.goals.length > 0 && (
        <li>
          <LineSwatch stroke={INK} dash={GOAL.dash} />
          Goal
        </li>
      )}
      {chart.markers.length > 0 && (
        <li>
          <EventSwatch />
          Clinical event
        </li>
      )}
    </ul>
  );
}
