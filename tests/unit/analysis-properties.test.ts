import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseSeries, downsampleLttb, theilSen, type RomPoint, type SeriesInput } from '../../shared/analysis';

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const START = '2025-01-06';
const TODAY = '2026-12-31';

const rawPoint = fc.record({
  day: fc.integer({ min: 0, max: 180 }),
  value: fc.integer({ min: -60, max: 180 }),
  rater: fc.constantFrom<string | null>('A', 'B', null),
  instrument: fc.constantFrom<string | null>('goniometer', 'smartphone'),
});
type Raw = { day: number; value: number; rater: string | null; instrument: string | null };

function toPoints(raws: readonly Raw[]): RomPoint[] {
  return raws.map((r, i) => ({ id: `p${i}`, date: addDays(START, r.day), value: r.value, raterId: r.rater, instrument: r.instrument }));
}

function seriesInput(points: RomPoint[], threshold: number, resetDay: number | null): SeriesInput {
  return {
    label: 'Right elbow flexion',
    points,
    threshold,
    normal: 150,
    resetDates: resetDay === null ? [] : [addDays(START, resetDay)],
    today: TODAY,
  };
}

describe('verdict properties', () => {
  it('adding a constant to every value leaves the verdict unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(rawPoint, { maxLength: 14 }),
        fc.integer({ min: 1, max: 15 }),
        fc.option(fc.integer({ min: 0, max: 180 })),
        fc.integer({ min: -90, max: 90 }),
        (raws, threshold, resetDay, shift) => {
          const a = analyseSeries(seriesInput(toPoints(raws), threshold, resetDay)).verdict;
          const shifted = raws.map((r) => ({ ...r, value: r.value + shift }));
          const b = analyseSeries(seriesInput(toPoints(shifted), threshold, resetDay)).verdict;
          expect(b.kind).toBe(a.kind);
          expect(b.needsConfirmation).toBe(a.needsConfirmation);
          expect(b.comparison?.against).toBe(a.comparison?.against);
          expect(b.comparison?.change).toBe(a.comparison?.change);
          expect(b.keepIds).toEqual(a.keepIds);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a losing series whose first reading is its best, played backwards in time, is improving', () => {
    // Values start at a unique best and wander down; time is mirrored (day -> lastDay - day) and the order
    // reversed, so the old latest becomes the new baseline. (A series that rose and then fell is losing both
    // ways round, by design, so the best must come first for this symmetry.)
    const losingish = fc
      .tuple(
        fc.array(fc.integer({ min: 0, max: 21 }), { minLength: 2, maxLength: 12 }),
        fc.array(fc.integer({ min: -8, max: 20 }), { minLength: 12, maxLength: 12 }),
        fc.array(fc.constantFrom<string | null>('A', 'B', null), { minLength: 13, maxLength: 13 }),
        fc.integer({ min: 1, max: 12 }),
      )
      .map(([gaps, drops, raters, threshold]) => {
        let day = 0;
        let value = 150;
        const raws: Raw[] = [{ day: 0, value: 150, rater: raters[0]!, instrument: 'goniometer' }];
        gaps.forEach((gap, i) => {
          day += gap;
          value = Math.min(149, value - drops[i]!);
          raws.push({ day, value, rater: raters[i + 1]!, instrument: 'goniometer' });
        });
        return { raws, threshold };
      });

    let checked = 0;
    fc.assert(
      fc.property(losingish, ({ raws, threshold }) => {
        const forward = analyseSeries(seriesInput(toPoints(raws), threshold, null)).verdict;
        fc.pre(forward.kind === 'losing');
        const lastDay = raws[raws.length - 1]!.day;
        const backwards = [...raws].reverse().map((r) => ({ ...r, day: lastDay - r.day }));
        const reverse = analyseSeries(seriesInput(toPoints(backwards), threshold, null)).verdict;
        expect(reverse.kind).toBe('improving');
        expect(reverse.comparison?.change).toBe(-forward.comparison!.change);
        checked++;
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(100);
  });

  it('never calls fewer than 3 points or under 2 weeks anything but insufficient', () => {
    fc.assert(
      fc.property(fc.array(rawPoint, { maxLength: 2 }), fc.integer({ min: 1, max: 15 }), (raws, threshold) => {
        expect(analyseSeries(seriesInput(toPoints(raws), threshold, null)).verdict.kind).toBe('insufficient');
      }),
    );
    fc.assert(
      fc.property(fc.array(rawPoint.map((r) => ({ ...r, day: r.day % 14 })), { maxLength: 10 }), (raws) => {
        expect(analyseSeries(seriesInput(toPoints(raws), 8, null)).verdict.kind).toBe('insufficient');
      }),
    );
  });
});

describe('Theil-Sen properties', () => {
  it('the slope lies within its interval', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: 0, max: 100 }), y: fc.integer({ min: -50, max: 200 }) }), { minLength: 2, maxLength: 30 }),
        (pts) => {
          const fit = theilSen(pts);
          fc.pre(fit !== null);
          expect(fit!.lower).toBeLessThanOrEqual(fit!.slope);
          expect(fit!.slope).toBeLessThanOrEqual(fit!.upper);
        },
      ),
    );
  });
});

describe('downsample properties', () => {
  it('keeps every must-keep id, the min and the max, and never exceeds n plus the must-keeps', () => {
    const input = fc
      .array(fc.record({ x: fc.integer({ min: 0, max: 1000 }), y: fc.integer({ min: -100, max: 200 }) }), { maxLength: 150 })
      .chain((pts) => {
        const points = pts.map((p, i) => ({ ...p, id: `i${i}` }));
        return fc.tuple(
          fc.constant(points),
          fc.integer({ min: 2, max: 40 }),
          fc.subarray(points.map((p) => p.id)),
        );
      });
    fc.assert(
      fc.property(input, ([points, n, keep]) => {
        const out = downsampleLttb(points, n, { x: (p) => p.x, y: (p) => p.y, id: (p) => p.id }, keep);
        const ids = new Set(out.map((p) => p.id));
        for (const id of keep) expect(ids.has(id)).toBe(true);
        expect(out.length).toBeLessThanOrEqual(n + keep.length);
        expect(ids.size).toBe(out.length);
        if (points.length > 0) {
          const ys = points.map((p) => p.y);
          expect(out.some((p) => p.y === Math.min(...ys))).toBe(true);
          expect(out.some((p) => p.y === Math.max(...ys))).toBe(true);
        }
        if (points.length <= n) expect(out.length).toBe(points.length);
        // Sorted by x.
        for (let i = 1; i < out.length; i++) expect(out[i]!.x).toBeGreaterThanOrEqual(out[i - 1]!.x);
      }),
      { numRuns: 500 },
    );
  });
});
