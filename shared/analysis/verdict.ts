// Is this joint improving, holding or losing motion?
//
// THE RULE (P = points strictly after the latest reset and on or before today, sorted by date;
// B = baseline = first of P, M = best = highest of P (most recent among equals), L = latest = last of P;
// T = the motion's threshold for the same rater and instrument; slope = Theil-Sen, degrees per week):
//
//  1. insufficient  when |P| < minPoints (3) or days(B -> L) < minSpanDays (14).
//  2. Comparing an earlier point A with L: change = L - A; the threshold is T, or 2T when A and L differ in
//     rater or in instrument (a missing rater or instrument counts as differing unless
//     unknownCountsAsDifferent is false). A change "counts" when |change| >= that threshold
//     (the threshold is the smallest detectable change, so reaching it is enough).
//  3. losing        when either
//       a. change B -> L counts, is negative, and the slope over all of P is < 0; or
//       b. change M -> L counts, is negative, the stretch from M to L holds at least minPoints points, and
//          the slope over that stretch is < 0.
//     Reported against B when (a) holds, otherwise against M.
//  4. holding with needsConfirmation when the change B -> L or M -> L counts and is negative but its trend
//     does not agree (typically a single new low reading; the reason asks the therapist to re-measure).
//  5. improving     when change B -> L counts, is positive, and the slope over all of P is > 0.
//  6. holding       otherwise; needsConfirmation also when a gain counted but the slope was not > 0.
//
// Why these choices:
//  - Losing is checked first and also against the best, because in HO a loss after early gains is the
//    warning sign (new bone); a patient who gained 20 and then lost 15 is losing, not improving.
//  - The trend must agree in sign, using the slope itself rather than requiring its interval to exclude 0:
//    with 3 to 6 points the interval nearly always spans 0, which would hide real losses. The magnitude test
//    against the measurement error is the significance test; the trend only stops a stray reading that the
//    rest of the series contradicts (e.g. 120, 120, 120, 120, 105 has a median slope of 0).
//  - (b) needs minPoints points from the best onwards, because the slope of two points always agrees with
//    their difference, which would let one low reading after a peak pass without confirmation.
//  - Every quantity is a difference or a slope, so adding a constant to all values never changes the verdict,
//    and a series played backwards in time (with the best first) flips losing to improving.

import { daysBetween } from '../domain/dates';
import { formatDay, formatDegrees, formatDuration, formatSlope, plural } from './format';
import {
  resolveOptions,
  summariseSeries,
  trendOf,
  type AnalysisOptions,
  type PointRef,
  type SeriesInput,
  type SeriesSummary,
  type Trend,
} from './series-summary';

export type VerdictKind = 'improving' | 'holding' | 'losing' | 'insufficient';

export interface Comparison {
  /** Which point the latest is compared with. */
  against: 'baseline' | 'best';
  from: PointRef;
  to: PointRef;
  change: number;
  /** The threshold applied: T, or 2T when rater or instrument differ. */
  threshold: number;
  doubledBecause: ('rater' | 'instrument')[];
  /** Whether |change| reaches the threshold. */
  counts: boolean;
  /** The trend the change was checked against: whole series for baseline, best onwards for best. */
  trend: Trend | null;
  trendAgrees: boolean;
}

export interface Verdict {
  kind: VerdictKind;
  /** One plain sentence (or two) for the therapist. */
  reason: string;
  /** The comparison the verdict rests on; null when insufficient. */
  comparison: Comparison | null;
  /** A change reached the threshold but the trend did not agree: re-measure. */
  needsConfirmation: boolean;
  /** Ids of baseline, best and latest (those that have ids): charts must keep them when downsampling. */
  keepIds: string[];
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
  const { baseline: B, best: M, latest: L, points } = summary;
  const keepIds = unique([B?.id, M?.id, L?.id]);

  if (!B || !M || !L || points.length < o.minPoints || summary.spanDays < o.minSpanDays) {
    return { kind: 'insufficient', reason: insufficientReason(summary, o), comparison: null, needsConfirmation: false, keepIds };
  }

  const fromBaseline = compare('baseline', B, L, summary.trendAll, summary.threshold, o);
  const stretch = points.slice(M.index);
  const fromBest = compare('best', M, L, stretch.length >= o.minPoints ? trendOf(stretch, o.confidence) : null, summary.threshold, o);

  const lossFromBaseline = fromBaseline.counts && fromBaseline.change < 0;
  const lossFromBest = fromBest.counts && fromBest.change < 0;
  const gain = fromBaseline.counts && fromBaseline.change > 0;

  if (lossFromBaseline && fromBaseline.trendAgrees) return done('losing', fromBaseline, false);
  if (lossFromBest && fromBest.trendAgrees) return done('losing', fromBest, false);
  // An unconfirmed loss outranks a gain: "improving" right after a drop beyond the error would reassure
  // exactly when the therapist should re-measure.
  if (lossFromBaseline) return done('holding', fromBaseline, true);
  if (lossFromBest) return done('holding', fromBest, true);
  if (gain && fromBaseline.trendAgrees) return done('improving', fromBaseline, false);
  if (gain) return done('holding', fromBaseline, true);
  return done('holding', fromBaseline, false);

  function done(kind: VerdictKind, c: Comparison, needsConfirmation: boolean): Verdict {
    return { kind, reason: reasonFor(kind, c, needsConfirmation, summary), comparison: c, needsConfirmation, keepIds };
  }
}

function compare(
  against: 'baseline' | 'best',
  from: PointRef,
  to: PointRef,
  trend: Trend | null,
  T: number,
  o: AnalysisOptions,
): Comparison {
  const doubledBecause: ('rater' | 'instrument')[] = [];
  if (differs(from.raterId, to.raterId, o.unknownCountsAsDifferent)) doubledBecause.push('rater');
  if (differs(from.instrument, to.instrument, o.unknownCountsAsDifferent)) doubledBecause.push('instrument');
  const threshold = doubledBecause.length > 0 ? 2 * T : T;
  const change = to.value - from.value;
  const slope = trend?.slopePerWeek ?? 0;
  return {
    against,
    from,
    to,
    change,
    threshold,
    doubledBecause,
    counts: Math.abs(change) >= threshold,
    trend,
    trendAgrees: change < 0 ? slope < 0 : change > 0 ? slope > 0 : false,
  };
}

function differs(a: string | null, b: string | null, unknownCountsAsDifferent: boolean): boolean {
  if (a === null || b === null) return unknownCountsAsDifferent;
  return a !== b;
}

function reasonFor(kind: VerdictKind, c: Comparison, needsConfirmation: boolean, s: SeriesSummary): string {
  const size = Math.abs(c.change);
  const over = formatDuration(daysBetween(c.from.date, c.to.date));
  const T = formatDegrees(c.threshold);
  const note = doubledNote(c, s.threshold);
  const what = c.change < 0 ? `a loss of ${formatDegrees(size)}` : `a gain of ${formatDegrees(size)}`;
  const beyond = `${size > c.threshold ? 'beyond' : 'reaching'} the ${T} threshold${note}`;
  const head =
    c.against === 'best'
      ? `${s.label} fell from its best of ${formatDegrees(c.from.value)} on ${formatDay(c.from.date)} to ${formatDegrees(c.to.value)} over ${over}`
      : `${s.label} ${formatDegrees(c.from.value)} → ${formatDegrees(c.to.value)} over ${over}`;

  if (kind === 'holding' && !needsConfirmation) {
    const changed = c.change === 0 ? 'no change' : `changed by ${formatDegrees(size)}`;
    return `${head}: ${changed}, within the ${T} measurement error${note}.`;
  }
  if (needsConfirmation) {
    const slope = c.trend ? ` (${formatSlope(c.trend.slopePerWeek)})` : '';
    const trendSays =
      c.trend === null
        ? `only ${plural(s.points.length - c.from.index - 1, 'measurement')} since the best, too few to confirm a trend`
        : `the trend is not ${c.change < 0 ? 'falling' : 'rising'}${slope}`;
    return `${head}: ${what}, ${beyond}, but ${trendSays}. Re-measure to confirm.`;
  }
  const tail = c.against === 'best' ? sinceBaseline(s) : '';
  return `${head}: ${what}, ${beyond}.${tail}`;
}

/** After a loss from the best, where the patient stands against the baseline, which may still be a gain. */
function sinceBaseline(s: SeriesSummary): string {
  const d = s.changeSinceBaseline;
  if (d === null || !s.baseline) return '';
  const first = formatDegrees(s.baseline.value);
  if (d === 0) return ` It is back to the baseline of ${first}.`;
  return ` It is ${formatDegrees(Math.abs(d))} ${d > 0 ? 'above' : 'below'} the baseline of ${first}.`;
}

function doubledNote(c: Comparison, T: number): string {
  if (c.doubledBecause.length === 0) return '';
  const who = c.doubledBecause.length === 2 ? 'rater and instrument' : c.doubledBecause[0]!;
  const unknown =
    (c.doubledBecause.includes('rater') && (c.from.raterId === null || c.to.raterId === null)) ||
    (c.doubledBecause.includes('instrument') && (c.from.instrument === null || c.to.instrument === null));
  return ` (${formatDegrees(T)} doubled: ${unknown ? `${who} not recorded or different` : `different ${who}`})`;
}

function insufficientReason(s: SeriesSummary, o: AnalysisOptions): string {
  const need = `at least ${o.minPoints} over ${formatDuration(o.minSpanDays)} are needed for a verdict.`;
  const since = s.resetDate ? ` since the reset on ${formatDay(s.resetDate)}` : '';
  const n = s.points.length;
  if (n === 0) return `No measurements${since || ' yet'}: ${need}`;
  if (n < o.minPoints) return `Only ${plural(n, 'measurement')}${since}: ${need}`;
  return `${plural(n, 'measurement')}${since} over ${formatDuration(s.spanDays)}: ${need}`;
}

function unique(ids: readonly (string | null | undefined)[]): string[] {
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
}
