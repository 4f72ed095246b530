// The few ranks of a set of slopes that Theil-Sen needs (the median and the two interval bounds), without
// sorting all of them.
//
// Why: a patient page fits a few dozen trends of up to 1,770 pair slopes each, and sorting every slope array
// was a quarter of analysis.patient's time; selecting three ranks is about four times faster than sorting.
//
// Exactly the values a sort gives: Float64Array.prototype.sort orders -0 before +0 and NaN last, while a
// selection by `<` cannot tell -0 from +0. So a zero found at a rank gets the sign the sorted array would have
// there (counted, only when a zero is found), and any NaN falls back to the sort.

/**
 * The values at the given 0-based ranks of `values` as Float64Array.prototype.sort would order them. Reorders
 * `values` in place (it is the caller's scratch buffer). Every rank must be within 0..length-1.
 */
export function valuesAtRanks(values: Float64Array, ranks: readonly number[]): number[] {
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v !== v) {
      values.sort();
      return ranks.map((k) => values[k]!);
    }
  }
  const wanted = [...new Set(ranks)].sort((a, b) => a - b);
  selectAll(values, 0, n - 1, wanted, 0, wanted.length - 1);
  const out = ranks.map((k) => values[k]!);
  for (let i = 0; i < out.length; i++) if (out[i] === 0) out[i] = signedZeroAt(values, ranks[i]!);
  return out;
}

/**
 * The first and last value a sort would give, for comparisons with 0 (the sign of a zero is not kept): the
 * smallest number, and the largest or NaN, which sorts last.
 */
export function minMax(values: Float64Array): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  let nan = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
    if (v !== v) nan = true;
  }
  return { min, max: nan ? NaN : max };
}

/** A sorted Float64Array holds the negatives, then every -0, then every +0: which one is at rank k. */
function signedZeroAt(values: Float64Array, k: number): number {
  let negatives = 0;
  let negativeZeros = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < 0) negatives++;
    else if (v === 0 && 1 / v < 0) negativeZeros++;
  }
  return k >= negatives && k < negatives + negativeZeros ? -0 : 0;
}

/**
 * Puts each of ranks[from..to] (ascending) in place within a[lo..hi]: the middle one first, so the ranks on
 * either side are looked for in its two halves only.
 */
function selectAll(a: Float64Array, lo: number, hi: number, ranks: readonly number[], from: number, to: number): void {
  if (from > to) return;
  const m = (from + to) >> 1;
  const k = ranks[m]!;
  select(a, lo, hi, k);
  selectAll(a, lo, k - 1, ranks, from, m - 1);
  selectAll(a, k + 1, hi, ranks, m + 1, to);
}

/**
 * Floyd and Rivest's SELECT (1975): after it, a[k] holds the value of rank k within a[lo..hi], everything
 * before it is <= and everything after it >= that value.
 */
function select(a: Float64Array, lo: number, hi: number, k: number): number {
  // The smallest or largest of the range (a rank next to one already placed, the usual case for the second
  // middle value): one scan.
  if (k === lo || k === hi) {
    let at = k;
    for (let i = lo; i <= hi; i++) if (k === lo ? a[i]! < a[at]! : a[i]! > a[at]!) at = i;
    swap(a, k, at);
    return a[k]!;
  }
  while (hi > lo) {
    if (hi - lo > 600) {
      // Narrow to a sample's neighbourhood of k first, so the partitions below split near k.
      const n = hi - lo + 1;
      const i = k - lo + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (i - n / 2 < 0 ? -1 : 1);
      select(a, Math.max(lo, Math.floor(k - (i * s) / n + sd)), Math.min(hi, Math.floor(k + ((n - i) * s) / n + sd)), k);
    }
    const t = a[k]!;
    let i = lo;
    let j = hi;
    swap(a, lo, k);
    if (a[hi]! > t) swap(a, lo, hi);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i]! < t) i++;
      while (a[j]! > t) j--;
    }
    if (a[lo] === t) swap(a, lo, j);
    else {
      j++;
      swap(a, j, hi);
    }
    if (j <= k) lo = j + 1;
    if (k <= j) hi = j - 1;
  }
  return a[k]!;
}

function swap(a: Float64Array, i: number, j: number): void {
  const x = a[i]!;
  a[i] = a[j]!;
  a[j] = x;
}
