// Which of several findings the verdict speaks of, and the comparison and threshold it reports. Kept apart
// from the rule (verdict.ts) so the rule reads as the clinic's policy and this as bookkeeping.

import type { AnalysisOptions, SeriesSummary } from './series-summary';
import { stratumOfIndex, type ResolvedThreshold, type Stratum } from './strata';
import type { Comparison, VerdictThreshold } from './verdict';
import { differences, ref, stratumTrend, thresholdFor, type Finding } from './verdict-checks';

const CHECK_ORDER: Record<Finding['check'], number> = { stratum: 0, pooled: 1, doubled: 2 };

/**
 * The finding to report: a stratum's first (the plainest sentence: same therapist, same instrument), the
 * one with the newest latest reading, against the baseline before the best (the baseline is what the
 * therapist remembers), then the largest change in units of its threshold. Then the pooled trend, then
 * the doubled comparison. Ties keep input order, which follows the strata's first readings, so renaming
 * raters never changes the choice.
 */
export function pickFinding(findings: readonly Finding[]): Finding | null {
  let best: Finding | null = null;
  for (const f of findings) if (best === null || before(f, best)) best = f;
  return best;
}

function before(a: Finding, b: Finding): boolean {
  if (CHECK_ORDER[a.check] !== CHECK_ORDER[b.check]) return CHECK_ORDER[a.check] < CHECK_ORDER[b.check];
  if (a.check !== 'stratum' || b.check !== 'stratum') return false;
  if (a.to.date !== b.to.date) return a.to.date > b.to.date;
  if (a.against !== b.against) return a.against === 'baseline';
  return Math.abs(a.change) / a.T.degrees > Math.abs(b.change) / b.T.degrees;
}

export function toComparison(f: Finding, summary: SeriesSummary): Comparison {
  if (f.check === 'stratum') {
    return { against: f.against, from: f.from, to: f.to, change: f.change, threshold: f.T.degrees, doubledBecause: [], counts: Math.abs(f.change) >= f.T.degrees, trend: f.trend, trendAgrees: f.trendAgrees };
  }
  if (f.check === 'doubled') {
    return { against: 'baseline', from: f.from, to: f.to, change: f.change, threshold: 2 * f.T.degrees, doubledBecause: f.doubledBecause, counts: Math.abs(f.change) >= 2 * f.T.degrees, trend: f.trend, trendAgrees: f.trendAgrees };
  }
  // Pooled: the screens draw baseline to latest; the numbers the verdict rests on are in verdict.pooled.
  const from = summary.baseline!;
  const to = summary.latest!;
  return { against: 'baseline', from, to, change: to.value - from.value, threshold: f.T.degrees, doubledBecause: [], counts: true, trend: null, trendAgrees: true };
}

/**
 * What a holding verdict compares: the baseline and latest of the latest reading's stratum (or, when the latest
 * reading is in none, the stratum with the most readings), with T; when no two readings are comparable, the
 * series' baseline and latest with 2T.
 */
export function holdingComparison(summary: SeriesSummary, strata: readonly Stratum[], o: AnalysisOptions): Comparison {
  const points = summary.points;
  const latest = summary.latest!;
  const own = stratumOfIndex(strata, latest.index);
  const usable = strata.filter((s) => s.indices.length >= 2);
  const main = own && own.indices.length >= 2 ? own : usable.reduce<Stratum | null>((a, s) => (a === null || s.indices.length > a.indices.length ? s : a), null);
  if (main) {
    const from = ref(points, main.indices[0]!);
    const to = ref(points, main.indices[main.indices.length - 1]!);
    const T = thresholdFor(summary, main.instrument).degrees;
    const trend = stratumTrend(points, main.indices, o);
    const change = to.value - from.value;
    const slope = trend?.slopePerWeek ?? 0;
    return { against: 'baseline', from, to, change, threshold: T, doubledBecause: [], counts: Math.abs(change) >= T, trend, trendAgrees: change < 0 ? slope < 0 : change > 0 ? slope > 0 : false };
  }
  const from = summary.baseline!;
  const T = Math.max(thresholdFor(summary, from.instrument).degrees, thresholdFor(summary, latest.instrument).degrees);
  const change = latest.value - from.value;
  const slope = summary.trendAll?.slopePerWeek ?? 0;
  return {
    against: 'baseline',
    from,
    to: latest,
    change,
    threshold: 2 * T,
    doubledBecause: differences(from, latest),
    counts: Math.abs(change) >= 2 * T,
    trend: summary.trendAll,
    trendAgrees: change < 0 ? slope < 0 : change > 0 ? slope > 0 : false,
  };
}

/** The threshold the verdict used, with why (like with like, or doubled) and where it came from. */
export function verdictThreshold(chosen: Finding | null, c: Comparison, summary: SeriesSummary, pooledT: ResolvedThreshold): VerdictThreshold {
  if (chosen?.check === 'pooled') return { degrees: pooledT.degrees, basis: 'like-with-like', source: pooledT.source };
  const T = chosen ? chosen.T : thresholdFor(summary, c.doubledBecause.length > 0 ? worse(summary, c) : c.to.instrument);
  const doubled = chosen ? chosen.check === 'doubled' : c.doubledBecause.length > 0;
  return { degrees: doubled ? 2 * T.degrees : T.degrees, basis: doubled ? 'doubled' : 'like-with-like', source: T.source };
}

/** The instrument of the compared pair whose T is larger (the doubled comparison uses the larger). */
function worse(summary: SeriesSummary, c: Comparison): string | null {
  return thresholdFor(summary, c.from.instrument).degrees >= thresholdFor(summary, c.to.instrument).degrees ? c.from.instrument : c.to.instrument;
}
