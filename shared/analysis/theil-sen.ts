// Theil-Sen slope with Sen's (1968) confidence interval.
//
// Why Theil-Sen: ROM series are short (3 to 30 points), unevenly spaced and carry one-off bad readings
// (a painful day, a new rater). The median of pairwise slopes ignores up to ~29% outliers, where least
// squares would be dragged by a single one. Pure arithmetic, no I/O, so it runs in the renderer too.

import { valuesAtRanks } from './order-statistics';

export interface XY {
  x: number;
  y: number;
}

export interface TheilSenFit {
  /** Median of the pairwise slopes (y units per x unit). */
  slope: number;
  /** Median of y - slope * x (Conover's estimator), so the line is y = intercept + slope * x. */
  intercept: number;
  /** Lower and upper bounds of the approximate interval on the slope (Sen 1968). */
  lower: number;
  upper: number;
  /** Confidence level of [lower, upper], e.g. 0.95. */
  confidence: number;
  /** Points used, and pairs with different x (pairs at the same x carry no slope and are skipped). */
  n: number;
  pairs: number;
}

/**
 * Fits y = intercept + slope * x robustly. Returns null when no two points differ in x (no slope exists).
 *
 * Interval (Sen 1968, eq. 2.6): with N pairwise slopes sorted ascending and Kendall's S variance
 * Var(S) = [n(n-1)(2n+5) - sum over tie groups in x and in y of t(t-1)(2t+5)] / 18, let C = z * sqrt(Var(S)).
 * The lower bound is the round((N - C) / 2)-th and the upper bound the (round((N + C) / 2) + 1)-th smallest
 * slope (1-based, clamped to [1, N], rounding half to even). This is exactly what scipy.stats.theilslopes
 * computes, so results can be checked against it. Whole-degree readings tie often, hence the y correction.
 * For fewer than ~10 points the normal approximation is rough and the interval widens to the slope range,
 * which is the honest answer for so few points.
 */
export function theilSen(points: readonly XY[], confidence = 0.95): TheilSenFit | null {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`Confidence must be between 0 and 1, not ${confidence}.`);
  for (const p of points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) throw new RangeError('Theil-Sen needs finite x and y values.');
  }
  const n = points.length;
  // n(n-1)/2 slopes in a typed array (no boxed numbers): a five-year weekly series has about 34,000 pairs.
  const buffer = new Float64Array((n * (n - 1)) / 2);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const a = points[i]!;
    for (let j = i + 1; j < n; j++) {
      const b = points[j]!;
      if (a.x !== b.x) buffer[count++] = (b.y - a.y) / (b.x - a.x);
    }
  }
  if (count === 0) return null;
  const N = count;
  const z = normalQuantile(0.5 + confidence / 2);
  const varS = kendallVariance(points.map((p) => p.x), points.map((p) => p.y));
  const c = z * Math.sqrt(Math.max(0, varS));
  // Only the median and the two bounds' ranks are needed: selected, not sorted (order-statistics.ts).
  const mid = N >> 1;
  const [low, high, m1, m2] = valuesAtRanks(buffer.subarray(0, count), [
    clampedIndex(roundHalfEven((N - c) / 2), N),
    clampedIndex(roundHalfEven((N + c) / 2) + 1, N),
    N % 2 === 1 ? mid : mid - 1,
    mid,
  ]);
  // Averaging the two middle values keeps median(-s) === -median(s) (see medianOfSorted).
  const slope = N % 2 === 1 ? m2! : (m1! + m2!) / 2;
  const intercept = median(points.map((p) => p.y - slope * p.x));
  return { slope, intercept, lower: low!, upper: high!, confidence, n, pairs: N };
}

/** Variance of Kendall's S under no trend, corrected for ties in x (same day) and in y (same reading). */
export function kendallVariance(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  return (n * (n - 1) * (2 * n + 5) - tieTerm(xs) - tieTerm(ys)) / 18;
}

/**
 * Sum of t(t-1)(2t+5) over groups of t equal values: counted as runs of a sorted copy (each term is a whole
 * number, so the sum is exact in any order; -0 and +0 are one group, as equal values).
 */
function tieTerm(values: readonly number[]): number {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    // NaN (never from the analysis, which checks its values) is one group, as a Map key would be.
    while (j < sorted.length && (sorted[j] === sorted[i] || (sorted[j] !== sorted[j] && sorted[i] !== sorted[i]))) j++;
    const t = j - i;
    sum += t * (t - 1) * (2 * t + 5);
    i = j;
  }
  return sum;
}

/** The 0-based index of a 1-based rank, clamped to the ends of n values. */
function clampedIndex(rank: number, n: number): number {
  return Math.min(Math.max(rank, 1), n) - 1;
}

/** numpy's rounding (half to even), to pick the same ranks as scipy. */
export function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('The median of no values is undefined.');
  return medianOfSorted([...values].sort((p, q) => p - q));
}

function medianOfSorted(sorted: ArrayLike<number>): number {
  const mid = sorted.length >> 1;
  // Averaging the two middle values keeps median(-s) === -median(s): a series played backwards gets exactly
  // the opposite slope, which the verdict relies on.
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9), so callers
 * may ask for a 90% or 99% interval without a statistics library.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`Probability must be between 0 and 1, not ${p}.`);
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}
