// Who measured what, for the chart of one series. The verdict compares a reading only with readings by the same
// therapist with the same instrument (a "stratum", shared/analysis/strata.ts), so when a series mixes them the
// chart must show which reading belongs to which: one marker shape per stratum, named in the legend. Shapes,
// not colours, so the chart reads the same printed in black and white.
import type { SeriesPoint } from '../../../shared/analysis/patient-series';
import type { VerdictStratum } from '../../../shared/analysis/verdict';
import type { MarkerShape } from '../charts/chart-model';

/** Shapes for the second and later strata; the first keeps the series' own (circle right, triangle left). */
const MORE_SHAPES: readonly MarkerShape[] = ['square', 'diamond', 'star', 'plus'];
/** Readings without a therapist or an instrument recorded: comparable with none, so a shape of their own. */
export const UNRECORDED_SHAPE: MarkerShape = 'cross';

export interface ChartStratum {
  /** null: the readings with therapist or instrument not recorded. */
  key: string | null;
  raterId: string | null;
  instrument: string | null;
  shape: MarkerShape;
  /** Readings of the series in this stratum, all dates (the chart draws them all). */
  readings: number;
  /** The threshold the verdict uses for it, when the verdict lists it (only readings since the last reset). */
  threshold: number | null;
}

export interface ChartStrata {
  strata: ChartStratum[];
  shapeOf(point: Pick<SeriesPoint, 'raterId' | 'instrument'>): MarkerShape;
}

/** The same key as strata.ts: a reading missing either label matches nothing. */
function keyOf(p: Pick<SeriesPoint, 'raterId' | 'instrument'>): string | null {
  return p.raterId === null || p.instrument === null ? null : `${p.raterId}\u0000${p.instrument}`;
}

/**
 * The strata of a series' readings in the order of their first reading, each with its marker shape; null when
 * every reading was taken by one therapist with one instrument (nothing to tell apart).
 */
export function chartStrata(points: readonly Pick<SeriesPoint, 'raterId' | 'instrument'>[], ownShape: MarkerShape, verdictStrata: readonly VerdictStratum[] = []): ChartStrata | null {
  const byKey = new Map<string | null, ChartStratum>();
  for (const p of points) {
    const key = keyOf(p);
    const found = byKey.get(key);
    if (found) {
      found.readings += 1;
      continue;
    }
    byKey.set(key, { key, raterId: key === null ? null : p.raterId, instrument: key === null ? null : p.instrument, shape: UNRECORDED_SHAPE, readings: 1, threshold: null });
  }
  if (byKey.size < 2 && !byKey.has(null)) return null;
  let next = 0;
  const strata = [...byKey.values()].map((s) => {
    if (s.key !== null) s.shape = next === 0 ? ownShape : (MORE_SHAPES[(next - 1) % MORE_SHAPES.length] ?? 'square');
    if (s.key !== null) next += 1;
    const v = verdictStrata.find((vs) => vs.raterId === s.raterId && vs.instrument === s.instrument);
    return { ...s, threshold: v?.threshold ?? null };
  });
  // The unrecorded group last in the legend: it is the exception.
  strata.sort((a, b) => Number(a.key === null) - Number(b.key === null));
  const shapes = new Map(strata.map((s) => [s.key, s.shape]));
  return { strata, shapeOf: (p) => shapes.get(keyOf(p)) ?? UNRECORDED_SHAPE };
}
