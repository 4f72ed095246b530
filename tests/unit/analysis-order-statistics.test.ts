import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minMax, valuesAtRanks } from '../../shared/analysis/order-statistics';
import { strataOf, stratumKeyOf, type Stratum } from '../../shared/analysis/strata';
import type { RomPoint } from '../../shared/analysis/series-summary';

// Theil-Sen selects the ranks it needs instead of sorting every slope, and strataOf groups readings without a
// string per reading: both must give exactly what the plain way gives, or a verdict could change.

const sorted = (values: Float64Array) => Float64Array.from(values).sort();

// Slopes as they occur: many ties (whole degrees over whole days), zeros of both signs (a pair read backwards),
// the odd infinity, and long arrays that take the sampling step of the selection.
const slope = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -12, max: 12 }).chain((dy) => fc.integer({ min: 1, max: 90 }).map((dx) => dy / dx)) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, Infinity, -Infinity) },
  { weight: 1, arbitrary: fc.double({ noNaN: true }) },
);

describe('valuesAtRanks', () => {
  it('gives the values a sort puts at those ranks, -0 before +0 included', () => {
    fc.assert(
      fc.property(fc.array(slope, { minLength: 1, maxLength: 2500 }), fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), (values, picks) => {
        const input = Float64Array.from(values);
        const ranks = picks.map((p) => p % input.length);
        const expected = ranks.map((k) => sorted(input)[k]!);
        const got = valuesAtRanks(Float64Array.from(input), ranks);
        got.forEach((v, i) => expect(Object.is(v, expected[i]), `rank ${ranks[i]}: ${v} against ${expected[i]}`).toBe(true));
      }),
      { numRuns: 300 },
    );
  });

  it('sorts, as before, when a value is not a number', () => {
    const input = Float64Array.from([3, NaN, -1, 0, -0, 2]);
    expect(valuesAtRanks(input, [0, 1, 2, 3, 5]).map((v) => (Object.is(v, -0) ? '-0' : String(v)))).toEqual(['-1', '-0', '0', '2', 'NaN']);
  });

  it('finds the first and last a sort would give', () => {
    fc.assert(
      fc.property(fc.array(slope, { minLength: 1, maxLength: 300 }), (values) => {
        const s = sorted(Float64Array.from(values));
        const { min, max } = minMax(Float64Array.from(values));
        // The callers compare with 0 only, so a zero of either sign will do (=== does not tell them apart).
        expect(min === s[0], `${min} against ${s[0]}`).toBe(true);
        expect(max === s[s.length - 1], `${max} against ${s[s.length - 1]}`).toBe(true);
      }),
    );
  });
});

/** strataOf as it was written first: one joined key per reading. */
function strataByKey(points: readonly RomPoint[], unknownMatches: boolean): Stratum[] {
  const byKey = new Map<string, Stratum>();
  points.forEach((p, i) => {
    const key = stratumKeyOf(p, unknownMatches);
    if (key === null) return;
    const s = byKey.get(key);
    if (s) s.indices.push(i);
    else byKey.set(key, { raterId: p.raterId, instrument: p.instrument, indices: [i] });
  });
  return [...byKey.values()];
}

describe('strataOf', () => {
  it('groups readings exactly as by their joined stratum key, in order of first reading', () => {
    const point = fc.record({
      date: fc.constant('2026-01-01'),
      value: fc.integer({ min: 0, max: 90 }),
      raterId: fc.constantFrom(null, 'ann', 'ben', 'cy'),
      instrument: fc.constantFrom(null, 'goniometer', 'smartphone'),
    });
    fc.assert(
      fc.property(fc.array(point, { maxLength: 60 }), fc.boolean(), (points, unknownMatches) => {
        expect(strataOf(points, unknownMatches)).toEqual(strataByKey(points, unknownMatches));
      }),
      { numRuns: 300 },
    );
  });
});
