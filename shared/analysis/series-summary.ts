// The numbers behind one series: one patient, joint, side, motion and mode (active or passive).
//
// Convention (clinical-reference.md, "Measurement convention"): neutral-zero, larger = more motion for every
// motion, so every difference below reads the same way: negative = lost motion. Elbow extension -20 -> -35
// is a change of -15, a loss.
//
// Pure: thresholds, normal and functional values come in as numbers (the catalogue owns them), and "today"
// is an argument, so the same input always gives the same output.

import { daysBetween, parseCalendarDate } from '../domain/dates';
import { theilSen } from './theil-sen';

export interface RomPoint {
  /** Calendar date, YYYY-MM-DD. */
  date: string;
  /** Degrees, neutral-zero. */
  value: number;
  raterId: string | null;
  instrument: string | null;
  /** The measurement's id, so charts can keep the points a verdict rests on. */
  id?: string;
}

export interface SeriesInput {
  /** Series name for reasons, e.g. "Right elbow flexion" (see seriesLabel). */
  label: string;
  points: readonly RomPoint[];
  /** Smallest real change in degrees, same rater and instrument (the catalogue's threshold for the motion). */
  threshold: number;
  /** Normal range for the motion; percent of normal is only given when it is above 0. */
  normal?: number | null;
  /** Value needed for daily activities, where published. */
  functional?: number | null;
  /** Dates the series restarts, e.g. excision of HO at this site: the baseline is the first point after the latest. */
  resetDates?: readonly string[];
  /** Latest value of the same motion and mode on the other side; percent of other side when above 0. */
  otherSideLatest?: number | null;
  /** Calendar date the analysis is for; later points and resets are ignored. */
  today: string;
}

export interface AnalysisOptions {
  /** Fewer points than this (after the latest reset) gives "insufficient". Default 3. */
  minPoints: number;
  /** A first-to-latest span shorter than this gives "insufficient". Default 14. */
  minSpanDays: number;
  /** Recent trend window, counted back from the latest point. Default 56 (8 weeks). */
  recentWindowDays: number;
  /** Level of the slope interval. Default 0.95. */
  confidence: number;
  /**
   * Whether a missing rater or instrument on either compared point counts as a difference (doubling the
   * threshold). Default true: we cannot claim the same rater measured both when it was not recorded.
   */
  unknownCountsAsDifferent: boolean;
}

export const DEFAULT_ANALYSIS_OPTIONS: Readonly<AnalysisOptions> = Object.freeze({
  minPoints: 3,
  minSpanDays: 14,
  recentWindowDays: 56,
  confidence: 0.95,
  unknownCountsAsDifferent: true,
});

/** A point the analysis refers to, with its position in SeriesSummary.points. */
export interface PointRef {
  id: string | null;
  date: string;
  value: number;
  raterId: string | null;
  instrument: string | null;
  index: number;
}

export interface Trend {
  /** Theil-Sen slope, degrees per week, with its interval at `confidence`. */
  slopePerWeek: number;
  lowerPerWeek: number;
  upperPerWeek: number;
  confidence: number;
  /** Fitted value at fromDate; the line is value = startValue + slopePerWeek * weeks since fromDate. */
  startValue: number;
  fromDate: string;
  toDate: string;
  points: number;
}

export interface SeriesSummary {
  label: string;
  threshold: number;
  /** Points used: on or before today and strictly after the latest reset, sorted by date (stable). */
  points: readonly RomPoint[];
  /** The latest reset on or before today, or null. */
  resetDate: string | null;
  excludedBeforeReset: number;
  ignoredAfterToday: number;
  baseline: PointRef | null;
  /** Highest value; among equal highs the most recent, so "since best" means since the patient was last there. */
  best: PointRef | null;
  latest: PointRef | null;
  /** Days from baseline to latest. */
  spanDays: number;
  daysSinceLatest: number | null;
  /** latest - baseline, and latest - best (never positive). */
  changeSinceBaseline: number | null;
  changeSinceBest: number | null;
  /** Whole percent; null when no normal above 0 is known (a normal of 0, like elbow extension, has no ratio). */
  percentOfNormal: number | null;
  percentOfOtherSide: number | null;
  functionalReached: boolean | null;
  /** Degrees still missing to the functional value, 0 when reached. */
  functionalShortBy: number | null;
  /** Trend over the recent window and over the whole series since the reset; null without two distinct dates. */
  trendRecent: Trend | null;
  trendAll: Trend | null;
}

export function resolveOptions(options?: Partial<AnalysisOptions>): AnalysisOptions {
  const o = { ...DEFAULT_ANALYSIS_OPTIONS, ...options };
  if (!Number.isInteger(o.minPoints) || o.minPoints < 2) throw new RangeError('minPoints must be a whole number of at least 2.');
  if (!(o.minSpanDays >= 0)) throw new RangeError('minSpanDays cannot be negative.');
  if (!(o.recentWindowDays > 0)) throw new RangeError('recentWindowDays must be positive.');
  return o;
}

export function summariseSeries(input: SeriesInput, options?: Partial<AnalysisOptions>): SeriesSummary {
  const o = resolveOptions(options);
  assertDate(input.today, 'today');
  if (!(Number.isFinite(input.threshold) && input.threshold > 0)) throw new RangeError(`The threshold must be a positive number of degrees, not ${input.threshold}.`);
  for (const p of input.points) {
    assertDate(p.date, 'A measurement date');
    if (!Number.isFinite(p.value)) throw new RangeError(`Measurement ${p.id ?? p.date} has no numeric value.`);
  }

  // A measurement dated after today is a data-entry error the form should have refused; leaving it out keeps
  // a typo from becoming "latest". A reset after today is a planned surgery, not yet a restart.
  const current = input.points.filter((p) => p.date <= input.today);
  const ignoredAfterToday = input.points.length - current.length;
  const resets = (input.resetDates ?? []).filter((d) => (assertDate(d, 'A reset date'), d <= input.today));
  const resetDate = resets.length > 0 ? resets.reduce((a, b) => (b > a ? b : a)) : null;

  // Strictly after the reset: a reading on the day of surgery is taken before it (or under anaesthesia) and
  // does not describe the joint the patient now has. Stable sort keeps same-day readings in entry order.
  const sorted = [...current].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const points = resetDate === null ? sorted : sorted.filter((p) => p.date > resetDate);
  const excludedBeforeReset = sorted.length - points.length;

  const baselineP = points[0];
  const latestP = points[points.length - 1];
  let bestIndex = -1;
  points.forEach((p, i) => {
    if (bestIndex < 0 || p.value >= points[bestIndex]!.value) bestIndex = i;
  });

  const baseline = baselineP ? ref(baselineP, 0) : null;
  const latest = latestP ? ref(latestP, points.length - 1) : null;
  const best = bestIndex >= 0 ? ref(points[bestIndex]!, bestIndex) : null;
  const latestValue = latest?.value ?? null;

  return {
    label: input.label,
    threshold: input.threshold,
    points,
    resetDate,
    excludedBeforeReset,
    ignoredAfterToday,
    baseline,
    best,
    latest,
    spanDays: baseline && latest ? daysBetween(baseline.date, latest.date) : 0,
    daysSinceLatest: latest ? daysBetween(latest.date, input.today) : null,
    changeSinceBaseline: baseline && latest ? latest.value - baseline.value : null,
    changeSinceBest: best && latest ? latest.value - best.value : null,
    percentOfNormal: percentOf(latestValue, input.normal),
    percentOfOtherSide: percentOf(latestValue, input.otherSideLatest),
    functionalReached: latestValue !== null && isNumber(input.functional) ? latestValue >= input.functional : null,
    functionalShortBy: latestValue !== null && isNumber(input.functional) ? Math.max(0, input.functional - latestValue) : null,
    trendRecent: latest ? trendOf(points.filter((p) => daysBetween(p.date, latest.date) <= o.recentWindowDays), o.confidence) : null,
    trendAll: trendOf(points, o.confidence),
  };
}

/**
 * Theil-Sen trend of dated points in degrees per week, x measured from the first point's date. Null when the
 * points do not span two distinct dates.
 */
export function trendOf(points: readonly RomPoint[], confidence = DEFAULT_ANALYSIS_OPTIONS.confidence): Trend | null {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return null;
  // x in whole days, scaled to weeks afterwards: integer differences keep every pairwise slope exact, so a
  // series played backwards gets exactly the opposite slope (no rounding can flip a near-zero median).
  const fit = theilSen(
    evenlyThinned(points, MAX_TREND_POINTS).map((p) => ({ x: daysBetween(first.date, p.date), y: p.value })),
    confidence,
  );
  if (!fit) return null;
  return {
    slopePerWeek: fit.slope * 7,
    lowerPerWeek: fit.lower * 7,
    upperPerWeek: fit.upper * 7,
    confidence,
    startValue: fit.intercept,
    fromDate: first.date,
    toDate: last.date,
    points: points.length,
  };
}

/**
 * Theil-Sen costs n² pairs: a five-year weekly history has 260 points and 34,000 pairs, per series, several
 * times per patient page. Past this many points the trend is fitted on readings spread evenly over the whole
 * span (first and last always included): the median slope of 120 well-spread readings is as robust, and the
 * page stays fast. Short series, the usual case, are untouched.
 */
export const MAX_TREND_POINTS = 120;

export function evenlyThinned<T>(points: readonly T[], max: number): readonly T[] {
  if (points.length <= max) return points;
  const out: T[] = [];
  for (let i = 0; i < max; i++) out.push(points[Math.round((i * (points.length - 1)) / (max - 1))]!);
  return out;
}

/** Whole percent of a reference; null when there is no reference above 0 (a ratio to 0 means nothing). */
function percentOf(value: number | null, reference: number | null | undefined): number | null {
  if (value === null || !isNumber(reference) || reference <= 0) return null;
  return Math.round((value / reference) * 100);
}

function isNumber(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function ref(p: RomPoint, index: number): PointRef {
  return { id: p.id ?? null, date: p.date, value: p.value, raterId: p.raterId, instrument: p.instrument, index };
}

function assertDate(value: string, what: string): void {
  if (parseCalendarDate(value) === null) throw new RangeError(`${what} must be a date written YYYY-MM-DD, not "${value}".`);
}
