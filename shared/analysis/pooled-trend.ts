// One trend from readings by several therapists or instruments, without mixing them.
//
// Like the seasonal Kendall test, which compares each month only with the same month of other years, the slope
// is the median of the slopes of same-stratum pairs only (same rater and instrument, different dates): a fixed
// offset between two therapists or two instruments cancels in every pair, while a steady loss shows in all of
// them. Alternating raters can thus show a trend no single pair can (clinical-reference.md, "Comparing like
// with like").
//
// Interval: Sen's (1968) rank interval with Kendall's S variance summed over strata (the strata are independent
// blocks): C = z * sqrt(sum of Var(S_s)), lower = the M1-th and upper = the M2-th smallest pair slope with
// M1 = (N - C) / 2 and M2 = (N + C) / 2 + 1 (rounded half to even, as scipy does). A rank outside 1..N leaves that
// side open (null): clamping it to the most extreme slope, as a plain fit of a few points would, makes a
// three-point series "significant" whenever its pairs agree, which is how one noisy reading raised alarms.

import { dayDiff } from './day-number';
import { evenlyThinned, type RomPoint } from './series-summary';
import type { Stratum } from './strata';
import { minMax, valuesAtRanks } from './order-statistics';
import { kendallVariance, normalQuantile, roundHalfEven } from './theil-sen';

export interface PooledFit {
  /** Median of the same-stratum pair slopes, degrees per day. */
  slopePerDay: number;
  /** Sen's interval at `confidence`; null where the rank falls outside the slopes (the side is open). */
  lowerPerDay: number | null;
  upperPerDay: number | null;
  confidence: number;
  /** Same-stratum pairs on different dates, and the strata that gave at least one. */
  pairs: number;
  strata: number;
  /** Readings in those strata, and the dates of the first and last of them. */
  readings: number;
  fromDate: string;
  toDate: string;
  spanDays: number;
  /** slopePerDay x spanDays: the change the fitted line shows over the pooled readings. */
  fittedChange: number;
  /** Every pair fell (or every pair rose): the fast-loss check needs each comparison to agree. */
  allPairsFalling: boolean;
  allPairsRising: boolean;
}

/**
 * Per-stratum cap on readings: pairs grow as n², and a five-year weekly history by one therapist has 260
 * readings, for each of a dozen series on one patient page. Thinning evenly keeps the first and last and the
 * median slope as robust; the interval gets wider (fewer pairs), so thinning can hide, never invent, a trend.
 * Series of a few months (the verdict's usual case) are untouched.
 */
export const MAX_STRATUM_POINTS = 40;

/** The pooled fit of `points` over `strata` (positions into points); null when no stratum has a pair. */
export function pooledFit(points: readonly RomPoint[], strata: readonly Stratum[], confidence = 0.9): PooledFit | null {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`Confidence must be between 0 and 1, not ${confidence}.`);
  const origin = points[0]?.date;
  if (origin === undefined) return null;

  const blocks = strata
    .filter((s) => s.indices.length >= 2)
    .map((s) => evenlyThinned(s.indices, MAX_STRATUM_POINTS).map((i) => ({ x: dayDiff(origin, points[i]!.date), y: points[i]!.value, date: points[i]!.date })));

  let total = 0;
  for (const b of blocks) total += (b.length * (b.length - 1)) / 2;
  const buffer = new Float64Array(total);
  let count = 0;
  let varS = 0;
  let used = 0;
  let readings = 0;
  let fromDate: string | null = null;
  let toDate: string | null = null;
  for (const block of blocks) {
    const before = count;
    for (let i = 0; i < block.length; i++) {
      const a = block[i]!;
      for (let j = i + 1; j < block.length; j++) {
        const b = block[j]!;
        // Same-day readings carry no slope; order within a day is entry order, not time.
        if (a.x !== b.x) buffer[count++] = (b.y - a.y) / (b.x - a.x);
      }
    }
    if (count === before) continue;
    used += 1;
    readings += block.length;
    varS += kendallVariance(block.map((p) => p.x), block.map((p) => p.y));
    const first = block[0]!.date;
    const last = block[block.length - 1]!.date;
    if (fromDate === null || first < fromDate) fromDate = first;
    if (toDate === null || last > toDate) toDate = last;
  }
  if (count === 0 || fromDate === null || toDate === null) return null;

  const slopes = buffer.subarray(0, count);
  const N = count;
  const mid = N >> 1;
  const C = normalQuantile(0.5 + confidence / 2) * Math.sqrt(Math.max(0, varS));
  const m1 = roundHalfEven((N - C) / 2);
  const m2 = roundHalfEven((N + C) / 2) + 1;
  // The ranks needed, selected rather than sorted (order-statistics.ts); an open side asks for rank 1 and is
  // dropped below.
  const inRange = (m: number) => m >= 1 && m <= N;
  const [lower, upper, a, b] = valuesAtRanks(slopes, [inRange(m1) ? m1 - 1 : 0, inRange(m2) ? m2 - 1 : 0, N % 2 === 1 ? mid : mid - 1, mid]);
  // Averaging the two middle slopes keeps the fit exactly antisymmetric: a series played backwards gets
  // exactly the opposite slope and interval.
  const slopePerDay = N % 2 === 1 ? b! : (a! + b!) / 2;
  const { min, max } = minMax(slopes);
  const spanDays = dayDiff(fromDate, toDate);
  return {
    slopePerDay,
    lowerPerDay: inRange(m1) ? lower! : null,
    upperPerDay: inRange(m2) ? upper! : null,
    confidence,
    pairs: N,
    strata: used,
    readings,
    fromDate,
    toDate,
    spanDays,
    fittedChange: slopePerDay * spanDays,
    allPairsFalling: max < 0,
    allPairsRising: min > 0,
  };
}
