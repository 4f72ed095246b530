// The numbers behind one series: one patient, joint, side, motion and mode (active or passive).
//
// Convention (clinical-reference.md, "Measurement convention"): neutral-zero, larger = more motion for every
// motion, so every difference below reads the same way: negative = lost motion. Elbow extension -20 -> -35
// is a change of -15, a loss.
//
// Pure: thresholds, normal and functional values come in as numbers (the catalogue owns them), and "today"
// is an argument, so the same input always gives the same output.

import { daysBetween, parseCalendarDate } from '../domain/dates';
import { dayDiff } from './day-number';
import { comparableOtherSide, percentOf } from './percentages';
export { MIN_PERCENT_REFERENCE, OTHER_SIDE_WINDOW_DAYS } from './percentages';
import { bestOfTwo, strataOf, stratumOfIndex, type InstrumentThreshold } from './strata';
import { theilSen } from './theil-sen';
import type { MessageRef } from '../i18n/message';
import { plainLabelRef } from '../domain/message-words';

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
  /** The same name as a message (domain/message-words.ts seriesLabelRef), for reasons in other languages; else `label` as is. */
  labelRef?: MessageRef;
  points: readonly RomPoint[];
  /** Smallest real change in degrees, same rater and instrument (the catalogue's threshold for the motion). */
  threshold: number;
  /**
   * The clinic's own thresholds for this motion, per instrument (instrument null: any instrument). Each
   * stratum is judged with the T of its instrument; without a setting, `threshold` is used.
   */
  thresholdOverrides?: readonly InstrumentThreshold[];
  /** Normal range for the motion; percent of normal is only given when it is a range well above 0 (>= 20°). */
  normal?: number | null;
  /** Value needed for daily activities, where published. */
  functional?: number | null;
  /** Dates the series restarts, e.g. excision of HO at this site: the baseline is the first point after the latest. */
  resetDates?: readonly string[];
  /** The operations behind the reset dates, so a reason can name the one that restarted the series. */
  resets?: readonly ResetInfo[];
  /** Latest value of the same motion and mode on the other side. */
  otherSideLatest?: number | null;
  /** Its date: the sides are compared only when measured within OTHER_SIDE_WINDOW_DAYS of each other. */
  otherSideLatestDate?: string | null;
  /** Calendar date the analysis is for; later points and resets are ignored. */
  today: string;
}

/** An operation that restarted a series: its date, kind ('surgery', 'excision') and title, where known. */
export interface ResetInfo {
  date: string;
  kind: string | null;
  title: string | null;
}

export interface AnalysisOptions {
  /** Fewer points than this (after the latest reset) gives "insufficient". Default 3. */
  minPoints: number;
  /** A first-to-latest span shorter than this gives "insufficient". Default 14. */
  minSpanDays: number;
  /** Recent trend window, counted back from the latest point. Default 56 (8 weeks). */
  recentWindowDays: number;
  /** Level of the slope interval of trendAll and trendRecent (shown on charts). Default 0.95. */
  confidence: number;
  /** Level of the pooled like-with-like interval the verdict uses (one-sided 95 %). Default 0.90. */
  pooledConfidence: number;
  /**
   * Whether a missing rater or instrument makes a reading incomparable with every other. Default true: we
   * cannot claim the same rater measured both when it was not recorded. False treats "not recorded" as one
   * more rater or instrument.
   */
  unknownCountsAsDifferent: boolean;
}

export const DEFAULT_ANALYSIS_OPTIONS: Readonly<AnalysisOptions> = Object.freeze({
  minPoints: 3,
  minSpanDays: 14,
  recentWindowDays: 56,
  confidence: 0.95,
  pooledConfidence: 0.9,
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
  labelRef: MessageRef;
  /** T for the series (the clinic's setting for any instrument, else the catalogue default). */
  threshold: number;
  thresholdSource: 'clinic' | 'catalogue';
  /** The clinic's per-instrument thresholds of this motion, as given in the input. */
  thresholdOverrides: readonly InstrumentThreshold[];
  /** Points used: on or before today and strictly after the latest reset, sorted by date (stable). */
  points: readonly RomPoint[];
  /** The latest reset on or before today, or null. */
  resetDate: string | null;
  /** The operation behind resetDate, where the input named it. */
  resetBy: ResetInfo | null;
  excludedBeforeReset: number;
  ignoredAfterToday: number;
  baseline: PointRef | null;
  /**
   * The best of the latest reading's stratum (same rater and instrument): the highest average of two
   * consecutive readings before its latest two, so one lucky reading never becomes the bar later readings are
   * judged against. value is the pair's average; id, date and index are the later reading's. Null when the
   * latest reading's stratum has fewer than 4 readings.
   */
  best: PointRef | null;
  /** The two readings behind `best`, oldest first. */
  bestPair: [PointRef, PointRef] | null;
  latest: PointRef | null;
  /** Days from baseline to latest. */
  spanDays: number;
  daysSinceLatest: number | null;
  /** latest - baseline, and latest - best (like with like; may be positive, the best excludes the latest two). */
  changeSinceBaseline: number | null;
  changeSinceBest: number | null;
  /**
   * Whole percent of the normal range, 0-200; null when the normal is under 20° (a ratio to elbow or knee
   * extension's 0 means nothing), the latest value is 0 or below, or the ratio falls outside 0-200.
   */
  percentOfNormal: number | null;
  /**
   * Whole percent of the other side's latest value, 0-200; only when both were measured within 28 days of each
   * other, the other side is 20° or more and the latest value above 0. Otherwise see otherSideDifference.
   */
  percentOfOtherSide: number | null;
  /** latest - the other side's latest, in degrees (-12: 12° less), when measured within 28 days of each other. */
  otherSideDifference: number | null;
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
  if (!(o.pooledConfidence > 0 && o.pooledConfidence < 1)) throw new RangeError('pooledConfidence must be between 0 and 1.');
  return o;
}

export function summariseSeries(input: SeriesInput, options?: Partial<AnalysisOptions>): SeriesSummary {
  const o = resolveOptions(options);
  assertDate(input.today, 'today');
  if (!(Number.isFinite(input.threshold) && input.threshold > 0)) throw new RangeError(`The threshold must be a positive number of degrees, not ${input.threshold}.`);
  for (const t of input.thresholdOverrides ?? []) {
    if (!(Number.isFinite(t.degrees) && t.degrees > 0)) throw new RangeError(`The clinic's threshold must be a positive number of degrees, not ${t.degrees}.`);
  }
  for (const p of input.points) {
    assertDate(p.date, 'A measurement date');
    if (!Number.isFinite(p.value)) throw new RangeError(`Measurement ${p.id ?? p.date} has no numeric value.`);
  }

  // A measurement dated after today is a data-entry error the form should have refused; leaving it out keeps
  // a typo from becoming "latest". A reset after today is a planned surgery, not yet a restart.
  const current = input.points.filter((p) => p.date <= input.today);
  const ignoredAfterToday = input.points.length - current.length;
  const resetDates = [...(input.resetDates ?? []), ...(input.resets ?? []).map((r) => r.date)];
  const resets = resetDates.filter((d) => (assertDate(d, 'A reset date'), d <= input.today));
  const resetDate = resets.length > 0 ? resets.reduce((a, b) => (b > a ? b : a)) : null;

  // Strictly after the reset: a reading on the day of surgery is taken before it (or under anaesthesia) and
  // does not describe the joint the patient now has. Stable sort keeps same-day readings in entry order.
  const sorted = [...current].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const points = resetDate === null ? sorted : sorted.filter((p) => p.date > resetDate);
  const excludedBeforeReset = sorted.length - points.length;

  const baselineP = points[0];
  const latestP = points[points.length - 1];
  const baseline = baselineP ? ref(baselineP, 0) : null;
  const latest = latestP ? ref(latestP, points.length - 1) : null;
  const latestValue = latest?.value ?? null;

  // The best is taken in the latest reading's stratum, so "change since best" compares like with like.
  const strata = strataOf(points, !o.unknownCountsAsDifferent);
  const own = latest ? stratumOfIndex(strata, latest.index) : null;
  const pair = own ? bestOfTwo(points, own.indices) : null;
  const bestPair: [PointRef, PointRef] | null = pair ? [ref(points[pair.first]!, pair.first), ref(points[pair.second]!, pair.second)] : null;
  const best = pair && bestPair ? { ...bestPair[1], value: pair.value } : null;

  const overrides = input.thresholdOverrides ?? [];
  const anyOverride = overrides.find((t) => t.instrument === null);
  const other = latest ? comparableOtherSide(latest.date, input.otherSideLatest, input.otherSideLatestDate) : null;

  return {
    label: input.label,
    labelRef: input.labelRef ?? plainLabelRef(input.label),
    threshold: anyOverride?.degrees ?? input.threshold,
    thresholdSource: anyOverride ? 'clinic' : 'catalogue',
    thresholdOverrides: overrides,
    points,
    resetDate,
    resetBy: resetDate === null ? null : (input.resets ?? []).find((r) => r.date === resetDate) ?? { date: resetDate, kind: null, title: null },
    excludedBeforeReset,
    ignoredAfterToday,
    baseline,
    best,
    bestPair,
    latest,
    spanDays: baseline && latest ? daysBetween(baseline.date, latest.date) : 0,
    daysSinceLatest: latest ? daysBetween(latest.date, input.today) : null,
    changeSinceBaseline: baseline && latest ? latest.value - baseline.value : null,
    changeSinceBest: best && latest ? latest.value - best.value : null,
    percentOfNormal: percentOf(latestValue, input.normal),
    percentOfOtherSide: other === null ? null : percentOf(latestValue, other),
    otherSideDifference: other === null || latestValue === null ? null : latestValue - other,
    functionalReached: latestValue !== null && isNumber(input.functional) ? latestValue >= input.functional : null,
    functionalShortBy: latestValue !== null && isNumber(input.functional) ? Math.max(0, input.functional - latestValue) : null,
    trendRecent: latest ? trendOf(points.filter((p) => dayDiff(p.date, latest.date) <= o.recentWindowDays), o.confidence) : null,
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
    evenlyThinned(points, MAX_TREND_POINTS).map((p) => ({ x: dayDiff(first.date, p.date), y: p.value })),
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
 * span (first and last always included): the median slope of 60 well-spread readings (1,770 pairs) is as
 * robust, and a patient page with a dozen five-year series stays under 20 ms. Short series, the usual case,
 * are untouched.
 */
export const MAX_TREND_POINTS = 60;

export function evenlyThinned<T>(points: readonly T[], max: number): readonly T[] {
  if (points.length <= max) return points;
  const out: T[] = [];
  for (let i = 0; i < max; i++) out.push(points[Math.round((i * (points.length - 1)) / (max - 1))]!);
  return out;
}

function isNumber(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function ref(p: RomPoint, index: number): PointRef {
  return { id: p.id ?? null, date: p.date, value: p.value, raterId: p.raterId, instrument: p.instrument, index };
}

/**
 * Dates already found valid. Every reading's date is checked at every summary, a patient page summarises each
 * series more than once, and a clinic's readings share a few thousand dates: a look-up instead of a parse.
 * Bounded, so a long-running server cannot grow it without end.
 */
const validDates = new Set<string>();
const VALID_DATES_KEPT = 50_000;

function assertDate(value: string, what: string): void {
  if (validDates.has(value)) return;
  if (parseCalendarDate(value) === null) throw new RangeError(`${what} must be a date written YYYY-MM-DD, not "${value}".`);
  if (validDates.size >= VALID_DATES_KEPT) validDates.clear();
  validDates.add(value);
}
