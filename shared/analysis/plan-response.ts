// Did the joint respond to the plan? For each plan period, the like-with-like trend during it against the
// trend before it (pooled-trend.ts: same-stratum pairs only, so a change of therapist at the start of a plan
// does not pass for a response). Pure: the periods and readings come in, numbers and one sentence go out.
//
// Deliberately modest: a trend needs at least 3 readings over 2 weeks on each side of the plan's start, and
// the sentence says "not enough to say" otherwise. A change of slope is not proof the plan caused it (HO often
// stops progressing by itself by about 6 months), so the sentence reports, it does not conclude.

import { daysBetween } from '../domain/dates';
import { formatDay, formatSlope, plural } from './format';
import { pooledFit, type PooledFit } from './pooled-trend';
import { DEFAULT_ANALYSIS_OPTIONS, type RomPoint } from './series-summary';
import { strataOf, thresholdOf, type InstrumentThreshold } from './strata';

export interface PlanPeriodInput {
  planId: string;
  versionId: string;
  /** First day in force, and last (null: still in force). */
  from: string;
  to: string | null;
  /** What the plan asks, e.g. "stretching 3 times a day". */
  label: string;
  /** Share of prescribed sessions done, 0-100, where adherence was recorded. */
  adherencePercent: number | null;
  /** Series the plan is about ("right.elbow.flexion.active"); absent: every watched series. */
  seriesKeys?: readonly string[];
}

export interface PlanTrend {
  readings: number;
  fromDate: string | null;
  toDate: string | null;
  spanDays: number;
  slopePerWeek: number | null;
  lowerPerWeek: number | null;
  upperPerWeek: number | null;
  fittedChange: number | null;
  /** At least MIN_READINGS readings over MIN_SPAN_DAYS with a like-with-like pair. */
  enough: boolean;
  /** Beyond the threshold with the 90 % interval clear of 0 (the verdict's pooled check), else holding. */
  kind: 'losing' | 'holding' | 'improving' | null;
}

export interface PlanResponse {
  planId: string;
  versionId: string;
  from: string;
  to: string | null;
  label: string;
  adherencePercent: number | null;
  /** Both the period and the time before it have enough readings to compare. */
  enough: boolean;
  during: PlanTrend;
  before: PlanTrend;
  sentence: string;
}

export interface PlanSeriesInput {
  /** "Right elbow flexion", as in verdict reasons. */
  label: string;
  /** The series' readings since its latest reset. */
  points: readonly RomPoint[];
  /** T, and the clinic's per-instrument settings (as SeriesInput). */
  threshold: number;
  thresholdOverrides?: readonly InstrumentThreshold[];
  today: string;
  unknownCountsAsDifferent?: boolean;
}

export const PLAN_MIN_READINGS = 3;
export const PLAN_MIN_SPAN_DAYS = 14;

export function planResponses(series: PlanSeriesInput, periods: readonly PlanPeriodInput[]): PlanResponse[] {
  const points = [...series.points].filter((p) => p.date <= series.today).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return [...periods]
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
    .map((period) => {
      const end = period.to !== null && period.to < series.today ? period.to : series.today;
      const during = trendOf(points.filter((p) => p.date >= period.from && p.date <= end), series);
      const before = trendOf(points.filter((p) => p.date < period.from), series);
      const { seriesKeys: _keys, ...rest } = period;
      return { ...rest, enough: during.enough && before.enough, during, before, sentence: sentence(series.label, period, during, before, series.today) };
    });
}

function trendOf(points: readonly RomPoint[], series: PlanSeriesInput): PlanTrend {
  const unknownMatches = series.unknownCountsAsDifferent === false;
  const strata = strataOf(points, unknownMatches);
  const fit: PooledFit | null = pooledFit(points, strata, DEFAULT_ANALYSIS_OPTIONS.pooledConfidence);
  const first = points[0]?.date ?? null;
  const last = points[points.length - 1]?.date ?? null;
  const spanDays = first && last ? daysBetween(first, last) : 0;
  const enough = fit !== null && points.length >= PLAN_MIN_READINGS && spanDays >= PLAN_MIN_SPAN_DAYS;
  const T = Math.max(
    0,
    ...strata.filter((s) => s.indices.length >= 2).map((s) => thresholdOf(series.thresholdOverrides ?? [], s.instrument, series.threshold).degrees),
  );
  let kind: PlanTrend['kind'] = null;
  if (fit && enough) {
    const losing = fit.fittedChange <= -T && fit.upperPerDay !== null && fit.upperPerDay < 0;
    const improving = fit.fittedChange >= T && fit.lowerPerDay !== null && fit.lowerPerDay > 0;
    kind = losing ? 'losing' : improving ? 'improving' : 'holding';
  }
  return {
    readings: points.length,
    fromDate: first,
    toDate: last,
    spanDays,
    slopePerWeek: fit ? fit.slopePerDay * 7 : null,
    lowerPerWeek: fit?.lowerPerDay == null ? null : fit.lowerPerDay * 7,
    upperPerWeek: fit?.upperPerDay == null ? null : fit.upperPerDay * 7,
    fittedChange: fit ? fit.fittedChange : null,
    enough,
    kind,
  };
}

function sentence(label: string, period: PlanPeriodInput, during: PlanTrend, before: PlanTrend, today: string): string {
  const ended = period.to !== null && period.to < today;
  const plan = `the plan of ${formatDay(period.from)}${ended ? ` to ${formatDay(period.to!)}` : ''}`;
  const what = `${period.label}${period.adherencePercent === null ? '' : `, ${Math.round(period.adherencePercent)} % of sessions done`}`;
  if (!during.enough) {
    const over = during.readings >= PLAN_MIN_READINGS ? ` over ${plural(during.spanDays, 'day')}` : '';
    return `${plural(during.readings, 'reading')}${over} ${ended ? 'during' : 'since'} ${plan}: not enough to say.`;
  }
  const head = `${ended ? 'During' : 'Since'} ${plan} (${what}): ${lowerFirst(label)} ${during.kind}, ${formatSlope(during.slopePerWeek!)}`;
  if (!before.enough) return `${head}; too few readings before it to compare.`;
  return `${head}, against ${formatSlope(before.slopePerWeek!)} before.`;
}

function lowerFirst(s: string): string {
  return s.length === 0 ? s : s[0]!.toLowerCase() + s.slice(1);
}
