// The two axes every motion chart has, the screen's and the paper's alike: time in whole day numbers with
// ticks a reader can count on, labelled in the clinic's date format, and degrees on a step read at a glance.
// Only the size and ink differ, so they are passed in; spread onto recharts' XAxis and YAxis.
import type { SeriesPoint } from '../../../shared/analysis/patient-series';
import type { AnalysedSeries } from '../../../shared/api/operations/analysis';
import { formatDegrees } from '../../../shared/domain/catalogue';
import { dateOfDay, valueAxis, type GoalLine } from './chart-model';

interface Tick {
  fontSize: number;
  fill: string;
}

/** Days from first to last with a margin of `share` of the span each side (at least two days). */
export function dayDomain(first: number, last: number, share: number): [number, number] {
  const pad = Math.max(2, Math.round((last - first) * share));
  return [first - pad, last + pad];
}

export function dayAxis(domain: [number, number], ticks: number[], formatDate: (iso: string) => string, tick: Tick) {
  return { type: 'number' as const, dataKey: 'x', domain, ticks, tickFormatter: (d: number) => formatDate(dateOfDay(d)), allowDataOverflow: true, tick };
}

export function degreeAxis(axis: { domain: [number, number]; ticks: number[] }, width: number, tick: Tick) {
  return { type: 'number' as const, dataKey: 'y', domain: axis.domain, ticks: axis.ticks, interval: 0, allowDataOverflow: true, tickFormatter: (v: number) => formatDegrees(v), width, tick };
}

/**
 * The degrees axis of one motion's chart: room for every drawn point, its normal and functional values, the
 * goals, and whatever else the chart draws (`more`: a baseline band, a trend's ends).
 */
export function motionValueAxis(
  motion: Pick<AnalysedSeries, 'normal' | 'functional'>,
  series: readonly Pick<AnalysedSeries, 'key'>[],
  drawn: ReadonlyMap<string, readonly SeriesPoint[]>,
  goals: readonly GoalLine[],
  more: readonly number[] = [],
): { domain: [number, number]; ticks: number[] } {
  return valueAxis([
    ...series.flatMap((s) => (drawn.get(s.key) ?? []).map((p) => p.value)),
    motion.normal,
    ...(motion.functional === null ? [] : [motion.functional]),
    ...goals.map((g) => g.value),
    ...more,
  ]);
}
