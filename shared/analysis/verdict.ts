// Is this joint improving, holding or losing motion?
//
// THE RULE. P = readings strictly after the latest reset (any current surgery or excision of the joint) and on
// or before today, by date. A stratum = the readings of P by the same therapist with the same instrument (a
// reading without either recorded is in none). T = the motion's threshold for the stratum's instrument (the
// clinic's setting, else the catalogue's): the smallest real change for the same rater and instrument.
// Slopes are Theil-Sen, degrees per week.
//
//  1. insufficient  when |P| < 3, or P spans under 14 days and no fast loss (4) is found.
//  2. Stratum check, for every stratum with >= 3 readings over >= 14 days. References: its baseline (first
//     reading) and its best (highest average of two consecutive readings, from before its latest two).
//     Loss: the latest two readings are both >= T below a reference and the stratum's trend from that
//     reference on is falling. Gain: both >= T above the baseline and the stratum's trend rising.
//  3. Pooled check: the median slope of same-stratum pairs only (pooled-trend.ts), with Sen's 90 % interval,
//     Kendall variance summed over strata, ranks outside the slopes left open. Loss: the fitted change
//     (slope x span of the pooled readings) is <= -T and the whole interval is below 0. Gain mirrored.
//  4. Fast early loss, for a stratum spanning under 14 days: its latest reading >= 1.5T below a reference and
//     the one before >= T below, trend falling; pooled: fitted loss >= 1.5T with every same-stratum pair falling.
//  5. Doubled, only when no two readings of P share therapist and instrument: baseline against latest with 2T;
//     the latest two beyond it and the whole-series trend agreeing.
//  6. losing      when any check finds a loss (the reason names the check); else
//     holding, needsConfirmation  when the latest reading of a stratum (or, doubled, of P) is beyond a reference
//                 by T (2T) on the latest date but the reading before it is not, or the trend disagrees; or when
//                 the latest reading has no earlier one by its therapist and instrument and is 2T from the
//                 baseline; else
//     improving   when any check finds a gain (against the baseline only, never the worst reading); else
//     holding, needsConfirmation  for a lone high reading; else
//     holding.
//
// WHY.
//  - Like with like: between raters and between instruments the error is about twice the within-rater one
//    (clinical-reference.md, "Comparing like with like"). The old rule doubled T whenever the first and latest
//    readings differed, so in a clinic where two therapists take turns every loss up to 2T was invisible.
//    Comparing inside strata keeps T, and a fixed offset between raters or instruments cancels.
//  - Two readings, never one: with noise SD T/2.77 one reading lands T below a steady joint's baseline about
//    2.5 % of the time, every week; the latest two together about 0.5 %. A single low reading asks for a re-measure.
//  - The best is an average of two: the highest single reading of ten sits about 1.5 SEM above the truth, and
//    judging later readings against it called 60 % of stable joints losing at least once in 12 weeks.
//  - The pooled check finds the loss no pair of the same stratum shows yet (alternating raters, each with few
//    readings). Its interval is never clamped: with 3 readings every bound would be a raw pair slope, and a
//    monotone run of noise would pass as significant. Needing both the fitted loss >= T and the interval below
//    0 keeps a slow drift within the error from alarming.
//  - A fast loss should not wait for two weeks of readings; asking 1.5T of the latest reading and T of the one
//    before keeps that shortcut rarer on a steady joint (about 0.06 %) than the main rule's two readings (0.5 %).
//  - Improving only against the baseline: against the worst reading any dip and recovery would read as a gain.
//  - Losing is checked first: in HO a loss after early gains is the warning sign.
//  - Every quantity is a difference or a slope inside a stratum, so adding a constant to all values, adding an
//    offset to one flat rater's readings, or renaming raters never changes the verdict.
//
// EXPECTED FALSE ALARMS (tests/unit/verdict-simulation.test.ts: stable joints measured weekly for 12 weeks, noise SD
// T/2.77, whole degrees, 1,200 seeded series per scenario; the test prints the table and enforces at most 5 % losing
// at any one weekly review and at most 12 % losing at least once over the 12 reviews):
//   one therapist, one instrument                 at worst 2.0 % per review, 9.2 % at least once
//   two therapists in turn, offset up to ±12°     at worst 2.8 % per review, 6.8 % at least once
//   instrument changed at week 6, offset ±12°     at worst 3.3 % per review, 10.5 % at least once
// With one therapist, or two in turn, about four fifths of first alarms come from a stratum's latest two readings
// and the rest from the pooled trend; after an instrument change about half come from each.
// A real loss of 2°/week from week 4 (T = 8, one therapist) is losing by week 8 in about 60 % and by week 10 in
// about 97 % of series. Over years of readings the best of two is the best of many pairs and sits higher, so a
// slow drift just under T can eventually read as a loss from the best: a known cost of judging against the best.

import type { PooledFit } from './pooled-trend';
import {
  resolveOptions,
  summariseSeries,
  type AnalysisOptions,
  type PointRef,
  type ResetInfo,
  type SeriesInput,
  type SeriesSummary,
  type Trend,
} from './series-summary';
import { strataOf, type Stratum } from './strata';
import { doubledFindings, pooledFinding, stratumFindings, thresholdFor, type Finding } from './verdict-checks';
import { holdingComparison, pickFinding, toComparison, verdictThreshold } from './verdict-pick';
import type { MessageRef } from '../i18n/message';
import { insufficientReason, reasonFor } from './verdict-reason';
import { englishReason } from './verdict-words';

export type VerdictKind = 'improving' | 'holding' | 'losing' | 'insufficient';
/**
 * Which check the verdict rests on: a stratum, the pooled trend, the doubled threshold, or a fast early loss.
 * Holding rests on the comparison it reports ('stratum' or 'doubled'); insufficient on none (null).
 */
export type VerdictBasis = 'stratum' | 'pooled' | 'doubled' | 'fast';

export interface Comparison {
  /** Which reference the latest is compared with (the pooled check: baseline to latest of the series). */
  against: 'baseline' | 'best';
  /** For 'best', value is the average of the best pair and the date, id and index the later reading's. */
  from: PointRef;
  to: PointRef;
  change: number;
  /** The threshold applied: T, or 2T for the doubled check. */
  threshold: number;
  /** Only the doubled check: how baseline and latest differ. Empty when the comparison is like with like. */
  doubledBecause: ('rater' | 'instrument')[];
  /** Whether the comparison reaches its threshold (the pooled check: whether the pooled trend does). */
  counts: boolean;
  /** The trend checked: the stratum's from the reference on, the whole series' (doubled), null (pooled). */
  trend: Trend | null;
  trendAgrees: boolean;
}

export interface VerdictThreshold {
  /** T (not multiplied: the doubled check says 2T here, the fast check still T, its reason says 1.5T). */
  degrees: number;
  basis: 'like-with-like' | 'doubled';
  source: 'clinic' | 'catalogue';
}

export interface VerdictStratum {
  raterId: string | null;
  instrument: string | null;
  readings: number;
  threshold: number;
  thresholdSource: 'clinic' | 'catalogue';
  fromDate: string;
  toDate: string;
}

export interface VerdictPooled {
  slopePerWeek: number;
  /** null: that side of the 90 % interval is open (too few pairs to bound it). */
  lowerPerWeek: number | null;
  upperPerWeek: number | null;
  confidence: number;
  /** Fitted change over the pooled readings, degrees. */
  fittedChange: number;
  pairs: number;
  strata: number;
  fromDate: string;
  toDate: string;
}

export interface Verdict {
  kind: VerdictKind;
  /** One plain sentence (or two) for the therapist, in English (API callers): reasonRef written in English. */
  reason: string;
  /** The same reason as a message, which the screens and documents write in their language. */
  reasonRef: MessageRef;
  /** The comparison the verdict rests on; null when insufficient. */
  comparison: Comparison | null;
  /** A change reached the threshold on one reading only, or the trend did not agree: re-measure. */
  needsConfirmation: boolean;
  /** Ids of baseline, best pair, latest and the compared readings: charts keep them when downsampling. */
  keepIds: string[];
  basis: VerdictBasis | null;
  threshold: VerdictThreshold;
  thresholdSource: 'clinic' | 'catalogue';
  /** Every stratum of the readings since the reset, in order of their first reading. */
  strata: VerdictStratum[];
  pooled: VerdictPooled | null;
  resetBy: ResetInfo | null;
}

export interface SeriesAnalysis {
  summary: SeriesSummary;
  verdict: Verdict;
}

/** Summary and verdict of one series in one call. */
export function analyseSeries(input: SeriesInput, options?: Partial<AnalysisOptions>): SeriesAnalysis {
  const summary = summariseSeries(input, options);
  return { summary, verdict: judgeSeries(summary, options) };
}

export function judgeSeries(summary: SeriesSummary, options?: Partial<AnalysisOptions>): Verdict {
  const o = resolveOptions(options);
  const { baseline: B, latest: L, points } = summary;
  const strata = strataOf(points, !o.unknownCountsAsDifferent);
  const pooled = pooledFinding(summary, strata, o);
  const base = {
    strata: strata.map((s) => describeStratum(summary, s)),
    pooled: pooled.fit ? describePooled(pooled.fit) : null,
    resetBy: summary.resetBy,
  };
  const baseIds = [B?.id, summary.bestPair?.[0].id, summary.bestPair?.[1].id, L?.id];

  const insufficient = (): Verdict => {
    const T = thresholdFor(summary, L?.instrument ?? null);
    const reasonRef = insufficientReason(summary, o);
    return {
      kind: 'insufficient',
      reason: englishReason(reasonRef),
      reasonRef,
      comparison: null,
      needsConfirmation: false,
      keepIds: unique(baseIds),
      basis: null,
      threshold: { degrees: T.degrees, basis: 'like-with-like', source: T.source },
      thresholdSource: T.source,
      ...base,
    };
  };
  if (!B || !L || points.length < o.minPoints) return insufficient();

  const comparable = strata.some((s) => s.indices.length >= 2);
  // A latest reading with no earlier one by its therapist and instrument is compared with nothing in the strata;
  // a change of 2T or more from the baseline still asks for a re-measure rather than passing unseen.
  const loose = comparable && !strata.some((s) => s.indices.length >= 2 && s.indices[s.indices.length - 1] === L.index);
  const findings: Finding[] = [
    ...strata.flatMap((s) => stratumFindings(summary, s, o, L.date)),
    ...(pooled.finding ? [pooled.finding] : []),
    ...(comparable ? (loose ? doubledFindings(summary, o, true) : []) : doubledFindings(summary, o)),
  ];
  const short = summary.spanDays < o.minSpanDays;
  const loss = findings.filter((f) => f.direction === 'loss');
  const gain = findings.filter((f) => f.direction === 'gain');

  let kind: VerdictKind = 'holding';
  let needsConfirmation = false;
  let chosen: Finding | null;
  if (short) {
    chosen = pickFinding(loss.filter((f) => f.confirmed && f.basis === 'fast'));
    if (!chosen) return insufficient();
    kind = 'losing';
  } else if ((chosen = pickFinding(loss.filter((f) => f.confirmed)))) {
    kind = 'losing';
  } else if ((chosen = pickFinding(loss))) {
    needsConfirmation = true;
  } else if ((chosen = pickFinding(gain.filter((f) => f.confirmed)))) {
    kind = 'improving';
  } else if ((chosen = pickFinding(gain))) {
    needsConfirmation = true;
  }

  const comparison = chosen ? toComparison(chosen, summary) : holdingComparison(summary, strata, o);
  const threshold = verdictThreshold(chosen, comparison, summary, pooled.T);
  // A stratum loss the pooled trend also shows is worth saying: two independent lines of evidence.
  const alsoPooled = kind === 'losing' && chosen?.check === 'stratum' && pooled.finding?.direction === 'loss' ? pooled.finding : null;
  const reasonRef = reasonFor({ kind, needsConfirmation, finding: chosen, comparison, threshold, summary, strata, alsoPooled, pooledFit: pooled.fit });
  const compared = [comparison.from.id, comparison.to.id, chosen?.check === 'stratum' ? chosen.fromFirst?.id : null];
  return {
    kind,
    reason: englishReason(reasonRef),
    reasonRef,
    comparison,
    needsConfirmation,
    keepIds: unique([...baseIds, ...compared]),
    // A holding verdict rests on the comparison it reports: like with like, or doubled.
    basis: chosen ? chosen.basis : threshold.basis === 'doubled' ? 'doubled' : 'stratum',
    threshold,
    thresholdSource: threshold.source,
    ...base,
  };
}

function describeStratum(summary: SeriesSummary, s: Stratum): VerdictStratum {
  const T = thresholdFor(summary, s.instrument);
  const first = summary.points[s.indices[0]!]!;
  const last = summary.points[s.indices[s.indices.length - 1]!]!;
  return { raterId: s.raterId, instrument: s.instrument, readings: s.indices.length, threshold: T.degrees, thresholdSource: T.source, fromDate: first.date, toDate: last.date };
}

function describePooled(fit: PooledFit): VerdictPooled {
  return {
    slopePerWeek: fit.slopePerDay * 7,
    lowerPerWeek: fit.lowerPerDay === null ? null : fit.lowerPerDay * 7,
    upperPerWeek: fit.upperPerDay === null ? null : fit.upperPerDay * 7,
    confidence: fit.confidence,
    fittedChange: fit.fittedChange,
    pairs: fit.pairs,
    strata: fit.strata,
    fromDate: fit.fromDate,
    toDate: fit.toDate,
  };
}

function unique(ids: readonly (string | null | undefined)[]): string[] {
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
}
