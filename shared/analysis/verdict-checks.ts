// The three checks the verdict (verdict.ts) is made of: within each stratum, pooled over the strata, and the
// doubled threshold when no two readings are comparable. Each returns findings; verdict.ts ranks them. The
// rule and the reasons for it are written at the top of verdict.ts.

import { dayDiff } from './day-number';
import { MAX_STRATUM_POINTS, pooledFit, type PooledFit } from './pooled-trend';
import { evenlyThinned, trendOf, type AnalysisOptions, type PointRef, type RomPoint, type SeriesSummary, type Trend } from './series-summary';
import { bestOfTwo, thresholdOf, type ResolvedThreshold, type Stratum } from './strata';

export type Direction = 'loss' | 'gain';

/** A change of the latest two readings of one stratum against one of its references. */
export interface StratumFinding {
  check: 'stratum';
  /** 'fast': the stratum spans under minSpanDays and the latest reading is beyond 1.5 T. */
  basis: 'stratum' | 'fast';
  direction: Direction;
  /** False: only the latest reading is beyond T, or the trend does not agree; re-measure. */
  confirmed: boolean;
  stratum: Stratum;
  against: 'baseline' | 'best';
  /** The reference: the baseline reading, or the best pair (value = its average, the later reading's date). */
  from: PointRef;
  /** The best pair's earlier reading. */
  fromFirst: PointRef | null;
  previous: PointRef;
  to: PointRef;
  change: number;
  T: ResolvedThreshold;
  /** The stratum's trend from the reference on. */
  trend: Trend | null;
  trendAgrees: boolean;
}

export interface PooledFinding {
  check: 'pooled';
  basis: 'pooled' | 'fast';
  direction: Direction;
  confirmed: true;
  fit: PooledFit;
  /** The largest T of the strata pooled: one interval for all, so the strictest error applies. */
  T: ResolvedThreshold;
}

export interface DoubledFinding {
  check: 'doubled';
  basis: 'doubled';
  direction: Direction;
  confirmed: boolean;
  from: PointRef;
  previous: PointRef;
  to: PointRef;
  change: number;
  /** T (not doubled): the threshold applied is 2T. */
  T: ResolvedThreshold;
  doubledBecause: ('rater' | 'instrument')[];
  trend: Trend | null;
  trendAgrees: boolean;
  /**
   * The latest reading stands alone (no earlier reading by its therapist with its instrument) while other
   * readings are comparable: checked against the baseline with 2T only to ask for a re-measure, never confirmed.
   */
  loose: boolean;
}

export type Finding = StratumFinding | PooledFinding | DoubledFinding;

/** Multiple of T the latest reading must reach when a stratum spans under minSpanDays (a fast early loss). */
export const FAST_FACTOR = 1.5;

/** T of one instrument: the clinic's setting for it, else for any instrument (summary.threshold), else the catalogue's. */
export function thresholdFor(summary: SeriesSummary, instrument: string | null): ResolvedThreshold {
  return thresholdOf(summary.thresholdOverrides, instrument, summary.threshold);
}

/**
 * Losses and gains of one stratum's latest two readings against its baseline and (losses only) its best.
 * `latestDate` is the series' latest date: a single low reading asks for a re-measure only while it is the
 * newest news about the joint.
 */
export function stratumFindings(summary: SeriesSummary, stratum: Stratum, o: AnalysisOptions, latestDate: string): StratumFinding[] {
  const points = summary.points;
  const idx = stratum.indices;
  const n = idx.length;
  if (n < 2) return [];
  const T = thresholdFor(summary, stratum.instrument);
  const at = (i: number) => ref(points, i);
  const to = at(idx[n - 1]!);
  const previous = at(idx[n - 2]!);
  const current = to.date === latestDate;
  const span = dayDiff(points[idx[0]!]!.date, to.date);
  const fast = span < o.minSpanDays;
  const out: StratumFinding[] = [];

  const consider = (direction: Direction, against: 'baseline' | 'best', from: PointRef, fromFirst: PointRef | null, startAt: number) => {
    const sign = direction === 'loss' ? -1 : 1;
    const change = to.value - from.value;
    const beyond = (v: number, k: number) => sign * (v - from.value) >= k * T.degrees;
    if (!beyond(to.value, 1)) return;
    // With two readings the "previous" one is the reference itself: never more than one reading of evidence.
    const enough = n >= o.minPoints && (!fast || direction === 'loss');
    const trend = n >= 3 ? stratumTrend(points, idx.slice(startAt), o) : null;
    const trendAgrees = trend !== null && sign * trend.slopePerWeek > 0;
    const confirmed = enough && beyond(previous.value, 1) && beyond(to.value, fast ? FAST_FACTOR : 1) && trendAgrees && previous.index !== from.index;
    if (!confirmed && !current) return;
    out.push({ check: 'stratum', basis: fast ? 'fast' : 'stratum', direction, confirmed, stratum, against, from, fromFirst, previous, to, change, T, trend, trendAgrees });
  };

  consider('loss', 'baseline', at(idx[0]!), null, 0);
  const best = bestOfTwo(points, idx);
  if (best) {
    const later = at(best.second);
    consider('loss', 'best', { ...later, value: best.value }, at(best.first), idx.indexOf(best.first));
  }
  consider('gain', 'baseline', at(idx[0]!), null, 0);
  return out;
}

/** The pooled like-with-like trend, as a finding when it shows a loss or a gain beyond T. */
export function pooledFinding(summary: SeriesSummary, strata: readonly Stratum[], o: AnalysisOptions): { fit: PooledFit | null; finding: PooledFinding | null; T: ResolvedThreshold } {
  const fit = pooledFit(summary.points, strata, o.pooledConfidence);
  const pooled = strata.filter((s) => s.indices.length >= 2);
  const T = pooled.map((s) => thresholdFor(summary, s.instrument)).reduce<ResolvedThreshold>((a, b) => (b.degrees > a.degrees ? b : a), thresholdFor(summary, pooled[0]?.instrument ?? null));
  if (!fit) return { fit, finding: null, T };
  const fast = fit.spanDays < o.minSpanDays;
  for (const direction of ['loss', 'gain'] as const) {
    const sign = direction === 'loss' ? -1 : 1;
    const bound = direction === 'loss' ? fit.upperPerDay : fit.lowerPerDay;
    const found = fast
      ? direction === 'loss' && fit.pairs >= 2 && fit.allPairsFalling && -fit.fittedChange >= FAST_FACTOR * T.degrees
      : sign * fit.fittedChange >= T.degrees && bound !== null && sign * bound > 0;
    if (found) return { fit, T, finding: { check: 'pooled', basis: fast ? 'fast' : 'pooled', direction, confirmed: true, fit, T } };
  }
  return { fit, finding: null, T };
}

/**
 * Baseline against latest with 2T, for series where no two readings share rater and instrument: the only
 * comparison left, and the between-rater error is about twice the within-rater one.
 */
export function doubledFindings(summary: SeriesSummary, o: AnalysisOptions, loose = false): DoubledFinding[] {
  const { baseline: from, latest: to, points } = summary;
  if (!from || !to || points.length < o.minPoints) return [];
  const previous = ref(points, points.length - 2);
  const T = [thresholdFor(summary, from.instrument), thresholdFor(summary, to.instrument)].reduce((a, b) => (b.degrees > a.degrees ? b : a));
  const doubledBecause = differences(from, to);
  const out: DoubledFinding[] = [];
  for (const direction of ['loss', 'gain'] as const) {
    const sign = direction === 'loss' ? -1 : 1;
    const beyond = (v: number) => sign * (v - from.value) >= 2 * T.degrees;
    if (!beyond(to.value)) continue;
    const trend = summary.trendAll;
    const trendAgrees = trend !== null && sign * trend.slopePerWeek > 0;
    const confirmed = !loose && beyond(previous.value) && trendAgrees && previous.index !== from.index;
    out.push({ check: 'doubled', basis: 'doubled', direction, confirmed, from, previous, to, change: to.value - from.value, T, doubledBecause, trend, trendAgrees, loose });
  }
  return out;
}

/** Theil-Sen trend of some of a stratum's readings, thinned as the pooled fit is (only its sign decides). */
export function stratumTrend(points: readonly RomPoint[], indices: readonly number[], o: AnalysisOptions): Trend | null {
  return trendOf(evenlyThinned(indices, MAX_STRATUM_POINTS).map((i) => points[i]!), o.confidence);
}

export function differences(a: PointRef, b: PointRef): ('rater' | 'instrument')[] {
  const out: ('rater' | 'instrument')[] = [];
  if (a.raterId === null || b.raterId === null || a.raterId !== b.raterId) out.push('rater');
  if (a.instrument === null || b.instrument === null || a.instrument !== b.instrument) out.push('instrument');
  return out;
}

export function ref(points: readonly RomPoint[], index: number): PointRef {
  const p = points[index]!;
  return { id: p.id ?? null, date: p.date, value: p.value, raterId: p.raterId, instrument: p.instrument, index };
}
