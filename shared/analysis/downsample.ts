// Downsampling for charts: largest-triangle-three-buckets (Steinarsson 2013, "Downsampling Time Series for
// Visual Representation"), which keeps the visual shape of a line far better than taking every k-th point.
//
// Why the extras: a chart must still show the points a verdict rests on (baseline, best, latest: Verdict.keepIds),
// where the line starts and ends, and the lowest and highest readings, or the picture could contradict the
// sentence beside it. Those are forced in; LTTB fills the rest of the budget.
//
// Guarantee: the result contains every must-keep id present in the input, the first and last points, the (first)
// lowest and highest points, and has at most max(n, number of forced points) points; with n >= 4 that is at most
// n + (must-keep ids present). Points come back in time order, as the original objects.

import { daysBetween } from '../domain/dates';
import type { RomPoint } from './series-summary';

export interface LttbAccessors<T> {
  x: (p: T) => number;
  y: (p: T) => number;
  /** Id of a point, for must-keep matching. */
  id?: (p: T) => string | null | undefined;
}

/**
 * Downsamples points to about n. Sorted by x first (stable), so input order does not matter.
 * Throws for n < 2: a line needs two points, and min and max alone may be two.
 */
export function downsampleLttb<T>(points: readonly T[], n: number, access: LttbAccessors<T>, mustKeepIds: Iterable<string> = []): T[] {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`Downsample to a whole number of at least 2 points, not ${n}.`);
  const order = points.map((p, i) => ({ p, i, x: access.x(p), y: access.y(p) }));
  order.sort((a, b) => a.x - b.x || a.i - b.i);
  const len = order.length;
  if (len <= n) return order.map((o) => o.p);

  const keep = new Set(mustKeepIds);
  const forced = new Set<number>();
  let lo = 0;
  let hi = 0;
  order.forEach((o, k) => {
    const id = access.id?.(o.p);
    if (id != null && keep.has(id)) forced.add(k);
    if (o.y < order[lo]!.y) lo = k;
    if (o.y > order[hi]!.y) hi = k;
  });
  forced.add(0).add(len - 1).add(lo).add(hi);

  // Shrink the LTTB target until LTTB picks plus forced points fit the budget. Each step drops the target by
  // the overshoot, so it ends in a few rounds; at target 0 only forced points remain, which always fit.
  const cap = Math.max(n, forced.size);
  let target = n;
  for (;;) {
    const chosen = new Set<number>(lttbIndices(order, target));
    for (const k of forced) chosen.add(k);
    if (chosen.size <= cap || target <= 0) {
      return [...chosen].sort((a, b) => a - b).map((k) => order[k]!.p);
    }
    target = Math.max(0, target - (chosen.size - cap));
  }
}

/** Downsamples a ROM series (x = date, y = value), keeping the given ids (e.g. Verdict.keepIds). */
export function downsampleSeries<T extends RomPoint>(points: readonly T[], n: number, mustKeepIds: Iterable<string> = []): T[] {
  const origin = points.reduce<string | null>((m, p) => (m === null || p.date < m ? p.date : m), null);
  return downsampleLttb(
    points,
    n,
    { x: (p) => (origin === null ? 0 : daysBetween(origin, p.date)), y: (p) => p.value, id: (p) => p.id },
    mustKeepIds,
  );
}

/** Indices (into xy, sorted by x) that LTTB keeps for a target of t points: always the first and last. */
function lttbIndices(xy: readonly { x: number; y: number }[], t: number): number[] {
  const len = xy.length;
  if (t >= len) return xy.map((_, k) => k);
  if (t <= 0) return [];
  if (t === 1) return [0];
  if (t === 2) return [0, len - 1];

  // Inner points split into t - 2 buckets; from each, keep the point making the largest triangle with the
  // point kept before it and the average of the next bucket.
  const every = (len - 2) / (t - 2);
  const out = [0];
  let a = 0;
  for (let i = 0; i < t - 2; i++) {
    // The last bucket's "next" is the final point; pinned explicitly so floating error cannot empty it.
    const last = i === t - 3;
    const avgEnd = last ? len : Math.min(Math.floor((i + 2) * every) + 1, len);
    const avgStart = last ? len - 1 : Math.min(Math.floor((i + 1) * every) + 1, avgEnd - 1);
    let avgX = 0;
    let avgY = 0;
    for (let k = avgStart; k < avgEnd; k++) {
      avgX += xy[k]!.x;
      avgY += xy[k]!.y;
    }
    const count = Math.max(1, avgEnd - avgStart);
    avgX /= count;
    avgY /= count;

    const start = Math.floor(i * every) + 1;
    const end = last ? len - 1 : Math.min(Math.floor((i + 1) * every) + 1, len - 1);
    const pa = xy[a]!;
    let best = start;
    let bestArea = -1;
    for (let k = start; k < end; k++) {
      const p = xy[k]!;
      const area = Math.abs((pa.x - avgX) * (p.y - pa.y) - (pa.x - p.x) * (avgY - pa.y));
      if (area > bestArea) {
        bestArea = area;
        best = k;
      }
    }
    out.push(best);
    a = best;
  }
  out.push(len - 1);
  return out;
}
